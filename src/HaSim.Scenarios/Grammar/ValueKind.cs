namespace HaSim.Scenarios.Grammar;

/// <summary>What a field of a HaSim file holds, as the loaders read it (and so as a schema states it).</summary>
public enum ValueKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A root seed: a whole number from 0 to 2^64 - 1.</summary>
    Seed,

    /// <summary>One duration with a unit (<c>10 min</c>).</summary>
    Duration,

    /// <summary>A duration or a distribution of durations (<c>{exponential: {mean: 4 h}}</c>).</summary>
    DurationDistribution,

    /// <summary>A size with a unit (<c>16 MiB</c>).</summary>
    Size,

    /// <summary>A data rate (<c>40 MB/s</c>).</summary>
    ByteRate,

    /// <summary>An event rate (<c>500 /s</c>, <c>2 per year</c>).</summary>
    EventRate,

    /// <summary>A fraction or percentage (<c>95%</c>, <c>0.25</c>).</summary>
    Fraction,

    /// <summary>A whole number in [<see cref="ValueShape.Min"/>, <see cref="ValueShape.Max"/>].</summary>
    Count,

    /// <summary>A plain number in [<see cref="ValueShape.Min"/>, <see cref="ValueShape.Max"/>].</summary>
    Number,

    /// <summary>True or false.</summary>
    Flag,

    /// <summary>A text matching <see cref="ValueShape.Pattern"/>.</summary>
    Name,

    /// <summary>A preset name from the preset catalog.</summary>
    Preset,

    /// <summary>Overrides of the preset's parameters, keyed by parameter (its catalog decides the keys).</summary>
    PresetParameters,

    /// <summary>Overrides of the fleet's shared capacity parameters.</summary>
    CapacityParameters,

    /// <summary>A fault kind.</summary>
    FaultKind,

    /// <summary>A component of the database (or of the fleet) a fault strikes.</summary>
    Target,

    /// <summary>A metric of the metric table.</summary>
    Metric,

    /// <summary>A recovery stage or degraded kind of the architecture.</summary>
    Subject,

    /// <summary>A zone.</summary>
    Zone,

    /// <summary>A map of the fields of <see cref="ValueShape.Section"/>.</summary>
    Section,

    /// <summary>A list of <see cref="ValueShape.Item"/>.</summary>
    List,

    /// <summary>Any one of <see cref="ValueShape.Alternatives"/>.</summary>
    OneOf,

    /// <summary>A goal on a figure (<c>p99 rto &lt;= 120 s</c>).</summary>
    Goal,

    /// <summary>A regression tolerance: a share (<c>10%</c>), an amount in the figure's unit (<c>5 s</c>) or percentage points (<c>0.5 pp</c>).</summary>
    Tolerance,

    /// <summary>A path to a scenario file, relative to the file naming it.</summary>
    ScenarioPath,
}
