namespace HaSim.Scenarios.Yaml;

/// <summary>One <c>key: value</c> field of a <see cref="MapNode"/>; the key node gives the key's own position.</summary>
/// <param name="Key">The key, located where it is written, with the field's path.</param>
/// <param name="Value">The value.</param>
public sealed record MapEntry(ScalarNode Key, ScenarioNode Value)
{
    /// <summary>The key's text.</summary>
    public string Name => Key.Value;
}
