using System.Text;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Reads lines in fixed-size chunks, holding at most <paramref name="maxChars"/> characters of one line: a longer line
/// is read to its end without being kept, and only its length is reported. A reader's own ReadLine builds the whole
/// line first, so one 1 GB line took the process down before any check could refuse it.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, long maxChars)
{
    private readonly char[] buffer = new char[64 * 1024];
    private readonly StringBuilder line = new();
    private int pos, len;

    /// <summary>Characters read from the input so far (for tests: every character is read once).</summary>
    public long CharsRead { get; private set; }

    /// <summary>The next line without its end (\n or \r\n): false at the end of the input. <paramref name="text"/> is
    /// null when the line is longer than the limit; <paramref name="length"/> is its length in characters either way.</summary>
    public bool Next(out string? text, out long length)
    {
        line.Clear();
        long n = 0;
        bool any = false, over = false;
        while (true)
        {
            if (pos == len)
            {
                len = reader.Read(buffer, 0, buffer.Length);
                pos = 0;
                CharsRead += len;
                if (len == 0)
                {
                    if (!any) { text = null; length = 0; return false; }
                    break;
                }
            }
            any = true;
            int nl = Array.IndexOf(buffer, '\n', pos, len - pos);
            int end = nl < 0 ? len : nl;
            n += end - pos;
            if (!over)
            {
                if (n > maxChars + 1) { over = true; line.Clear(); } // + 1: room for a \r before the \n
                else line.Append(buffer, pos, end - pos);
            }
            pos = nl < 0 ? len : nl + 1;
            if (nl >= 0) break;
        }
        if (!over && line.Length > 0 && line[^1] == '\r') { line.Length--; n--; }
        if (!over && n > maxChars) over = true;
        length = n;
        text = over ? null : line.ToString();
        return true;
    }
}
