using System.Globalization;

namespace HaSim.Analysis.Budgets;

/// <summary>Which statistic of a metric's sample a goal constrains.</summary>
public enum StatisticKind
{
    /// <summary>The mean (Student t interval).</summary>
    Mean,

    /// <summary>A quantile such as p99 (distribution-free order-statistic interval, widened by the sketch's error).</summary>
    Quantile,

    /// <summary>The largest value in the sample: exact, a statement about the replications run rather than an estimate.</summary>
    Max,

    /// <summary>P(metric &gt; threshold) (Wilson interval over the sample).</summary>
    Exceeds,

    /// <summary>P(metric = 0) (Wilson interval over the sample).</summary>
    Zero,
}

/// <summary>A statistic of a metric's sample: its kind and, for a quantile, the probability, for <see cref="StatisticKind.Exceeds"/>, the threshold.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Parameter">The quantile's probability in (0, 1), or the threshold in the metric's unit; 0 otherwise.</param>
public sealed record Statistic(StatisticKind Kind, double Parameter = 0)
{
    /// <summary>The mean.</summary>
    public static Statistic Mean { get; } = new(StatisticKind.Mean);

    /// <summary>The sample maximum.</summary>
    public static Statistic Max { get; } = new(StatisticKind.Max);

    /// <summary>P(metric = 0).</summary>
    public static Statistic Zero { get; } = new(StatisticKind.Zero);

    /// <summary>The quantile at probability <paramref name="p"/>, e.g. 0.99 for p99.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not strictly between 0 and 1.</exception>
    public static Statistic Quantile(double p) => p > 0 && p < 1 ? new(StatisticKind.Quantile, p) : throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability lies strictly between 0 and 1.");

    /// <summary>P(metric &gt; <paramref name="threshold"/>).</summary>
    public static Statistic Exceeds(double threshold) => new(StatisticKind.Exceeds, threshold);

    /// <summary>Whether the statistic is a proportion (a probability, judged with a Wilson interval).</summary>
    public bool IsProbability => Kind is StatisticKind.Exceeds or StatisticKind.Zero;

    /// <summary>The name of a quantile as written in goals: 0.99 → <c>p99</c>, 0.999 → <c>p99.9</c>.</summary>
    public static string QuantileName(double p) => "p" + (p * 100).ToString("0.##########", CultureInfo.InvariantCulture);
}
