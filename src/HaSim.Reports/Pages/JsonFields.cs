using System.Text.Json;

namespace HaSim.Reports.Pages;

/// <summary>
/// Reads fields of a result file with errors that name the file and the field's path
/// (<c>summary.json: monthly.uptime_histogram: missing</c>), so a damaged or foreign file is
/// reported as bad input, not as an internal error.
/// </summary>
internal readonly struct JsonFields(JsonElement element, string file, string path)
{
    public JsonElement Element => element;

    public string File => file;

    public string Path => path;

    public static JsonFields Parse(string file, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return new JsonFields(doc.RootElement.Clone(), file, "");
        }
        catch (JsonException e)
        {
            throw new ReportInputException($"{file}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    public ReportInputException Error(string name, string problem) =>
        new($"{file}: {Join(name)}: {problem}");

    public bool Has(string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public JsonFields Object(string name)
    {
        var v = Get(name);
        return v.ValueKind == JsonValueKind.Object ? new JsonFields(v, file, Join(name)) : throw Error(name, "expected an object");
    }

    public IReadOnlyList<JsonFields> Array(string name)
    {
        var v = Get(name);
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, "expected an array");
        }

        var list = new List<JsonFields>();
        int k = 0;
        foreach (var item in v.EnumerateArray())
        {
            list.Add(new JsonFields(item, file, $"{Join(name)}[{k++}]"));
        }

        return list;
    }

    public string String(string name)
    {
        var v = Get(name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Error(name, "expected a string");
    }

    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    public double Number(string name) => OptionalNumber(name) ?? throw Error(name, "expected a number");

    /// <summary>A number, or null where the file writes null (an undefined estimate or bound).</summary>
    public double? OptionalNumber(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var v = Get(name);
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && double.IsFinite(x) ? x : throw Error(name, "expected a number");
    }

    public long Long(string name)
    {
        var v = Get(name);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var x) ? x : throw Error(name, "expected a whole number");
    }

    public bool Bool(string name)
    {
        var v = Get(name);
        return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Error(name, "expected true or false");
    }

    private JsonElement Get(string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ReportInputException($"{file}: {(path.Length == 0 ? "the document" : path)}: expected an object");
        }

        return element.TryGetProperty(name, out var v) ? v : throw Error(name, "missing");
    }

    private string Join(string name) => path.Length == 0 ? name : path + "." + name;
}
