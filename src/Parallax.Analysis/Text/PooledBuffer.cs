using System.Buffers;

namespace Parallax.Analysis.Text;

/// <summary>
/// A growable buffer rented from the shared array pool: the text stages write tokens and sentences into it and copy
/// the result once into an exact-size array, so a document costs one rent, one copy and one return instead of a
/// list that doubles and is then copied again.
/// </summary>
internal struct PooledBuffer<T>(int capacity) : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(Math.Max(16, capacity));
    private int _count;

    /// <summary>What has been written so far.</summary>
    public readonly ReadOnlySpan<T> Written => _items.AsSpan(0, _count);

    public void Add(T item)
    {
        if (_count == _items.Length) Grow();
        _items[_count++] = item;
    }

    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_items);
        _items = bigger;
    }

    public void Dispose()
    {
        if (_items.Length > 0) ArrayPool<T>.Shared.Return(_items);
        _items = [];
        _count = 0;
    }
}
