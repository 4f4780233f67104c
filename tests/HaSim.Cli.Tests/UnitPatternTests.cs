using System.Text.Json;
using System.Text.Json.Nodes;
using HaSim.Scenarios.Units;
using Json.Schema;

namespace HaSim.Cli.Tests;

/// <summary>The schema patterns for values with units accept exactly what the unit parsers accept (ranges aside).</summary>
public sealed class UnitPatternTests
{
    public static TheoryData<string, string, bool> Samples()
    {
        var data = new TheoryData<string, string, bool>();
        void Add(string kind, bool parses, params string[] texts)
        {
            foreach (var text in texts)
            {
                data.Add(kind, text, parses);
            }
        }

        Add("duration", true, "90 s", "90s", "1.5 min", "5 minutes", "2 h", "1 d", "500 ms", "4.3 months", "1h30m", "1 d 12 h", "10 MIN", "1e3 s", " 30 s ", "0 s", "+5 s", "1 week", "2 yrs", "250 us");
        Add("duration", false, "90", "5 m", "1.5 minz", "-5 s", "s", "1,5 min", "10 min 5", "1h 30", "abc", "5 s/h");
        Add("size", true, "16 MiB", "0 B", "100GB", "10 Gbit", "1.5 TB", "3 bytes", "512 kB");
        Add("size", false, "16", "16 mb", "16 MBs", "-1 B", "16 MiB/s", "1,000 B");
        Add("byte_rate", true, "40 MB/s", "5 MiB/s", "2 GB/h", "10 Gbit/s", "1 GB per hour", "1 GB / 10 min", "1 GB PER hour", "100 kB/d");
        Add("byte_rate", false, "40 MB", "40 MBps", "40 MB/", "40/s", "40 MB/parsec", "40 MB/m");
        Add("event_rate", true, "500 /s", "500/s", "2 per year", "1.5 per month", "3 /d", "1 per 90 days", "0.5 per week", "per year", "/s");
        Add("event_rate", false, "500", "2 years", "2 per", "2 per m", "2 MB/s");
        Add("fraction", true, "95%", "99.99 %", "0.25", "1", "0");
        Add("fraction", false, "95 percent", "abc", "-5%", "95%%");
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_pattern_matches_exactly_what_its_parser_reads(string kind, string text, bool parses)
    {
        (string pattern, bool parsed) = kind switch
        {
            "duration" => (UnitPatterns.Duration, Durations.TryParse(text, out _, out _)),
            "size" => (UnitPatterns.Size, Sizes.TryParse(text, out _, out _)),
            "byte_rate" => (UnitPatterns.ByteRate, ByteRates.TryParse(text, out _, out _)),
            "event_rate" => (UnitPatterns.EventRate, EventRates.TryParse(text, out _, out _)),
            _ => (UnitPatterns.Fraction, Fractions.TryParse(text, out _, out _)),
        };
        Assert.Equal(parses, parsed);
        var schema = JsonSchema.FromText(new JsonObject { ["type"] = "string", ["pattern"] = pattern }.ToJsonString());
        Assert.Equal(parses, schema.Evaluate(JsonSerializer.SerializeToElement(text)).IsValid);
    }
}
