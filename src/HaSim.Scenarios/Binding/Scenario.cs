using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Workloads;

namespace HaSim.Scenarios.Binding;

/// <summary>A validated scenario: a preset with overrides, a workload, a client policy and a timeline of faults.</summary>
/// <param name="Name">A short name (defaults to the file name).</param>
/// <param name="Description">What the scenario replays.</param>
/// <param name="FilePath">The file it was read from.</param>
/// <param name="Preset">The preset it builds on.</param>
/// <param name="Parameters">The preset's parameters with the scenario's overrides.</param>
/// <param name="Overrides">The keys the scenario overrode.</param>
/// <param name="Workload">The workload.</param>
/// <param name="Client">The client policy.</param>
/// <param name="Timeline">Scripted faults in time order.</param>
/// <param name="Seed">The root seed.</param>
/// <param name="HorizonSeconds">The longest a scripted run goes on.</param>
/// <param name="Expectations">Figures the run should reproduce.</param>
public sealed record Scenario(
    string Name,
    string Description,
    string FilePath,
    Preset Preset,
    ParameterSet Parameters,
    IReadOnlyList<string> Overrides,
    Workload Workload,
    ClientPolicy Client,
    IReadOnlyList<Fault> Timeline,
    ulong Seed,
    double HorizonSeconds,
    IReadOnlyList<Expectation> Expectations)
{
    /// <summary>The default horizon of a scripted run: 30 days, long enough for any restore to finish.</summary>
    public const double DefaultHorizonSeconds = 30 * 86400.0;

    /// <summary>The default root seed.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>The longest horizon a scripted run may have: the longest duration any parameter may have.</summary>
    public const double MaxHorizonSeconds = Model.Parameters.ParameterDomain.MaxSeconds;

    /// <summary>The most faults a timeline may hold.</summary>
    public const int MaxTimelineFaults = 10_000;

    /// <summary>The text the scenario was read from (null when it was built in code), for its identity hash.</summary>
    public string? SourceText { get; init; }
}
