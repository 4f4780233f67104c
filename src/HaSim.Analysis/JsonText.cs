using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaSim.Analysis;

/// <summary>
/// Every JSON file and line HaSim writes, written the same way: UTF-8, readable characters
/// unescaped, LF line endings whatever the platform; an indented document ends with a newline,
/// a compact one (a JSON line) does not.
/// </summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="node"/> as an indented document.</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Write(w => node.WriteTo(w));
    }

    /// <summary>The text <paramref name="write"/> produces: an indented document, or with <paramref name="indented"/> false a single line.</summary>
    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            write(w);
        }

        string text = Encoding.UTF8.GetString(buffer.ToArray());
        return indented ? text + "\n" : text;
    }
}
