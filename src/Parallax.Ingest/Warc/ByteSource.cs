namespace Parallax.Ingest.Warc;

/// <summary>
/// A forward-only byte reader over a stream with its own buffer, a running offset and push-back, so the WARC parser
/// can read header lines, copy or skip blocks, and step back into a block when a record's Content-Length lied.
/// </summary>
internal sealed class ByteSource(Stream stream, int bufferSize = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    // Bytes handed back by Unread, read before the buffer; a stack so nested push-backs stay in order.
    private readonly Stack<(byte[] Bytes, int Start)> _pushed = new();

    /// <summary>Offset of the next byte in the (decompressed) stream.</summary>
    public long Position { get; private set; }

    private bool Fill()
    {
        if (_start < _end) return true;
        if (_eof) return false;
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0) { _eof = true; return false; }
        return true;
    }

    /// <summary>The next byte, or -1 at the end.</summary>
    public int ReadByte()
    {
        while (_pushed.Count > 0)
        {
            var (bytes, start) = _pushed.Pop();
            if (start >= bytes.Length) continue;
            if (start + 1 < bytes.Length) _pushed.Push((bytes, start + 1));
            Position++;
            return bytes[start];
        }
        if (!Fill()) return -1;
        Position++;
        return _buffer[_start++];
    }

    /// <summary>Reads up to <paramref name="count"/> bytes into <paramref name="into"/>; fewer only at the end.</summary>
    public int Read(byte[] into, int offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            if (_pushed.Count > 0)
            {
                var (bytes, start) = _pushed.Pop();
                int n = Math.Min(count - total, bytes.Length - start);
                Array.Copy(bytes, start, into, offset + total, n);
                if (start + n < bytes.Length) _pushed.Push((bytes, start + n));
                total += n;
                continue;
            }
            if (!Fill()) break;
            int m = Math.Min(count - total, _end - _start);
            Array.Copy(_buffer, _start, into, offset + total, m);
            _start += m;
            total += m;
        }
        Position += total;
        return total;
    }

    /// <summary>Discards up to <paramref name="count"/> bytes; returns how many were there.</summary>
    public long Skip(long count)
    {
        long total = 0;
        while (total < count)
        {
            if (_pushed.Count > 0)
            {
                var (bytes, start) = _pushed.Pop();
                int n = (int)Math.Min(count - total, bytes.Length - start);
                if (start + n < bytes.Length) _pushed.Push((bytes, start + n));
                total += n;
                continue;
            }
            if (!Fill()) break;
            int m = (int)Math.Min(count - total, _end - _start);
            _start += m;
            total += m;
        }
        Position += total;
        return total;
    }

    /// <summary>Gives back <paramref name="bytes"/>[<paramref name="start"/>..] to be read again next.</summary>
    public void Unread(byte[] bytes, int start)
    {
        if (start >= bytes.Length) return;
        _pushed.Push((bytes, start));
        Position -= bytes.Length - start;
    }

    /// <summary>
    /// One line without its "\r\n" or "\n", as Latin-1 (WARC and HTTP heads are ASCII). Null at the end of input;
    /// <paramref name="tooLong"/> is set when the line exceeds <paramref name="maxLength"/> (the rest is discarded).
    /// </summary>
    public string? ReadLine(int maxLength, out bool tooLong)
    {
        tooLong = false;
        var chars = new char[Math.Min(maxLength, 256)];
        int length = 0;
        int b = ReadByte();
        if (b < 0) return null;
        while (b >= 0 && b != '\n')
        {
            if (length < maxLength)
            {
                if (length == chars.Length) Array.Resize(ref chars, Math.Min(maxLength, chars.Length * 2));
                chars[length++] = (char)b;
            }
            else tooLong = true;
            b = ReadByte();
        }
        if (length > 0 && chars[length - 1] == '\r') length--;
        return new string(chars, 0, length);
    }
}
