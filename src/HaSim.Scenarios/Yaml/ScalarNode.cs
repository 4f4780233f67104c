using YamlDotNet.Core;

namespace HaSim.Scenarios.Yaml;

/// <summary>A single YAML value, kept as the text written; the unit parsers in <c>HaSim.Scenarios.Units</c> interpret it.</summary>
public sealed class ScalarNode : ScenarioNode
{
    internal ScalarNode(string filePath, int line, int column, string path, string value, ScalarStyle style)
        : base(filePath, line, column, path)
    {
        Value = value;
        IsQuoted = style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        IsNull = style is ScalarStyle.Plain or ScalarStyle.Any && value is "" or "~" or "null" or "Null" or "NULL";
    }

    /// <summary>The text of the value as written (without quotes); empty for an empty value.</summary>
    public string Value { get; }

    /// <summary>Whether the value was written in single or double quotes.</summary>
    public bool IsQuoted { get; }

    /// <summary>Whether the value is a YAML null: nothing after the colon, <c>~</c> or <c>null</c>, unquoted.</summary>
    public bool IsNull { get; }

    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Scalar;

    /// <inheritdoc/>
    public override string Description => IsNull ? "nothing" : $"the value '{Value}'";

    /// <summary>The value as written.</summary>
    public override string ToString() => Value;
}
