using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HaSim.Reports.Output;

/// <summary>Writes JSON documents the same way everywhere: UTF-8, readable characters unescaped, a final newline when indented.</summary>
public static class JsonText
{
    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text <paramref name="write"/> produces; indented documents end with a newline, compact ones (JSON lines) do not.</summary>
    public static string Write(bool indented, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, indented ? IndentedOptions : CompactOptions))
        {
            write(w);
        }

        string text = Encoding.UTF8.GetString(buffer.ToArray());
        return indented ? text + "\n" : text;
    }
}
