using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running;

/// <summary>Whether a run reproduced an expected figure.</summary>
/// <param name="Expectation">The expectation.</param>
/// <param name="Actual">The measured value, or null if there was nothing to measure (no such incident, not recovered).</param>
/// <param name="Passed">True if the measured value is within the band.</param>
public sealed record ExpectationResult(Expectation Expectation, double? Actual, bool Passed);
