using System.Diagnostics;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;

namespace HaSim.Benchmarks;

/// <summary>Same-harness CPU measure for before/after: MonteCarloRunner on one thread, CPU seconds and bytes allocated.</summary>
public static class PresetCpu
{
    public static int Run(int replications, int rounds)
    {
        Console.WriteLine($"{"preset",-26} {"db-yr/CPU-s (median of rounds)",32} {"B/db-yr",9}");
        foreach (var preset in PresetCatalog.All)
        {
            var scenario = ScenarioLoader.Parse($"preset: {preset.Name}\n", $"{preset.Name}.yaml");
            var settings = MonteCarloSettings.For(scenario, 100, replications, seed: 1);
            MonteCarloRunner.Run(scenario, MonteCarloSettings.For(scenario, 100, Math.Max(1, replications / 10), seed: 1), ShardSpec.Whole, 1);
            var rates = new List<double>();
            long bytes = 0;
            for (int k = 0; k < rounds; k++)
            {
                var p = Process.GetCurrentProcess();
                p.Refresh();
                var before = p.TotalProcessorTime;
                long b0 = GC.GetTotalAllocatedBytes(true);
                MonteCarloRunner.Run(scenario, settings, ShardSpec.Whole, 1);
                bytes = GC.GetTotalAllocatedBytes(true) - b0;
                p.Refresh();
                rates.Add(replications * 100 / (p.TotalProcessorTime - before).TotalSeconds);
            }

            rates.Sort();
            Console.WriteLine($"{preset.Name,-26} {rates[rates.Count / 2],32:N0} {bytes / (replications * 100.0),9:N0}");
        }

        return 0;
    }
}
