using HaSim.Kernel;
using HaSim.Model.Architectures;
using HaSim.Model.Faults;
using HaSim.Model.Incidents;
using HaSim.Model.Presets;
using Xunit.Abstractions;

namespace HaSim.Model.Tests;

public class Smoke(ITestOutputHelper output)
{
    [Theory]
    [InlineData("azure-zone-redundant-ha", "primary", FaultKind.Fail)]
    [InlineData("azure-non-ha", "primary", FaultKind.Fail)]
    [InlineData("aiven-startup", "primary", FaultKind.Fail)]
    [InlineData("serverless", "compute-node", FaultKind.Fail)]
    [InlineData("serverless", "az-1", FaultKind.Outage)]
    public void Runs(string preset, string target, FaultKind kind)
    {
        var p = PresetCatalog.Find(preset)!;
        var sim = new Simulation(42);
        var rec = new RunRecorder();
        var sys = SystemFactory.Create(p.Model, new SystemContext(sim, p.Parameters, p.Workload, Clients.ClientPolicy.Default, rec));
        sys.Inject(new Fault(600, target, kind, kind == FaultKind.Outage ? 3600 : null));
        sim.Run(6 * 3600);
        sys.Finish();
        foreach (var t in rec.Trace)
        {
            output.WriteLine($"{t.TimeSeconds,10:F1} {t.Kind,-14} {t.Subject,-40} {t.Detail}");
        }

        foreach (var i in rec.Incidents)
        {
            output.WriteLine($"incident {i.Number} {i.FailureMode} rto={i.RtoSeconds} server={i.ServerRtoSeconds} rpo={i.RpoBytes} aborted={i.TransactionsAborted}");
        }

        Assert.NotEmpty(rec.Incidents);
    }
}
