using System.Globalization;
using System.Text;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Metrics;
using Parquet;
using Parquet.Schema;

namespace HaSim.Reports.MonteCarlo;

/// <summary>
/// The per-incident rows of a Monte Carlo run (<c>--incidents FILE</c>) as CSV or Parquet, chosen by
/// the file's extension. Columns: replication, year, incident, failure_mode, start_seconds, every
/// per-incident figure of the metric table with its unit (rto_seconds, rpo_bytes, ...), then one
/// <c>stage_&lt;key&gt;_seconds</c> column per stage of the architecture (empty where it did not run).
/// </summary>
public static class IncidentRowsFile
{
    /// <summary>The row-group size of Parquet files.</summary>
    private const int RowGroup = 100_000;

    /// <summary>The default bound on rows.</summary>
    public const long DefaultLimit = 1_000_000;

    /// <summary>True if <paramref name="path"/> names a format this writer knows (.csv or .parquet).</summary>
    public static bool IsSupported(string path) => Kind(path) is not null;

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns(IncidentRowCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        return ["replication", "year", "incident", "failure_mode", "start_seconds", .. MetricTable.IncidentFigures.Select(m => m.Column),
            .. collector.StageKeys.Select(k => $"stage_{k}_seconds")];
    }

    /// <summary>The file's bytes, in the format its extension names.</summary>
    /// <exception cref="ArgumentException">The extension is neither .csv nor .parquet.</exception>
    public static byte[] Render(string path, IncidentRowCollector collector, IReadOnlyList<IncidentRow> rows) => Kind(path) switch
    {
        "csv" => new UTF8Encoding(false).GetBytes(Csv(collector, rows)),
        "parquet" => Parquet(collector, rows),
        _ => throw new ArgumentException($"'{path}': the incidents file must end in .csv or .parquet.", nameof(path)),
    };

    /// <summary>The rows as CSV (RFC 4180; numbers round-trip, empty where there is no value).</summary>
    public static string Csv(IncidentRowCollector collector, IReadOnlyList<IncidentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns(collector)).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(r.Replication.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Number.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.FailureMode).Append(',')
                .Append(Num(r.StartSeconds));
            foreach (var v in r.Metrics)
            {
                sb.Append(',').Append(Num(v));
            }

            foreach (var v in r.Stages)
            {
                sb.Append(',').Append(Num(v));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The rows as a Parquet file (doubles, nullable where a value may be missing).</summary>
    public static byte[] Parquet(IncidentRowCollector collector, IReadOnlyList<IncidentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(rows);
        var names = Columns(collector);
        int metrics = MetricTable.IncidentFigures.Count;
        var fields = new List<DataField>
        {
            new DataField<long>(names[0]), new DataField<int>(names[1]), new DataField<int>(names[2]), new DataField<string>(names[3]), new DataField<double>(names[4]),
        };
        fields.AddRange(names.Skip(5).Select(n => new DataField<double?>(n)));
        var schema = new ParquetSchema(fields.Cast<Field>().ToArray());
        using var stream = new MemoryStream();
        // Parquet.Net's API is asynchronous only; the stream is in memory, so this does not block on I/O.
        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            for (int start = 0; start == 0 || start < rows.Count; start += RowGroup)
            {
                var group = rows.Skip(start).Take(RowGroup).ToArray();
                using var g = writer.CreateRowGroup();
                await g.WriteAsync(fields[0], new ReadOnlyMemory<long>(group.Select(r => r.Replication).ToArray()));
                await g.WriteAsync(fields[1], new ReadOnlyMemory<int>(group.Select(r => r.Year).ToArray()));
                await g.WriteAsync(fields[2], new ReadOnlyMemory<int>(group.Select(r => r.Number).ToArray()));
                await g.WriteAsync(fields[3], group.Select(r => r.FailureMode).ToArray(), null);
                await g.WriteAsync(fields[4], new ReadOnlyMemory<double>(group.Select(r => r.StartSeconds).ToArray()));
                for (int k = 0; k < metrics; k++)
                {
                    await g.WriteAsync(fields[5 + k], new ReadOnlyMemory<double?>(group.Select(r => r.Metrics[k]).ToArray()));
                }

                for (int k = 0; k < collector.StageKeys.Count; k++)
                {
                    await g.WriteAsync(fields[5 + metrics + k], new ReadOnlyMemory<double?>(group.Select(r => r.Stages[k]).ToArray()));
                }
            }
        }).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    private static string? Kind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".parquet" => "parquet",
        _ => null,
    };

    private static string Num(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
