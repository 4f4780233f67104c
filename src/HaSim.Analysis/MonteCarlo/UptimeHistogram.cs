using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>One bin of the monthly uptime histogram: months whose uptime u has <see cref="AtLeast"/> ≤ u &lt; <see cref="Below"/>
/// (the first bin, with no upper edge, holds the months without any downtime).</summary>
/// <param name="AtLeast">The bin's lower uptime edge, a fraction (1 for the months without downtime).</param>
/// <param name="Below">The bin's upper uptime edge (exclusive), or null for the months without downtime.</param>
/// <param name="Months">How many months fell in the bin.</param>
/// <param name="Share">Those months as a share of all months.</param>
public sealed record UptimeHistogramBin(double AtLeast, double? Below, long Months, double Share);

/// <summary>
/// The monthly uptime histogram, read from the sketch of downtime per month that every Monte Carlo run
/// already keeps (no separate counters, so shards and merges agree by construction).
/// </summary>
/// <remarks>
/// Bin edges are fixed (<see cref="Edges"/>), plus the SLA target and every credit tier's threshold,
/// so the SLA line of a chart falls on an edge. Months without downtime are counted exactly; a month
/// whose downtime lies within the sketch's relative accuracy of an edge may be counted in the bin
/// below it.
/// </remarks>
public static class UptimeHistogram
{
    /// <summary>The fixed uptime edges, below 100%.</summary>
    public static IReadOnlyList<double> Edges { get; } = [0.99999, 0.99995, 0.9999, 0.9995, 0.999, 0.998, 0.995, 0.99, 0.98, 0.95, 0.9];

    /// <summary>The bins, from the months without downtime down to the bin below the lowest edge.</summary>
    /// <param name="monthDowntime">The sketch of client downtime per month, in seconds.</param>
    /// <param name="monthSeconds">The length of a month, in seconds.</param>
    /// <param name="extraEdges">More uptime edges (the SLA target, credit tier thresholds); values outside (0, 1) are ignored.</param>
    public static IReadOnlyList<UptimeHistogramBin> From(QuantileSketch monthDowntime, double monthSeconds, IEnumerable<double> extraEdges)
    {
        ArgumentNullException.ThrowIfNull(monthDowntime);
        ArgumentNullException.ThrowIfNull(extraEdges);
        long months = monthDowntime.Count;
        var edges = Edges.Concat(extraEdges.Where(e => e > 0 && e < 1)).Distinct().OrderByDescending(e => e).ToList();
        var bins = new List<UptimeHistogramBin>(edges.Count + 2);
        double Share(long k) => months == 0 ? 0 : (double)k / months;

        long below = monthDowntime.CountAtMost(0); // months with no downtime
        bins.Add(new UptimeHistogramBin(1, null, below, Share(below)));
        double upper = 1;
        foreach (double edge in edges)
        {
            long atMost = Math.Max(below, monthDowntime.CountAtMost((1 - edge) * monthSeconds));
            bins.Add(new UptimeHistogramBin(edge, upper, atMost - below, Share(atMost - below)));
            below = atMost;
            upper = edge;
        }

        bins.Add(new UptimeHistogramBin(0, upper, months - below, Share(months - below)));
        return bins;
    }
}
