using HaSim.Analysis.MonteCarlo;
using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.RareEvents;

/// <summary>
/// The probability of one rare event in a Monte Carlo summary: its Wilson interval, the events behind
/// it and, when they are few, a warning and an exact one-sided upper bound.
/// </summary>
/// <param name="Event">The event.</param>
/// <param name="Probability">Events / trials with its Wilson interval (n = trials: years or months).</param>
/// <param name="Events">How many years (or months) had the event.</param>
/// <param name="UpperBound">The one-sided exact (Clopper–Pearson) upper bound at the run's confidence level, about 3/n with no event (the rule of three).</param>
public sealed record RareEventFigure(RareEvent Event, Estimate Probability, long Events, double UpperBound)
{
    /// <summary>Fewer events than this and the figure comes with a warning: its interval rests on too few events to be read as a distribution.</summary>
    public const long FewEvents = 10;

    /// <summary>True when fewer than <see cref="FewEvents"/> events were seen: quote <see cref="UpperBound"/>, or run the accelerated estimator.</summary>
    public bool IsFew => Events < FewEvents;

    /// <summary>The figure of <paramref name="rareEvent"/> from its counts.</summary>
    public static RareEventFigure From(RareEvent rareEvent, ProportionEstimate counts, double level)
    {
        ArgumentNullException.ThrowIfNull(rareEvent);
        ArgumentNullException.ThrowIfNull(counts);
        return new RareEventFigure(rareEvent, Estimate.Of(counts, level), counts.Successes, ClopperPearson.UpperBound(counts.Successes, counts.Trials, level));
    }

    /// <summary>The summary's rare-event figures: the year-level events, then a month below the SLA.</summary>
    internal static IReadOnlyList<RareEventFigure> Of(MonteCarloAccumulator a)
    {
        double level = a.Settings.Level;
        var figures = RareEvent.YearEvents.Select((e, k) => From(e, a.YearEvents[k], level)).ToList();
        figures.Add(From(RareEvent.SlaMiss, a.MonthsMissed, level));
        return figures;
    }
}
