using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// What every partial-result file (Monte Carlo and fleet shards) shares: found in a shard folder or
/// named directly, read bounded, and opened only if its format is the current one and its digest
/// matches its contents.
/// </summary>
internal static class PartialFile
{
    /// <summary>Reads <paramref name="path"/> (a file, or a folder holding <paramref name="fileName"/>) and parses it; every problem is a <see cref="PartialResultException"/> naming the file.</summary>
    public static T Read<T>(string path, string fileName, string format, Func<string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = Directory.Exists(path) ? Path.Combine(path, fileName) : path;
        if (!File.Exists(file))
        {
            throw new PartialResultException(Directory.Exists(path)
                ? $"{path}: no {fileName} in this directory (was the shard run with --shard and --out {path}?)"
                : $"{path}: no such file or directory");
        }

        string text;
        try
        {
            text = HaSim.Scenarios.Input.BoundedTextFile.Read(file, PartialResult.MaxBytes);
        }
        catch (HaSim.Scenarios.Input.InputFileException e)
        {
            throw new PartialResultException(e.Message, e);
        }

        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new PartialResultException($"{file}: not a valid {format} file: {e.Message}", e);
        }
    }

    /// <summary>The document in <paramref name="text"/> if it is of <paramref name="format"/> and its digest matches; <paramref name="olderFormat"/> is the version without a digest.</summary>
    /// <exception cref="JsonException">It is not.</exception>
    public static JsonObject Open(string text, string format, string olderFormat)
    {
        var json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject ?? throw new JsonException("expected a JSON object.");
        var found = json["format"] is JsonValue f && f.TryGetValue<string>(out var fs) ? fs : null;
        if (found != format)
        {
            throw new JsonException(found is null ? "no \"format\" field."
                : found == olderFormat ? "written by an older hasim without a digest; run the shard again"
                : $"format \"{found}\", expected \"{format}\".");
        }

        if (json["digest"] is not JsonValue dv || !dv.TryGetValue<string>(out var digest) || digest != PartialResult.Digest(json))
        {
            throw new JsonException("its digest does not match its contents: the file was edited or damaged after the shard wrote it; run the shard again");
        }

        return json;
    }
}
