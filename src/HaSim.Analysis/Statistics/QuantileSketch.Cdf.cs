namespace HaSim.Analysis.Statistics;

/// <summary>The distribution function of a sketch, for charts and histograms.</summary>
public sealed partial class QuantileSketch
{
    /// <summary>
    /// Points of the empirical distribution function whose probabilities are exact: for each
    /// probability p asked for (in increasing order), the first bucket where the fraction of values
    /// at or below it reaches p, as (the bucket's upper edge, clamped to the maximum; that fraction).
    /// Buckets never overlap, so the fraction is exactly the share of values at most that edge; the
    /// edge is within the sketch's relative accuracy of the largest value in the bucket.
    /// </summary>
    /// <param name="probabilities">Increasing probabilities in [0, 1], for example <see cref="EmpiricalCdf.ReportProbabilities"/>.</param>
    /// <returns>At most one point per probability (duplicates merged); empty when the sketch is; the last point is (max, 1).</returns>
    public EmpiricalCdf CdfPoints(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        long n = Count;
        if (n == 0)
        {
            return EmpiricalCdf.Empty;
        }

        var points = new List<CdfPoint>(probabilities.Count);
        int next = 0;
        long seen = 0;
        foreach (var (upper, count) in AscendingAtoms())
        {
            seen += count;
            double fraction = (double)seen / n;
            bool wanted = false;
            while (next < probabilities.Count && (double)seen >= probabilities[next] * n)
            {
                wanted = true;
                next++;
            }

            if (wanted || seen == n)
            {
                points.Add(new CdfPoint(seen == n ? Max : upper, fraction));
            }
        }

        return new EmpiricalCdf(points);
    }

    /// <summary>
    /// How many values are at most <paramref name="value"/>, where values in the same bucket as
    /// <paramref name="value"/> count as at most it (they are within the sketch's relative accuracy of
    /// it). Exact for zero, and for any value outside the range of the values added.
    /// </summary>
    /// <param name="value">A finite value.</param>
    public long CountAtMost(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value must be finite.");
        }

        if (value >= Max)
        {
            return Count;
        }

        if (value < Min)
        {
            return 0;
        }

        long total = 0;
        if (value < 0)
        {
            int at = _mapping.Index(-value);
            foreach (var (index, count) in _negative.Descending())
            {
                if (index >= at)
                {
                    total += count;
                }
            }

            return total;
        }

        total = _negative.TotalCount + ZeroCount;
        if (value > 0)
        {
            int at = _mapping.Index(value);
            foreach (var (index, count) in _positive.Ascending())
            {
                if (index > at)
                {
                    break;
                }

                total += count;
            }
        }

        return total;
    }

    /// <summary>Every non-empty bucket, and the zeros, in increasing order of value: (the largest value it may hold, its count).</summary>
    private IEnumerable<(double Upper, long Count)> AscendingAtoms()
    {
        foreach (var (index, count) in _negative.Descending())
        {
            yield return (Math.Min(-_mapping.LowerEdge(index), Max), count);
        }

        if (ZeroCount > 0)
        {
            yield return (0.0, ZeroCount);
        }

        foreach (var (index, count) in _positive.Ascending())
        {
            yield return (Math.Min(_mapping.UpperEdge(index), Max), count);
        }
    }
}
