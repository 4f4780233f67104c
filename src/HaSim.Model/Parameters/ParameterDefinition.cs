namespace HaSim.Model.Parameters;

/// <summary>One parameter an architecture reads: its key, kind and meaning.</summary>
/// <param name="Key">Dotted key used in presets and scenario overrides, e.g. <c>failover.promote</c>.</param>
/// <param name="Kind">What the value is.</param>
/// <param name="Description">What it means in the model, with its unit.</param>
/// <param name="Choices">The allowed words, for <see cref="ParameterKind.Choice"/>.</param>
public sealed record ParameterDefinition(string Key, ParameterKind Kind, string Description, IReadOnlyList<string>? Choices = null);
