using BenchmarkDotNet.Attributes;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Binding;

namespace HaSim.Benchmarks;

/// <summary>
/// Simulated database-years per second of each shipped preset in a Monte Carlo run: random
/// failures from the preset's sourced rates, aggregated into the full summary (RTO/RPO sketches,
/// monthly uptime, SLA, downtime by cause), as <c>hasim run --years 100</c> does it.
/// One operation = <see cref="Replications"/> replications of 100 years.
/// </summary>
/// <remarks>
/// Database-years per second = Replications x 100 / mean time. The threads parameter gives the
/// speed-up from 1 to 2 threads on this 2-core machine.
/// </remarks>
[MemoryDiagnoser]
public class PresetThroughputBenchmarks
{
    private const double Years = 100;
    private Scenario _scenario = null!;
    private MonteCarloSettings _settings = null!;

    /// <summary>Replications per operation.</summary>
    public const int Replications = 100;

    [Params("serverless", "aiven-startup", "aiven-business", "aiven-premium", "azure-non-ha", "azure-same-zone-ha", "azure-zone-redundant-ha")]
    public string Preset { get; set; } = "serverless";

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Parse($"preset: {Preset}\n", $"{Preset}.yaml");
        _settings = MonteCarloSettings.For(_scenario, Years, Replications, seed: 1);
    }

    [Benchmark]
    public long MonteCarloHundredYears()
    {
        var result = MonteCarloRunner.Run(_scenario, _settings, ShardSpec.Whole, Threads);
        return result.Incidents;
    }
}
