using System.Globalization;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// One shard of a run split <see cref="Count"/> ways: shard <see cref="Index"/> runs the replications
/// whose index is congruent to <see cref="Index"/> modulo <see cref="Count"/> (round-robin, so every
/// shard gets nearly the same number whatever the total, and a slow stretch of indices is shared out).
/// </summary>
/// <param name="Index">Which shard, from 0 to <paramref name="Count"/> - 1.</param>
/// <param name="Count">How many shards the run is split into (at least 1).</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole run as one shard.</summary>
    public static ShardSpec Whole { get; } = new(0, 1);

    /// <summary>True if this is the whole run.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>How many of <paramref name="replications"/> replications this shard runs.</summary>
    public long ReplicationsOf(long replications) => Index >= replications ? 0 : ((replications - Index - 1) / Count) + 1;

    /// <summary>The index of this shard's <paramref name="k"/>-th replication (0-based).</summary>
    public long ReplicationIndex(long k) => Index + (k * Count);

    /// <summary>"i/N".</summary>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses exactly "i/N" (digits only, no spaces or signs) with 0 ≤ i &lt; N.</summary>
    /// <exception cref="FormatException">The text is not a valid shard.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || !text.Remove(slash, 1).All(char.IsAsciiDigit)
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"'{text}' is not a shard; write i/N with no spaces, e.g. 0/4 for the first of four shards.");
        }

        if (count < 1 || index >= count)
        {
            throw new FormatException($"'{text}': the index must be from 0 to N-1 and N at least 1 (e.g. 0/4 ... 3/4).");
        }

        return new ShardSpec(index, count);
    }
}
