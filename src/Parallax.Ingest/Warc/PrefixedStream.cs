namespace Parallax.Ingest.Warc;

/// <summary>A few bytes already consumed, then the rest of a stream (not disposing it).</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
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

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
