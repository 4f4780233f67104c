using System.Diagnostics;
using System.Globalization;
using HaSim.Model.Presets;
using HaSim.Scenarios.Storms;
using Xunit.Abstractions;

namespace HaSim.Scenarios.Tests.Storms;

/// <summary>
/// Fault storms on every preset, every invariant checker on: 20,000 storms by default, more with
/// <c>HASIM_STORMS=N</c> (and another seed range with <c>HASIM_STORM_SEED=S</c>). A failing storm is
/// shrunk and printed as a scenario file that reproduces it.
/// </summary>
public class FaultStormTests(ITestOutputHelper output)
{
    private const int DefaultStorms = 20_000;

    public static TheoryData<string> Presets() => [.. PresetCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Overlapping_fault_storms_keep_every_invariant_and_recover(string name)
    {
        var preset = PresetCatalog.Find(name)!;
        int total = int.TryParse(Environment.GetEnvironmentVariable("HASIM_STORMS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : DefaultStorms;
        ulong first = ulong.TryParse(Environment.GetEnvironmentVariable("HASIM_STORM_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : 1;
        int storms = (total + PresetCatalog.All.Count - 1) / PresetCatalog.All.Count;
        int faults = 0;
        long checks = 0;
        var watch = Stopwatch.StartNew();
        for (ulong seed = first; seed < first + (ulong)storms; seed++)
        {
            var storm = FaultStorm.Generate(preset, seed);
            faults += storm.Faults.Count;
            string? failure = FaultStorm.Check(storm, out long held);
            checks += held;
            if (failure is not null)
            {
                var shrunk = FaultStorm.Shrink(storm);
                Assert.Fail($"{name}, storm {seed} ({storm.Faults.Count} faults): {failure}\nshrunk to {shrunk.Faults.Count} fault(s), which fails with: {FaultStorm.Check(shrunk)}\n\n{shrunk.ToYaml()}");
            }
        }

        output.WriteLine($"{name}: {storms} storms, {faults} faults, {checks} invariant checks, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(faults > storms, "storms should hold several faults on average");
        Assert.True(checks > 10L * faults, "the checkers should observe every change");
    }
}
