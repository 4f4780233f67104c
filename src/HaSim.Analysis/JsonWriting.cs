using System.Text.Json;

namespace HaSim.Analysis;

/// <summary>Values that may be absent, written the way every HaSim document writes them: a non-finite number or a missing string as JSON null.</summary>
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
}
