namespace HaSim.Scenarios.Binding;

/// <summary>What an expectation measures.</summary>
public enum ExpectedMetric
{
    /// <summary>Client-observed recovery time of an incident, seconds.</summary>
    Rto,

    /// <summary>Server-side recovery time of an incident, seconds.</summary>
    ServerRto,

    /// <summary>Time from the fault to detection, seconds.</summary>
    Detection,

    /// <summary>Committed WAL lost, bytes.</summary>
    RpoBytes,

    /// <summary>Committed WAL lost, as seconds of commits.</summary>
    RpoSeconds,

    /// <summary>Number of incidents in the run.</summary>
    Incidents,

    /// <summary>Total degraded time of one kind, seconds.</summary>
    Degraded,

    /// <summary>Duration of a named recovery stage of an incident, seconds.</summary>
    Stage,
}

/// <summary>
/// A figure or band a scenario expects, usually the one its seed document states; runs report
/// whether it held, and the tests assert it.
/// </summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Incident">Which incident (1-based) for per-incident metrics.</param>
/// <param name="Subject">The degraded kind or stage name, for those metrics.</param>
/// <param name="Min">Lowest acceptable value, in the metric's unit (seconds, bytes, count).</param>
/// <param name="Max">Highest acceptable value.</param>
/// <param name="Source">The statement the band comes from.</param>
/// <param name="Line">The scenario line the expectation is on.</param>
public sealed record Expectation(ExpectedMetric Metric, int Incident, string? Subject, double? Min, double? Max, string? Source, int Line);
