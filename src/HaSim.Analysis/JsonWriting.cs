using System.Text.Json;

namespace HaSim.Analysis;

/// <summary>JSON shapes every HaSim document writes the same way: absent values as null, lists of named objects.</summary>
public static class JsonWriting
{
    /// <summary>Writes <paramref name="value"/>, or null if it is not finite (−0 is written as 0).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value + 0.0);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes <paramref name="value"/>, or null if there is none.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>
    /// Writes an array <paramref name="arrayName"/> of one object per item, each opening with the
    /// item's stable key (under <paramref name="keyName"/>, "name" or "kind") and display label, then
    /// what <paramref name="rest"/> writes: the shape every list of failure modes, stages and kinds has.
    /// </summary>
    public static void WriteNamedObjects<T>(this Utf8JsonWriter writer, string arrayName, IEnumerable<T> items, string keyName, Func<T, (string Key, string Label)> names, Action<T> rest)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rest);
        writer.WriteStartArray(arrayName);
        foreach (var item in items)
        {
            var (key, label) = names(item);
            writer.WriteStartObject();
            writer.WriteString(keyName, key);
            writer.WriteString("label", label);
            rest(item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
