namespace HaSim.Scenarios.Yaml;

/// <summary>The three kinds of YAML node.</summary>
public enum NodeKind
{
    /// <summary>A mapping of keys to values (<c>key: value</c> lines or <c>{key: value}</c>).</summary>
    Map,

    /// <summary>A list (<c>- item</c> lines or <c>[a, b]</c>).</summary>
    Sequence,

    /// <summary>A single value, possibly empty (null).</summary>
    Scalar,
}
