using HaSim.Model.Incidents;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.Tests.Invariants;

/// <summary>
/// Invariants checked on every incident of long random runs of every preset, in the manner of
/// deterministic simulation testing: one seed reproduces any violation.
/// </summary>
public class RunInvariantTests
{
    public static TheoryData<string> Presets() => [.. PresetCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Every_incident_of_a_thousand_random_years_is_well_formed(string preset)
    {
        var scenario = ScenarioLoader.Parse($"preset: {preset}\n", $"{preset}.yaml");
        for (int r = 0; r < 20; r++)
        {
            var checker = new InvariantChecker(preset, r);
            double horizon = ReplicationRunner.Run(scenario, 7, r, 50, checker);
            checker.AssertEnd(horizon);
        }
    }

    private sealed class InvariantChecker(string preset, int replication) : IRunObserver
    {
        private double _lastEnd = double.NegativeInfinity;
        private int _incidents;

        public bool WantsTrace => false;

        public void OnIncidentClosed(Incident i)
        {
            _incidents++;
            string where = $"{preset}, replication {replication}, incident {i.Number} ({i.FailureMode} at {i.StartSeconds:F1} s)";

            // Server-side incidents never overlap: one opens only while the service is serving.
            Assert.True(i.StartSeconds >= _lastEnd, $"{where}: starts before the previous incident ended");
            if (i.ServerRestoredSeconds is { } restored)
            {
                _lastEnd = restored;
                Assert.True(i.DetectedSeconds is null || (i.DetectedSeconds >= i.StartSeconds && i.DetectedSeconds <= restored), $"{where}: detection outside the incident");
                Assert.True(i.ClientRestoredSeconds >= restored, $"{where}: clients back before the server");
                foreach (var s in i.Stages)
                {
                    Assert.True(s.StartSeconds >= i.StartSeconds && s.EndSeconds >= s.StartSeconds, $"{where}: stage '{s.Name}' out of order");
                    Assert.True(s.Outcome != "done" || s.EndSeconds <= restored + 1e-6, $"{where}: stage '{s.Name}' ended after service returned");
                }
            }

            Assert.True(i.RpoBytes >= 0 && i.RpoSeconds >= 0, $"{where}: negative RPO");
            Assert.True(i.TransactionsAborted >= 0, $"{where}: negative aborted transactions");

            // Data is lost only by a restore from backup, or by an asynchronous standby's lag.
            if (i.RpoBytes > 0)
            {
                bool fromBackup = i.Stages.Any(s => s.Name == "restore the latest backup");
                bool asyncFailover = preset is "aiven-business" or "aiven-premium" && i.Stages.Any(s => s.Name == "promote the standby to primary");
                Assert.True(fromBackup || asyncFailover, $"{where}: lost {i.RpoBytes} bytes without a restore or an asynchronous failover");
            }
        }

        public void OnDegraded(DegradedInterval d) =>
            Assert.True(d.EndSeconds >= d.StartSeconds, $"{preset}, replication {replication}: degraded '{d.Kind}' ends before it starts");

        public void OnTrace(TraceRecord record)
        {
        }

        public void AssertEnd(double horizon)
        {
            Assert.True(_lastEnd <= horizon);
            Assert.True(_incidents > 100, $"{preset}, replication {replication}: only {_incidents} incidents in 50 years; the checks would be vacuous");
        }
    }
}
