using System.IO.Compression;

namespace Parallax.Ingest.Warc;

/// <summary>
/// Decompresses a sequence of gzip members (a .warc.gz holds one per record) and survives a corrupt member: the error
/// is recorded with the compressed offset reached, the input is scanned for the next gzip header, and decompression
/// resumes there. The WARC parser then resynchronises on the next record start. A truncated last member simply ends
/// the stream; the WARC parser reports the record it cut short.
/// </summary>
internal sealed class GzipMembersStream : ForwardOnlyStream
{
    private readonly CountingStream _raw;
    private Stream _gzip;
    private readonly List<string> _problems = [];
    private long _resumedAt = -1;

    public GzipMembersStream(Stream raw)
    {
        _raw = new CountingStream(raw);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Problems met since the last call, each naming the compressed offset.</summary>
    public List<string> TakeProblems()
    {
        var copy = new List<string>(_problems);
        _problems.Clear();
        return copy;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Each pass either returns data, ends the stream, or moves the raw input forward, so this always terminates.
        while (true)
        {
            try
            {
                return _gzip.Read(buffer, offset, count);
            }
            catch (InvalidDataException ex)
            {
                long at = _raw.Consumed;
                _problems.Add($"corrupt gzip data before compressed byte {at} ({ex.Message.TrimEnd('.')}); resuming at the next gzip member");
                _gzip.Dispose();
                if (!SeekNextMember()) return 0;
            }
        }
    }

    /// <summary>
    /// Finds the next gzip header (1f 8b 08) after the damage. The input is handed to the decompressor in chunks that
    /// each hold at most one header, at their start, and the decompressor failed on the last chunk it took: the next
    /// member starts after that chunk's first byte. The scan never goes back into members already read (a scan from
    /// an earlier point read them, and their records, a second time).
    /// </summary>
    private bool SeekNextMember()
    {
        var (last, lastStart) = _raw.LastChunk;
        long from = Math.Max(lastStart + 1, _resumedAt + 1);
        for (long p = from; p + 2 < lastStart + last.Length; p++)
        {
            int i = (int)(p - lastStart);
            if (last[i] == 0x1f && last[i + 1] == 0x8b && last[i + 2] == 0x08)
            {
                _resumedAt = p;
                _gzip = new GZipStream(new PrefixedStream(last[i..], _raw), CompressionMode.Decompress, leaveOpen: true);
                return true;
            }
        }
        // Not in the chunk: scan on through the input, carrying a partial match across the chunk's end.
        int state = 0;
        for (int k = Math.Max(0, last.Length - 2); k < last.Length; k++)
            if (lastStart + k >= from) state = Step(state, last[k]);
        while (true)
        {
            long at = _raw.Consumed;
            int b = _raw.ReadByte();
            if (b < 0) return false;
            state = Step(state, b);
            if (state != 3) continue;
            _resumedAt = at - 2;
            _gzip = new GZipStream(new PrefixedStream([0x1f, 0x8b, 0x08], _raw), CompressionMode.Decompress, leaveOpen: true);
            return true;
        }
    }

    private static int Step(int state, int b) => (state, b) switch
    {
        (1, 0x8b) => 2,
        (2, 0x08) => 3,
        (_, 0x1f) => 1,
        _ => 0,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _gzip.Dispose(); _raw.Dispose(); }
        base.Dispose(disposing);
    }


    /// <summary>Counts the bytes read from the underlying stream (the compressed offset reached), hands them out in
    /// small chunks that end before each possible gzip header (so a chunk holds at most one, at its start), and keeps
    /// the last chunk, so a failure is never more than one chunk behind the damage.</summary>
    private sealed class CountingStream(Stream inner) : ForwardOnlyStream
    {
        private const int Chunk = 4096;
        private readonly byte[] _last = new byte[Chunk];
        private readonly byte[] _ahead = new byte[4 * Chunk];
        private int _pos, _end;
        private int _lastLength;
        private long _lastStart;

        public long Consumed { get; private set; }

        /// <summary>A copy of the last chunk handed out and its offset (only needed after a failure).</summary>
        public (byte[] Bytes, long Start) LastChunk => (_last[.._lastLength], _lastStart);

        /// <summary>At least three bytes buffered ahead unless the input ends; false at its end.</summary>
        private bool Fill()
        {
            if (_end - _pos >= 3) return true;
            Array.Copy(_ahead, _pos, _ahead, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
            int n;
            while (_end < 3 && (n = inner.Read(_ahead, _end, _ahead.Length - _end)) > 0) _end += n;
            return _end > _pos;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0 || !Fill()) return 0;
            if (_end - _pos < Chunk && _end < _ahead.Length)
            {
                int n = inner.Read(_ahead, _end, _ahead.Length - _end);
                _end += n;
            }
            int max = Math.Min(Math.Min(count, Chunk), _end - _pos);
            // Stop before the next byte that may start a header (checked where its next two bytes are known).
            int take = max;
            for (int i = _pos + 1; i < _pos + max; i++)
            {
                if (_ahead[i] != 0x1f) continue;
                if (i + 2 >= _end || (_ahead[i + 1] == 0x8b && _ahead[i + 2] == 0x08)) { take = i - _pos; break; }
            }
            _ahead.AsSpan(_pos, take).CopyTo(buffer.AsSpan(offset));
            _ahead.AsSpan(_pos, take).CopyTo(_last);
            _lastLength = take;
            _lastStart = Consumed;
            Consumed += take;
            _pos += take;
            return take;
        }

        public override int ReadByte()
        {
            if (!Fill()) return -1;
            Consumed++;
            return _ahead[_pos++];
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
