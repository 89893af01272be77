namespace Parallax.Ingest.Warc;

/// <summary>A few bytes already consumed, then the rest of a stream (not disposing it).</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ForwardOnlyStream
{
    private int _used;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_used < prefix.Length)
        {
            int n = Math.Min(count, prefix.Length - _used);
            Array.Copy(prefix, _used, buffer, offset, n);
            _used += n;
            return n;
        }
        return rest.Read(buffer, offset, count);
    }

}
