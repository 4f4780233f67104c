using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaSim.Analysis.Statistics;

/// <summary>
/// Helpers shared by the JSON representations of the statistics primitives. Every representation is an
/// object that starts with <c>"type"</c> and <c>"version"</c>; numbers that must round-trip exactly
/// beyond the range of a double (128-bit sums) are decimal strings, doubles are written in their
/// shortest round-trip form, and counts are integers.
/// </summary>
internal static class StatisticsJson
{
    /// <summary>The version written by this code and the only one it reads.</summary>
    public const int Version = 1;

    public static JsonObject Header(string type) => new() { ["type"] = type, ["version"] = Version };

    public static JsonObject CheckHeader(JsonNode? node, string type)
    {
        if (node is not JsonObject json)
        {
            throw new JsonException($"{type}: expected a JSON object.");
        }

        var actualType = GetString(json, "type", type);
        if (actualType != type)
        {
            throw new JsonException($"{type}: the object is a \"{actualType}\".");
        }

        var version = GetLong(json, "version", type);
        if (version != Version)
        {
            throw new JsonException($"{type}: unsupported version {version}.");
        }

        return json;
    }

    public static string GetString(JsonObject json, string name, string? context = null) =>
        Read(json, name, context, static v => v.GetValue<string>());

    public static long GetLong(JsonObject json, string name, string? context = null) =>
        ParseLong(json[name] ?? throw Missing(name, context), $"{context ?? "statistics"}: \"{name}\"");

    public static double GetDouble(JsonObject json, string name, string? context = null) =>
        ParseDouble(json[name] ?? throw Missing(name, context), $"{context ?? "statistics"}: \"{name}\"");

    /// <summary>A double that may be null (written for the min and max of an empty summary).</summary>
    public static double? GetNullableDouble(JsonObject json, string name, string? context = null)
    {
        if (!json.TryGetPropertyValue(name, out var node))
        {
            throw Missing(name, context);
        }

        return node is null ? null : ParseDouble(node, $"{context ?? "statistics"}: \"{name}\"");
    }

    public static Int128 GetInt128(JsonObject json, string name, string? context = null)
    {
        var text = GetString(json, name, context);
        if (!Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonException($"{context ?? "statistics"}: \"{name}\" is not a 128-bit integer.");
        }

        return value;
    }

    /// <summary>A non-negative integer of at most 80 decimal digits, written as a string (a sum of squares).</summary>
    public static System.Numerics.BigInteger GetBigInteger(JsonObject json, string name, string? context = null)
    {
        var text = GetString(json, name, context);
        if (text.Length is 0 or > 80 || !text.All(char.IsAsciiDigit)
            || !System.Numerics.BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonException($"{context ?? "statistics"}: \"{name}\" is not a non-negative integer.");
        }

        return value;
    }

    public static JsonObject GetObject(JsonObject json, string name, string? context = null) =>
        json[name] as JsonObject ?? throw Missing(name, context);

    public static JsonArray GetArray(JsonObject json, string name, string? context = null) =>
        json[name] as JsonArray ?? throw Missing(name, context);

    public static long GetLong(JsonNode? node, string? context = null) =>
        ParseLong(node ?? throw new JsonException($"{context ?? "statistics"}: null where a count was expected."), $"{context ?? "statistics"}: a count");

    /// <summary>Writes a double, or null for an infinite sentinel (the min and max of an empty summary).</summary>
    public static JsonNode? FiniteOrNull(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static T Read<T>(JsonObject json, string name, string? context, Func<JsonNode, T> read)
    {
        var node = json[name] ?? throw Missing(name, context);
        try
        {
            return read(node);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new JsonException($"{context ?? "statistics"}: \"{name}\" has the wrong type.", e);
        }
    }

    // Numbers are read from their JSON text, so a node parsed from a file and a node built in memory
    // (whose values may be stored as int, long or double) read identically.
    private static long ParseLong(JsonNode node, string what) =>
        node.GetValueKind() == JsonValueKind.Number
            && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"{what} is not an integer.");

    private static double ParseDouble(JsonNode node, string what) =>
        node.GetValueKind() == JsonValueKind.Number
            && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            ? value
            : throw new JsonException($"{what} is not a finite number.");

    private static JsonException Missing(string name, string? context) =>
        new($"{context ?? "statistics"}: missing \"{name}\".");
}
