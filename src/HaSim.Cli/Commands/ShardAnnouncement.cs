using System.Globalization;
using HaSim.Analysis;
using HaSim.Analysis.MonteCarlo;

namespace HaSim.Cli.Commands;

/// <summary>What a shard run prints once its partial file is written: the same for Monte Carlo and fleet shards.</summary>
internal static class ShardAnnouncement
{
    /// <summary>Prints the shard's replications and its partial file, as a line for people or a JSON document (<paramref name="formatId"/>, e.g. <c>hasim.monte-carlo-shard/1</c>); <paramref name="noun"/> names the replications in the line.</summary>
    public static void Print(TextWriter stdout, string format, string formatId, string noun, ShardSpec shard, long done, long of, string file)
    {
        if (format == "json")
        {
            stdout.Write(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("format", formatId);
                w.WriteString("shard", shard.ToString());
                w.WriteNumber("replications", done);
                w.WriteNumber("of", of);
                w.WriteString("partial", file);
                w.WriteEndObject();
            }));
            return;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Shard {shard}: {done} of {of} {noun}. Wrote {file}"));
        stdout.WriteLine("Combine all shards with: hasim merge <shard dirs...> --out <dir>");
    }
}
