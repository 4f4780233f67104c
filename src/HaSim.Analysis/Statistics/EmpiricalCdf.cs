using System.Collections;

namespace HaSim.Analysis.Statistics;

/// <summary>One point of an empirical distribution function: <see cref="Probability"/> is exactly the
/// fraction of the values that are at most <see cref="Value"/>.</summary>
/// <param name="Value">A value (a bucket edge of the sketch the point comes from, so within its relative accuracy of a value observed).</param>
/// <param name="Probability">The fraction of values at most <paramref name="Value"/>, in (0, 1].</param>
public readonly record struct CdfPoint(double Value, double Probability);

/// <summary>
/// Points of an empirical distribution function, in increasing order of value and probability; the
/// last point is the maximum with probability 1. Equal when their points are equal, so records that
/// hold one (a <see cref="StatisticSummary"/>) keep value equality.
/// </summary>
public sealed class EmpiricalCdf : IReadOnlyList<CdfPoint>, IEquatable<EmpiricalCdf>
{
    /// <summary>The probabilities at which reports sample a distribution: every 2% to 90%, every 1% to
    /// 99%, then 99.5%, 99.9%, 99.95%, 99.99% and 100%, so the tail a recovery-time budget cares about
    /// keeps its detail (60 probabilities).</summary>
    public static IReadOnlyList<double> ReportProbabilities { get; } =
    [
        0, .. Enumerable.Range(1, 45).Select(k => k / 50.0), .. Enumerable.Range(91, 9).Select(k => k / 100.0), 0.995, 0.999, 0.9995, 0.9999, 1,
    ];

    private readonly CdfPoint[] _points;

    /// <summary>An empty function (no values).</summary>
    public static EmpiricalCdf Empty { get; } = new([]);

    /// <summary>Wraps <paramref name="points"/>, which must increase in value and probability.</summary>
    /// <exception cref="ArgumentException">The points are not increasing, or a probability lies outside (0, 1].</exception>
    public EmpiricalCdf(IEnumerable<CdfPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = [.. points];
        for (int k = 0; k < _points.Length; k++)
        {
            var p = _points[k];
            if (!(p.Probability > 0 && p.Probability <= 1) || !double.IsFinite(p.Value)
                || (k > 0 && !(p.Value > _points[k - 1].Value && p.Probability > _points[k - 1].Probability)))
            {
                throw new ArgumentException($"Point {k} ({p.Value}, {p.Probability}) does not continue an increasing distribution function.", nameof(points));
            }
        }
    }

    /// <inheritdoc/>
    public int Count => _points.Length;

    /// <inheritdoc/>
    public CdfPoint this[int index] => _points[index];

    /// <inheritdoc/>
    public IEnumerator<CdfPoint> GetEnumerator() => ((IEnumerable<CdfPoint>)_points).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(EmpiricalCdf? other) => other is not null && _points.AsSpan().SequenceEqual(other._points);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EmpiricalCdf);

    /// <inheritdoc/>
    public override int GetHashCode() => _points.Length == 0 ? 0 : HashCode.Combine(_points.Length, _points[^1]);
}
