using HaSim.Model.Clients;
using HaSim.Model.Workloads;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Cost;

namespace HaSim.Scenarios.Grammar;

/// <summary>
/// The fields of a single database's scenario file. <see cref="ScenarioLoader"/> accepts exactly
/// these keys; <c>hasim schema scenario</c> writes its JSON Schema from them.
/// </summary>
public static class ScenarioGrammar
{
    // Sections are declared before the sections that hold them (static initialisers run in order).
    /// <summary>One step of a stepped WAL rate.</summary>
    public static FileSection WalStep { get; } = new("wal_step", "From this time on, the WAL rate is this (the first step starts at 0 s; steps in increasing time order).",
    [
        new("from", "when the step begins", ValueShape.Of(ValueKind.Duration), Required: true),
        new("rate", WorkloadParameters.WalRate.Description, ValueShape.Of(WorkloadParameters.WalRate), Required: true),
    ]);

    /// <summary>The fields of <c>workload:</c> (also in fleet groups).</summary>
    public static FileSection Workload { get; } = new("workload", "The load the database runs; every field overrides the preset's workload.",
    [
        new("wal_rate", "WAL generated per second: one rate, or steps of {from, rate} starting at 0 s.", ValueShape.OneOf(
            ValueShape.Of(WorkloadParameters.WalRate),
            ValueShape.List(ValueShape.Map(WalStep), minItems: 1, maxItems: Scenario.MaxTimelineFaults))),
        new("transaction_rate", WorkloadParameters.TransactionRate.Description, ValueShape.Of(ValueKind.EventRate) with { Declared = WorkloadParameters.TransactionRate }),
        FileKey.Of("transaction_duration", WorkloadParameters.TransactionDuration),
        FileKey.Of("database_size", WorkloadParameters.DatabaseSize),
    ]);

    /// <summary>The fields of <c>client:</c> (also in fleet groups).</summary>
    public static FileSection Client { get; } = new("client", "How the application reconnects after a failure.",
    [
        FileKey.Of("retry_interval", ClientParameters.RetryInterval),
        FileKey.Of("backoff", ClientParameters.Backoff),
        FileKey.Of("max_retry_interval", ClientParameters.MaxRetryInterval),
        FileKey.Of("connect_timeout", ClientParameters.ConnectTimeout),
        new("honours_dns_ttl", "true if the client re-resolves the endpoint when its DNS TTL expires; false if it keeps its own cache for dns_cache", ValueShape.Of(ValueKind.Flag)),
        FileKey.Of("dns_cache", ClientParameters.DnsCache),
        FileKey.Of("jitter", ClientParameters.Jitter),
    ]);

    /// <summary>One fault of a scenario's <c>timeline:</c>.</summary>
    public static FileSection Fault { get; } = new("fault", "A fault injected at a time into one component.",
    [
        new("at", "when the fault strikes, from the start of the run", ValueShape.Of(ValueKind.Duration), Required: true),
        new("target", "the component it strikes ('hasim presets --show PRESET' lists them)", ValueShape.Of(ValueKind.Target), Required: true),
        new("fault", "what happens to it", ValueShape.Of(ValueKind.FaultKind), Required: true),
        new("duration", "how long an outage or hang lasts (not for faults the recovery workflow repairs)", ValueShape.Of(ValueKind.Duration)),
    ]);

    /// <summary>One expectation of a scenario's <c>expect:</c>.</summary>
    public static FileSection Expectation { get; } = new("expectation", "A check on a metric of one incident of the scripted run: 'hasim run' fails (exit 1) if it does not hold.",
    [
        new("metric", "the metric checked (the metric table's key)", ValueShape.Of(ValueKind.Metric), Required: true),
        new("incident", "which incident of the run, counting from 1", ValueShape.Count(1)),
        new("of", "the recovery stage (metric 'stage') or degraded kind (metric 'degraded') measured, by key or label", ValueShape.Of(ValueKind.Subject)),
        new("min", "the smallest value allowed, in the metric's unit", ExpectedValue),
        new("max", "the largest value allowed, in the metric's unit", ExpectedValue),
        new("equals", "the exact value expected, in the metric's unit", ExpectedValue),
        new("source", "where the expected figure comes from", ValueShape.Of(ValueKind.Text)),
    ]);

    /// <summary>The root of a scenario file.</summary>
    public static FileSection Root { get; } = new("scenario", "A HaSim scenario: one database of a preset, a scripted timeline of faults and expectations on the outcome.",
    [
        new("name", "the scenario's name in reports (default: the file name)", ValueShape.Of(ValueKind.Text)),
        new("description", "what the scenario shows", ValueShape.Of(ValueKind.Text)),
        new("preset", "the seed system it runs ('hasim presets' lists them)", ValueShape.Of(ValueKind.Preset), Required: true),
        new("seed", "the root seed of every random stream (default 1)", ValueShape.Of(ValueKind.Seed)),
        new("horizon", "how long a scripted run lasts (default 30 d)", ValueShape.Of(ValueKind.Duration)),
        new("parameters", "overrides of single preset parameters, by key ('hasim presets --show PRESET' lists them with their sources)", ValueShape.Of(ValueKind.PresetParameters)),
        new("workload", Workload.Description, ValueShape.Map(Workload)),
        new("client", Client.Description, ValueShape.Map(Client)),
        new("timeline", "the faults injected, in any order", ValueShape.List(ValueShape.Map(Fault), maxItems: Scenario.MaxTimelineFaults)),
        new("expect", "checks on the outcome of the scripted run", ValueShape.List(ValueShape.Map(Expectation))),
        new(CostLoader.Field, CostGrammar.Cost.Description, ValueShape.Map(CostGrammar.Cost)),
    ]);

    private static ValueShape ExpectedValue => ValueShape.OneOf(ValueShape.Of(ValueKind.Duration), ValueShape.Of(ValueKind.Size), ValueShape.Count(0));
}
