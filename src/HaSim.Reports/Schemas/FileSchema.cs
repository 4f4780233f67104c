using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Scenarios.Grammar;

namespace HaSim.Reports.Schemas;

/// <summary>
/// One kind of HaSim file with a JSON Schema: its name on the command line, the published file name,
/// and the grammar its loader reads. A new kind is a small subclass listed in <see cref="FileSchemas.All"/>.
/// </summary>
public abstract class FileSchema
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The kind as <c>hasim schema KIND</c> names it, e.g. <c>scenario</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>What files of this kind are, for help and the schema's title.</summary>
    public abstract string Title { get; }

    /// <summary>The root section of the file, as the loader declares it.</summary>
    public abstract FileSection Root { get; }

    /// <summary>The published file name, e.g. <c>hasim-scenario.schema.json</c>.</summary>
    public string FileName => $"hasim-{Kind}.schema.json";

    /// <summary>Example values for a fault's <c>target:</c> (they depend on the file kind).</summary>
    public virtual IReadOnlyList<string> TargetExamples => [];

    /// <summary>The schema as JSON text: UTF-8, two-space indents, LF line ends, a final newline.</summary>
    public string Write()
    {
        var builder = new SchemaBuilder(TargetExamples);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = Title,
        };
        foreach (var (name, value) in builder.Section(Root))
        {
            root[name] = value?.DeepClone();
        }

        root["$defs"] = builder.Definitions;
        return root.ToJsonString(Indented) + "\n";
    }
}
