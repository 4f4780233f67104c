using System.Globalization;

namespace HaSim.Kernel.Distributions;

/// <summary>Resamples observed values with equal probability (for measured recovery times).</summary>
public sealed record Empirical : Distribution
{
    private readonly double[] _sorted;
    private readonly double[] _cumulative;

    /// <summary>An empirical distribution of <paramref name="observations"/> (at least one, none negative).</summary>
    public Empirical(IEnumerable<double> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        _sorted = observations.ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("An empirical distribution needs at least one observation.", nameof(observations));
        }

        foreach (double v in _sorted)
        {
            Check(v, nameof(observations), allowZero: true);
        }

        Array.Sort(_sorted);
        _cumulative = new double[_sorted.Length];
        double sum = 0;
        for (int i = 0; i < _sorted.Length; i++)
        {
            sum += _sorted[i];
            _cumulative[i] = sum;
        }
    }

    /// <summary>The observations, sorted.</summary>
    public IReadOnlyList<double> Observations => _sorted;

    /// <inheritdoc/>
    public override double Mean => _sorted.Average();

    /// <inheritdoc/>
    public override double Sample(System.Random random) => _sorted[(int)(random.NextDouble() * _sorted.Length)];

    /// <inheritdoc/>
    /// <remarks>The length-biased draw picks each observation with probability proportional to its value.</remarks>
    public override double SampleForwardRecurrence(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double total = _cumulative[^1];
        if (total <= 0)
        {
            return 0;
        }

        int i = Array.BinarySearch(_cumulative, random.NextDouble() * total);
        i = Math.Min(i < 0 ? ~i : i, _sorted.Length - 1);
        return random.NextDouble() * _sorted[i];
    }

    /// <inheritdoc/>
    public override double Quantile(double p)
    {
        CheckProbability(p);
        int i = Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1);
        return _sorted[Math.Max(0, i)];
    }

    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"empirical of {_sorted.Length} observations, median {Quantile(0.5):G6}");

    /// <inheritdoc/>
    public bool Equals(Empirical? other) => other is not null && _sorted.AsSpan().SequenceEqual(other._sorted);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_sorted.Length, _sorted[0], _sorted[^1]);
}
