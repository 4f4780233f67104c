using HaSim.Scenarios.Diagnostics;

namespace HaSim.Scenarios.Yaml;

/// <summary>
/// A node of a scenario document that knows where it came from: the file, the 1-based line and
/// column where it starts, and its field path from the document root (<c>timeline[2].at</c>;
/// list indexes are 0-based). Use <see cref="Error"/> to report a problem at the node.
/// </summary>
public abstract class ScenarioNode
{
    private protected ScenarioNode(string filePath, int line, int column, string path)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Path = path;
    }

    /// <summary>The file as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line where the node starts.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the node starts.</summary>
    public int Column { get; }

    /// <summary>The field path from the document root, e.g. <c>timeline[2].at</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Whether this is a map, a list or a single value.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>What the node is, for messages: "a map", "a list", "the value 'x'" or "nothing".</summary>
    public abstract string Description { get; }

    /// <summary>A diagnostic located at this node.</summary>
    public ScenarioDiagnostic Diagnostic(string message, string? suggestion = null) =>
        new(FilePath, Line, Column, Path, message, suggestion);

    /// <summary>An exception carrying a diagnostic located at this node, to be thrown: <c>throw node.Error("...")</c>.</summary>
    public ScenarioException Error(string message, string? suggestion = null) => new(Diagnostic(message, suggestion));

    /// <summary>This node as a map, or a "wrong kind" error at the node.</summary>
    /// <exception cref="ScenarioException">When the node is not a map.</exception>
    public MapNode AsMap() => this as MapNode ?? throw WrongKind(NodeKind.Map);

    /// <summary>This node as a list, or a "wrong kind" error at the node.</summary>
    /// <exception cref="ScenarioException">When the node is not a list.</exception>
    public SeqNode AsSeq() => this as SeqNode ?? throw WrongKind(NodeKind.Sequence);

    /// <summary>This node as a single (non-null) value, or a "wrong kind" error at the node.</summary>
    /// <exception cref="ScenarioException">When the node is a map, a list or empty.</exception>
    public ScalarNode AsScalar() => this is ScalarNode { IsNull: false } s ? s : throw WrongKind(NodeKind.Scalar);

    /// <summary>The error for finding this node where a node of kind <paramref name="expected"/> belongs.</summary>
    public ScenarioException WrongKind(NodeKind expected)
    {
        string wanted = expected switch
        {
            NodeKind.Map => "a map of 'key: value' fields",
            NodeKind.Sequence => "a list",
            _ => "a single value",
        };
        string? hint = (expected, this) switch
        {
            (NodeKind.Map, SeqNode) => "remove the '- ' in front of the fields",
            (NodeKind.Sequence, ScalarNode { IsNull: false }) => "write each item on its own line after '- ', or [a, b] on one line",
            (NodeKind.Sequence, MapNode) => "start each item with '- '",
            (NodeKind.Sequence, ScalarNode) => "write [] for an empty list, or remove the field",
            (NodeKind.Map, ScalarNode { IsNull: true }) => "indent the fields under this key, or write {} for an empty map",
            (NodeKind.Scalar, ScalarNode { IsNull: true }) => "give a value after the colon, or remove the field",
            _ => null,
        };
        return Error($"expected {wanted} but found {Description}", hint);
    }

    /// <summary>The path of the field <paramref name="key"/> of a map at <paramref name="mapPath"/>.</summary>
    internal static string ChildPath(string mapPath, string key) => mapPath.Length == 0 ? key : $"{mapPath}.{key}";
}
