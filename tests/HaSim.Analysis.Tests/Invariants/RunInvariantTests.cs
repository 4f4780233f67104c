using HaSim.Model.Incidents;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Analysis.Tests.Invariants;

/// <summary>
/// A thousand random years of every preset with every invariant checker on: the checkers observe
/// every state change (an <see cref="Model.Invariants.InvariantViolationException"/> names the seed
/// and time), and the result is checked from outside too.
/// </summary>
public class RunInvariantTests
{
    public static TheoryData<string> Presets() => [.. PresetCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void A_thousand_random_years_keep_every_invariant(string preset)
    {
        var scenario = ScenarioLoader.Parse($"preset: {preset}\n", $"{preset}.yaml");
        int incidents = 0;
        for (int r = 0; r < 20; r++)
        {
            var recorder = new RunRecorder(keepTrace: false);
            double horizon = ReplicationRunner.Run(scenario, 7, r, 50, recorder, checkInvariants: true);
            foreach (var i in recorder.Incidents)
            {
                string where = $"{preset}, replication {r}, incident {i.Number} ({i.FailureMode.Key} at {i.StartSeconds:F1} s)";
                Assert.True(i.StartSeconds <= horizon, where);

                // Data is lost only by a restore from backup, or by an asynchronous standby's lag.
                Assert.True(i.RpoBytes == 0 || i.DataLossCause is not null, $"{where}: lost {i.RpoBytes} bytes with no recorded cause");
                Assert.True(i.DataLossCause != DataLossCause.AsynchronousFailover || preset is "aiven-business" or "aiven-premium", $"{where}: an asynchronous loss with synchronous replication");
            }

            incidents += recorder.Incidents.Count;
        }

        Assert.True(incidents > 2000, $"{preset}: only {incidents} incidents in 1,000 years; the checks would be vacuous");
    }
}
