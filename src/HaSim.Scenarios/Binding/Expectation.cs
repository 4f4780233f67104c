using HaSim.Model.Metrics;
using HaSim.Model.Names;

namespace HaSim.Scenarios.Binding;

/// <summary>
/// A figure or band a scenario expects, usually the one its seed document states; runs report
/// whether it held, and the tests assert it.
/// </summary>
/// <param name="Metric">What is measured (from the metric table).</param>
/// <param name="Incident">Which incident (1-based) for per-incident metrics.</param>
/// <param name="Subject">The stage or degraded kind the metric is of, checked against the architecture when the file is read.</param>
/// <param name="Min">Lowest acceptable value, in the metric's unit (seconds, bytes, count).</param>
/// <param name="Max">Highest acceptable value.</param>
/// <param name="Source">The statement the band comes from.</param>
/// <param name="Line">The scenario line the expectation is on.</param>
public sealed record Expectation(Metric Metric, int Incident, TypedName? Subject, double? Min, double? Max, string? Source, int Line);
