using HaSim.Scenarios.Diagnostics;

namespace HaSim.Analysis.Sweeps;

/// <summary>How a sweep combines its parameters.</summary>
public enum SweepMode
{
    /// <summary>Every combination of the values (the first parameter varies slowest).</summary>
    Grid,

    /// <summary>Each parameter's values in turn, the others left as the file has them.</summary>
    OneAtATime,
}

/// <summary>One point of a sweep: a value for some of the swept parameters (the others as in the file).</summary>
/// <param name="Index">The point's position in the sweep (0-based).</param>
/// <param name="Settings">Key and value text of each parameter this point sets, in parameter order.</param>
public sealed record SweepPointSpec(int Index, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary>The point for people: <c>key=value, key=value</c>.</summary>
    public string Label => string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"));
}

/// <summary>The points of a sweep, in order, at most <see cref="SweepParameter.MaxPoints"/>.</summary>
public static class SweepPlan
{
    /// <summary>The points <paramref name="parameters"/> give in <paramref name="mode"/>.</summary>
    /// <exception cref="ScenarioException">A key is given twice, or there would be too many points.</exception>
    public static IReadOnlyList<SweepPointSpec> Points(IReadOnlyList<SweepParameter> parameters, SweepMode mode)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ScenarioException(new ScenarioDiagnostic("--param", 0, 0, "", "a sweep needs at least one --param KEY=VALUES"));
        }

        var twice = parameters.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ScenarioException(new ScenarioDiagnostic("--param", 1, 1, twice.Key, $"'{twice.Key}' is swept twice", "give each parameter one --param with all its values"));
        }

        long count = mode == SweepMode.Grid
            ? parameters.Aggregate(1L, (n, p) => Math.Min(long.MaxValue / 1024, n * p.Values.Count))
            : parameters.Sum(p => (long)p.Values.Count);
        if (count > SweepParameter.MaxPoints)
        {
            throw new ScenarioException(new ScenarioDiagnostic("--param", 1, 1, "", $"the sweep has {count} points ({(mode == SweepMode.Grid ? "a grid: the product" : "one at a time: the sum")} of the parameters' value counts)", $"a sweep has at most {SweepParameter.MaxPoints} points: fewer values{(mode == SweepMode.Grid ? ", or --one-at-a-time" : "")}"));
        }

        var points = new List<SweepPointSpec>();
        if (mode == SweepMode.OneAtATime)
        {
            foreach (var p in parameters)
            {
                foreach (var v in p.Values)
                {
                    points.Add(new SweepPointSpec(points.Count, [new(p.Key, v)]));
                }
            }

            return points;
        }

        var index = new int[parameters.Count];
        while (true)
        {
            points.Add(new SweepPointSpec(points.Count, [.. parameters.Select((p, k) => new KeyValuePair<string, string>(p.Key, p.Values[index[k]]))]));
            int d = parameters.Count - 1;
            while (d >= 0 && ++index[d] == parameters[d].Values.Count)
            {
                index[d] = 0;
                d--;
            }

            if (d < 0)
            {
                return points;
            }
        }
    }
}
