using System.Globalization;
using System.Runtime.CompilerServices;
using HaSim.Model.Parameters;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>
/// How much work a scenario asks for, known before it runs: the random failures expected per
/// simulated year (from every failure process's mean interval and the targets it strikes), and the
/// event limit that stops any single run that goes far beyond its estimate.
/// </summary>
public static class WorkEstimate
{
    /// <summary>Kernel events any run may process whatever its estimate (a scripted run takes thousands).</summary>
    public const long BaseEventLimit = 10_000_000;

    /// <summary>Kernel events allowed per expected failure or scripted fault, far above the few dozen one takes.</summary>
    public const long EventsPerFailure = 10_000;

    private static readonly ConditionalWeakTable<ParameterSet, Rates> Cache = new();

    /// <summary>Random failures expected per simulated year, over every failure process and target.</summary>
    public static double FailuresPerYear(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return RatesOf(scenario).Total;
    }

    /// <summary>Random failures expected per simulated year of one database of <paramref name="preset"/> with <paramref name="parameters"/> (a fleet group's).</summary>
    public static double FailuresPerYear(Model.Presets.Preset preset, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(parameters);
        return Cache.GetValue(parameters, p => Compute(preset, p)).Total;
    }

    /// <summary>The failure process that contributes most to <see cref="FailuresPerYear(Scenario)"/>, with its share, or null if none runs.</summary>
    public static (string Parameter, double PerYear, int Targets)? Largest(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rates = RatesOf(scenario);
        return rates.Largest is null ? null : (rates.Largest, rates.LargestPerYear, rates.LargestTargets);
    }

    /// <summary>The event limit of one run of <paramref name="scenario"/> over <paramref name="seconds"/> simulated seconds (0 for a scripted replay).</summary>
    public static long EventLimit(Scenario scenario, double seconds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double expected = (FailuresPerYear(scenario) * seconds / Model.Parameters.Units.SecondsPerYear) + scenario.Timeline.Count;
        double limit = BaseEventLimit + (EventsPerFailure * expected);
        return limit >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)limit;
    }

    /// <summary>A short account of the expected work, e.g. "about 2.5e+06 random failures (25 a year over 1e+05 simulated years)".</summary>
    public static string Describe(double failures, double perYear, double years) =>
        string.Create(CultureInfo.InvariantCulture, $"about {failures:G3} random failures ({perYear:G3} a year over {years:G3} simulated years)");

    private static Rates RatesOf(Scenario scenario) => Cache.GetValue(scenario.Parameters, p => Compute(scenario.Preset, p));

    private static Rates Compute(Model.Presets.Preset preset, ParameterSet parameters)
    {
        var architecture = preset.Architecture;
        var targets = architecture.Targets(parameters);
        var rates = new Rates();
        foreach (var process in architecture.FailureProcesses(parameters))
        {
            double mean = parameters.Get(process.Interval).Mean;
            if (!(mean > 0))
            {
                continue;
            }

            int struck = targets.Count(process.Strikes);
            double perYear = struck * Model.Parameters.Units.SecondsPerYear / mean;
            rates.Total += perYear;
            if (perYear > rates.LargestPerYear)
            {
                rates.Largest = process.Interval.Key;
                rates.LargestPerYear = perYear;
                rates.LargestTargets = struck;
            }
        }

        return rates;
    }

    private sealed class Rates
    {
        public double Total;
        public string? Largest;
        public double LargestPerYear;
        public int LargestTargets;
    }
}
