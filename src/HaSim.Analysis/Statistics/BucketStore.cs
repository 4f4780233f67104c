using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// Exact counts per bucket index, in a dense array covering the non-empty index range (plus at most
/// as much slack again, for growth). Its observable state — which indices hold which counts — does not
/// depend on the order of additions or merges.
/// </summary>
internal sealed class BucketStore
{
    private const int MinCapacity = 32;
    private long[] _counts = [];
    private int _offset; // _counts[k] holds the count of index _offset + k

    /// <summary>The smallest non-empty index (meaningless when empty).</summary>
    public int MinIndex { get; private set; } = int.MaxValue;

    /// <summary>The largest non-empty index (meaningless when empty).</summary>
    public int MaxIndex { get; private set; } = int.MinValue;

    public long TotalCount { get; private set; }

    public bool IsEmpty => TotalCount == 0;

    /// <summary>How many buckets hold at least one value.</summary>
    public int NonEmptyBucketCount
    {
        get
        {
            var n = 0;
            for (var i = MinIndex; !IsEmpty && i <= MaxIndex; i++)
            {
                n += _counts[i - _offset] != 0 ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>How many counters are allocated (the memory footprint, in longs).</summary>
    public int Capacity => _counts.Length;

    public long this[int index] =>
        index >= _offset && index - _offset < _counts.Length ? _counts[index - _offset] : 0;

    /// <summary>Adds <paramref name="count"/> to the count of <paramref name="index"/>, growing the store if it does not cover it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per value a sketch adds: the covered case first
    public void Add(int index, long count)
    {
        if (count == 0)
        {
            return;
        }

        // In 64 bits, so an index far from the offset cannot wrap into the array.
        var k = (long)index - _offset;
        if ((ulong)k >= (ulong)_counts.Length)
        {
            EnsureCovers(index, index);
            k = (long)index - _offset;
        }

        checked
        {
            _counts[k] += count;
            TotalCount += count;
        }

        if (index < MinIndex)
        {
            MinIndex = index;
        }

        if (index > MaxIndex)
        {
            MaxIndex = index;
        }
    }

    public void Merge(BucketStore other)
    {
        if (other.IsEmpty)
        {
            return;
        }

        EnsureCovers(other.MinIndex, other.MaxIndex);
        checked
        {
            for (var i = other.MinIndex; i <= other.MaxIndex; i++)
            {
                _counts[i - _offset] += other._counts[i - other._offset];
            }

            TotalCount += other.TotalCount;
        }

        MinIndex = Math.Min(MinIndex, other.MinIndex);
        MaxIndex = Math.Max(MaxIndex, other.MaxIndex);
    }

    public BucketStore Clone() => new()
    {
        _counts = (long[])_counts.Clone(),
        _offset = _offset,
        MinIndex = MinIndex,
        MaxIndex = MaxIndex,
        TotalCount = TotalCount,
    };

    public bool HasSameState(BucketStore other)
    {
        if (TotalCount != other.TotalCount)
        {
            return false;
        }

        if (IsEmpty)
        {
            return true;
        }

        if (MinIndex != other.MinIndex || MaxIndex != other.MaxIndex)
        {
            return false;
        }

        for (var i = MinIndex; i <= MaxIndex; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>{"start":i,"counts":[…]}</c>: the counts of indices start, start + 1, … up to the
    /// largest non-empty index; <c>{"start":0,"counts":[]}</c> when empty.</summary>
    public JsonObject ToJson()
    {
        var counts = new JsonArray();
        for (var i = MinIndex; !IsEmpty && i <= MaxIndex; i++)
        {
            counts.Add(this[i]);
        }

        return new JsonObject { ["start"] = IsEmpty ? 0 : MinIndex, ["counts"] = counts };
    }

    public static BucketStore FromJson(JsonObject json, string context)
    {
        var start = StatisticsJson.GetLong(json, "start", context);
        var counts = StatisticsJson.GetArray(json, "counts", context);
        if (start < int.MinValue || start + counts.Count - 1 > int.MaxValue)
        {
            throw new JsonException($"{context}: bucket indices out of range.");
        }

        var store = new BucketStore();
        for (var k = 0; k < counts.Count; k++)
        {
            var count = StatisticsJson.GetLong(counts[k], context);
            if (count < 0)
            {
                throw new JsonException($"{context}: negative bucket count.");
            }

            try
            {
                store.Add((int)(start + k), count);
            }
            catch (OverflowException e)
            {
                throw new JsonException($"{context}: the bucket counts overflow.", e);
            }
        }

        return store;
    }

    /// <summary>Non-empty buckets in increasing index order.</summary>
    public IEnumerable<(int Index, long Count)> Ascending()
    {
        for (var i = MinIndex; !IsEmpty && i <= MaxIndex; i++)
        {
            var count = this[i];
            if (count != 0)
            {
                yield return (i, count);
            }
        }
    }

    /// <summary>Non-empty buckets in decreasing index order.</summary>
    public IEnumerable<(int Index, long Count)> Descending()
    {
        for (var i = MaxIndex; !IsEmpty && i >= MinIndex; i--)
        {
            var count = this[i];
            if (count != 0)
            {
                yield return (i, count);
            }
        }
    }

    private void EnsureCovers(int low, int high)
    {
        if (_counts.Length > 0 && low >= _offset && high - _offset < _counts.Length)
        {
            return;
        }

        var newLow = IsEmpty ? low : Math.Min(low, MinIndex);
        var newHigh = IsEmpty ? high : Math.Max(high, MaxIndex);
        var needed = (long)newHigh - newLow + 1;
        var capacity = (int)Math.Min(Math.Max(needed * 2, MinCapacity), int.MaxValue / 2);
        if (capacity < needed)
        {
            throw new InvalidOperationException("The bucket range is too wide.");
        }

        var offset = (int)Math.Max(int.MinValue, newLow - ((capacity - needed) / 2));
        var counts = new long[capacity];
        if (!IsEmpty)
        {
            Array.Copy(_counts, MinIndex - _offset, counts, MinIndex - offset, MaxIndex - MinIndex + 1);
        }

        _counts = counts;
        _offset = offset;
    }
}
