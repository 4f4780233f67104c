using HaSim.Reports.MonteCarlo;

namespace HaSim.Reports.Pages;

/// <summary>One pair's paired differences (second minus first).</summary>
/// <param name="First">The first scenario's name.</param>
/// <param name="Second">The second's.</param>
/// <param name="Availability">Availability difference.</param>
/// <param name="DowntimeMinutesPerYear">Downtime difference, minutes per year.</param>
/// <param name="SlaMiss">Difference in P(month misses SLA).</param>
/// <param name="IncidentsPerYear">Difference in incidents per year.</param>
/// <param name="MeanClientRto">Difference in mean client RTO, seconds.</param>
/// <param name="P99ClientRto">Difference in p99 client RTO, seconds.</param>
public sealed record FilePair(string First, string Second, FileEstimate Availability, FileEstimate DowntimeMinutesPerYear, FileEstimate SlaMiss, FileEstimate IncidentsPerYear, FileEstimate MeanClientRto, FileEstimate P99ClientRto);

/// <summary>A <c>comparison.json</c> (format <c>hasim.monte-carlo-compare/3</c>) read back for a report.</summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Seed">The common root seed.</param>
/// <param name="Years">Years per replication.</param>
/// <param name="Replications">Replications per scenario.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="Scenarios">Each scenario's full summary.</param>
/// <param name="Pairs">Every pair's differences.</param>
public sealed record ComparisonResult(string File, ulong Seed, double Years, long Replications, double Level, IReadOnlyList<MonteCarloResult> Scenarios, IReadOnlyList<FilePair> Pairs)
{
    /// <summary>Reads <c>comparison.json</c> text.</summary>
    /// <exception cref="ReportInputException">It is not a comparison of the current format, or a field is missing or malformed.</exception>
    public static ComparisonResult Parse(string file, string text)
    {
        var j = JsonFields.Parse(file, text);
        string format = j.String("format");
        if (format != MonteCarloJson.CompareFormat)
        {
            throw new ReportInputException($"{file}: format {format}: a report needs {MonteCarloJson.CompareFormat}; re-run the comparison with this version of hasim");
        }

        var scenarios = j.Array("scenarios").Select(s => MonteCarloResult.From(s.Object("summary"))).ToList();
        if (scenarios.Count < 2)
        {
            throw j.Error("scenarios", "a comparison needs at least two scenarios");
        }

        var pairs = j.Array("pairs").Select(p =>
        {
            var r = p.Object("paired_over_replications");
            var b = p.Object("paired_over_batches");
            return new FilePair(p.String("first"), p.String("second"), MonteCarloResult.Estimate(r.Object("availability")), MonteCarloResult.Estimate(r.Object("downtime_minutes_per_year")),
                MonteCarloResult.Estimate(r.Object("sla_miss_probability")), MonteCarloResult.Estimate(r.Object("incidents_per_year")),
                MonteCarloResult.Estimate(b.Object("client_rto_mean_seconds")), MonteCarloResult.Estimate(b.Object("client_rto_p99_seconds")));
        }).ToList();
        return new ComparisonResult(file, ulong.TryParse(j.Element.GetProperty("seed").GetRawText(), out var seed) ? seed : throw j.Error("seed", "expected a whole number"),
            j.Number("years_per_replication"), j.Long("replications"), j.Number("confidence_level"), scenarios, pairs);
    }
}
