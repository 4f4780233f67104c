using HaSim.Analysis.Statistics;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.Tests.ClosedForm;

/// <summary>Runs Monte Carlo replications of a scenario and estimates availability with a confidence interval.</summary>
internal static class ClosedFormRuns
{
    /// <summary>Clients retry every millisecond without jitter, so client-observed downtime equals server downtime to within 1 ms.</summary>
    public const string InstantClient = """
        client:
          retry_interval: 1 ms
          backoff: 1
          max_retry_interval: 1 ms
          connect_timeout: 0 s
          jitter: 0
        """;

    public static Scenario Scenario(string yaml) => ScenarioLoader.Parse(yaml, "closed-form.yaml");

    /// <summary>
    /// A scenario of <paramref name="preset"/> with every random failure class switched off
    /// (interval 0 s) except those <paramref name="overrides"/> set, plus the instant client.
    /// </summary>
    public static Scenario OnlyFailures(string preset, params string[] overrides)
    {
        var catalog = HaSim.Model.Presets.PresetCatalog.Find(preset)!.Parameters.Catalog;
        var set = overrides.Select(o => o.Split(':')[0].Trim()).ToHashSet();
        var lines = catalog.Definitions
            .Where(d => d.Key.StartsWith("failures.", StringComparison.Ordinal) && d.Key.EndsWith(".interval", StringComparison.Ordinal) && !set.Contains(d.Key))
            .Select(d => $"  {d.Key}: 0 s")
            .Concat(overrides.Select(o => "  " + o));
        return Scenario($"preset: {preset}\nparameters:\n{string.Join("\n", lines)}\n{InstantClient}");
    }

    /// <summary>Per-replication availability (client-observed) as moments across replications.</summary>
    public static (Moments Availability, List<Incident> Incidents) Availability(Scenario scenario, int replications, double years, ulong seed = 1)
    {
        var availability = new Moments(1e12);
        var incidents = new List<Incident>();
        for (int r = 0; r < replications; r++)
        {
            var recorder = new RunRecorder(keepTrace: false);
            double horizon = ReplicationRunner.Run(scenario, seed, r, years, recorder);
            double down = 0;
            foreach (var i in recorder.Incidents)
            {
                down += Math.Min(horizon, i.ClientRestoredSeconds ?? horizon) - i.StartSeconds;
            }

            availability.Add(1 - (down / horizon));
            incidents.AddRange(recorder.Incidents);
        }

        return (availability, incidents);
    }

    /// <summary>Asserts <paramref name="expected"/> lies inside the 99.9% t-interval of <paramref name="estimate"/>'s mean.</summary>
    public static void AssertCovers(Moments estimate, double expected, string what)
    {
        var ci = estimate.MeanConfidenceInterval(0.999);
        Assert.True(ci.Contains(expected), $"{what}: closed form {expected:F6} outside the 99.9% interval [{ci.Lower:F6}, {ci.Upper:F6}] (n = {estimate.Count})");
    }
}
