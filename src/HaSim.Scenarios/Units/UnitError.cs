namespace HaSim.Scenarios.Units;

/// <summary>Why a value could not be parsed, and how to fix it; the node-level parsers turn it into a located diagnostic.</summary>
/// <param name="Message">What is wrong, e.g. <c>missing unit in '90'</c>.</param>
/// <param name="Suggestion">How to fix it, e.g. <c>did you mean 'min'?</c>, or null.</param>
public sealed record UnitError(string Message, string? Suggestion = null);
