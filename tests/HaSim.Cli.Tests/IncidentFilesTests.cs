using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet;
using Parquet.Schema;

namespace HaSim.Cli.Tests;

/// <summary>
/// The files other tools read: a Monte Carlo run's per-incident rows (--incidents, CSV or Parquet),
/// a scripted run's stages.csv and the structured fields of trace.jsonl, and the README's DuckDB
/// query over them (run with DuckDB from npm when tools/duckdb is installed, as .ci/run does).
/// </summary>
public partial class IncidentFilesTests
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static string Scenario(string preset) => CliHarness.WriteScenario($"preset: {preset}\n");

    private static string[] RunIncidents(string scenario, string file, params string[] extra)
    {
        var (exit, stdout, stderr) = CliHarness.Run(["run", scenario, "--years", "2", "--replications", "30", "--seed", "5", "--quiet", "--no-files", "--incidents", file, .. extra]);
        Assert.True(exit == 0, stderr + stdout);
        return File.ReadAllLines(file);
    }

    [Fact]
    public void Incident_rows_are_byte_identical_for_any_thread_count_and_hold_every_incident_in_replication_order()
    {
        string scenario = Scenario("serverless");
        string dir = CliHarness.TempDirectory();
        var one = RunIncidents(scenario, Path.Combine(dir, "one.csv"), "--threads", "1");
        var two = RunIncidents(scenario, Path.Combine(dir, "two.csv"), "--threads", "2");
        Assert.Equal(one, two);

        var (exit, json, _) = CliHarness.Run("run", scenario, "--years", "2", "--replications", "30", "--seed", "5", "--quiet", "--no-files", "--format", "json");
        Assert.Equal(0, exit);
        using var summary = JsonDocument.Parse(json);
        long total = summary.RootElement.GetProperty("incidents").GetProperty("total").GetInt64();
        Assert.Equal(total, one.Length - 1);

        var header = one[0].Split(',');
        Assert.Equal(["replication", "year", "incident", "failure_mode", "start_seconds", "rto_seconds", "server_rto_seconds", "detection_seconds", "rpo_bytes", "rpo_seconds", "aborted_transactions"], header[..11]);
        Assert.Contains("stage_cold_start_seconds", header);
        var rows = one[1..].Select(l => l.Split(',')).ToArray();
        var keys = rows.Select(r => (long.Parse(r[0], C), double.Parse(r[4], C))).ToArray();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2), keys);
        Assert.All(rows, r => Assert.InRange(int.Parse(r[1], C), 1, 2));

        // The mean client RTO over the rows is the run's reported mean.
        double mean = rows.Average(r => double.Parse(r[5], C));
        double reported = summary.RootElement.GetProperty("overall").GetProperty("rto").GetProperty("mean").GetProperty("estimate").GetDouble();
        Assert.Equal(reported, mean, 1e-9 * reported);
    }

    [Fact]
    public void The_limit_keeps_the_first_rows_and_says_the_file_was_cut()
    {
        string scenario = Scenario("aiven-business");
        string dir = CliHarness.TempDirectory();
        var all = RunIncidents(scenario, Path.Combine(dir, "all.csv"));
        string cut = Path.Combine(dir, "cut.csv");
        var (exit, stdout, stderr) = CliHarness.Run("run", scenario, "--years", "2", "--replications", "30", "--seed", "5", "--quiet", "--no-files", "--threads", "2",
            "--incidents", cut, "--incidents-limit", "7");
        Assert.True(exit == 0, stderr);
        Assert.Equal(all[..8], File.ReadAllLines(cut));
        Assert.Contains(string.Create(C, $"Wrote the first 7 of {all.Length - 1} incidents to {cut}"), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parquet_file_holds_the_csv_rows()
    {
        string scenario = Scenario("azure-zone-redundant-ha");
        string dir = CliHarness.TempDirectory();
        var csv = RunIncidents(scenario, Path.Combine(dir, "incidents.csv"));
        var (exit, _, stderr) = CliHarness.Run("run", scenario, "--years", "2", "--replications", "30", "--seed", "5", "--quiet", "--no-files", "--incidents", Path.Combine(dir, "incidents.parquet"));
        Assert.True(exit == 0, stderr);
        var table = ReadParquet(Path.Combine(dir, "incidents.parquet"));
        var header = csv[0].Split(',');
        Assert.Equal(header, table.Keys);
        for (int row = 1; row < csv.Length; row++)
        {
            var cells = csv[row].Split(',');
            for (int c = 0; c < header.Length; c++)
            {
                Assert.Equal(cells[c], table[header[c]][row - 1]);
            }
        }
    }

    [Fact]
    public void The_readme_query_runs_over_a_monte_carlo_runs_incident_file()
    {
        string dir = CliHarness.TempDirectory();
        string scenario = Scenario("serverless");
        var (exit, _, stderr) = CliHarness.Run("run", scenario, "--years", "2", "--replications", "30", "--seed", "5", "--quiet", "--out", dir,
            "--incidents", Path.Combine(dir, "incidents.parquet"));
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(dir, "summary.json")));
        string sql = ReadmeQuery();

        // What the query must give, from the file itself: incidents and p99 client RTO per failure mode (DuckDB's quantile_cont interpolates linearly).
        var table = ReadParquet(Path.Combine(dir, "incidents.parquet"));
        var expected = table["failure_mode"].Select((mode, i) => (mode, rto: double.Parse(table["rto_seconds"][i], C)))
            .GroupBy(x => x.mode)
            .Select(g => (Mode: g.Key, Count: g.Count(), P99: Quantile([.. g.Select(x => x.rto).Order()], 0.99)))
            .ToArray();
        Assert.True(expected.Length >= 3);

        string? node = FindOnPath("node");
        bool installed = node is not null && Directory.Exists(Path.Combine(RepoPaths.Root, "tools", "duckdb", "node_modules", "@duckdb", "node-api"));
        if (!installed)
        {
            // Without DuckDB (a plain 'dotnet test') the figures above were read with Parquet.Net; .ci/run installs DuckDB and requires it.
            Assert.True(Environment.GetEnvironmentVariable("HASIM_REQUIRE_DUCKDB") != "1", "DuckDB is required here: npm ci --prefix tools/duckdb");
            return;
        }

        var lines = RunNode(node!, dir, sql);
        Assert.Equal("failure_mode,incidents,p99_rto_seconds", lines[0]);
        var got = lines[1..].Select(l => l.Split(',')).ToDictionary(c => c[0], c => (Count: int.Parse(c[1], C), P99: double.Parse(c[2], C)));
        Assert.Equal(expected.Length, got.Count);
        foreach (var e in expected)
        {
            Assert.Equal(e.Count, got[e.Mode].Count);
            Assert.Equal(e.P99, got[e.Mode].P99, 1e-9 * Math.Max(1, e.P99));
        }
    }

    [Fact]
    public void A_scripted_run_writes_its_stages_in_long_format_and_trace_lines_with_structured_fields()
    {
        string dir = CliHarness.TempDirectory();
        var (exit, _, stderr) = CliHarness.Run("run", "scenarios/azure/zone-redundant-primary-failure.yaml", "--out", dir);
        Assert.True(exit == 0, stderr);
        var stages = File.ReadAllLines(Path.Combine(dir, "stages.csv"));
        Assert.Equal("incident,stage,stage_label,start_seconds,duration_seconds,interrupted", stages[0]);
        Assert.DoesNotContain("stages", File.ReadAllLines(Path.Combine(dir, "incidents.csv"))[0].Split(','));

        var trace = File.ReadAllLines(Path.Combine(dir, "trace.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var fault = trace.Single(t => t.GetProperty("kind").GetString() == "fault");
        Assert.Equal("primary", fault.GetProperty("target").GetString());
        Assert.Equal("fail", fault.GetProperty("fault").GetString());
        Assert.Equal("primary_failure", trace.Single(t => t.GetProperty("kind").GetString() == "service-down").GetProperty("failure_mode").GetString());

        // Every stage of incident 1 that ended in the trace is a row of stages.csv with the same key and duration.
        var ended = trace.Where(t => t.GetProperty("kind").GetString() == "stage-end" && t.TryGetProperty("incident", out var n) && n.GetInt32() == 1)
            .Select(t => $"1,{t.GetProperty("stage").GetString()},{t.GetProperty("duration_seconds").GetDouble().ToString("R", C)}")
            .Order(StringComparer.Ordinal).ToArray();
        var rows = stages[1..].Select(l => l.Split(',')).Select(c => $"{c[0]},{c[1]},{c[4]}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ended, rows);
        Assert.Contains("1,health_detection,health monitor detects the primary is unreachable,600,", stages[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--years 1 --incidents out.txt", "must end in .csv or .parquet")]
    [InlineData("--incidents out.csv", "needs --years")]
    [InlineData("--years 1 --incidents-limit 5", "needs --incidents FILE")]
    [InlineData("--years 1 --shard 0/2 --incidents out.csv", "run without --shard")]
    public void Misused_incident_options_are_bad_input(string options, string message)
    {
        var (exit, _, stderr) = CliHarness.Run(["run", Scenario("serverless"), "--no-files", "--quiet", .. options.Split(' ')]);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    /// <summary>The SQL of the README's DuckDB example (the first sql block).</summary>
    private static string ReadmeQuery()
    {
        var match = SqlBlock().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
        Assert.True(match.Success, "README.md has no ```sql block");
        string sql = match.Groups[1].Value.Trim();
        Assert.Equal(3, sql.Split('\n').Length);
        return sql;
    }

    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Every column as the CSV writer would print it (round-trip numbers, empty for null).</summary>
    private static Dictionary<string, List<string>> ReadParquet(string path)
    {
        return Task.Run(async () =>
        {
            var table = new Dictionary<string, List<string>>();
            using var stream = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(stream);
            var fields = reader.Schema.DataFields;
            foreach (var f in fields)
            {
                table[f.Name] = [];
            }

            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                foreach (var f in fields)
                {
                    table[f.Name].AddRange(await ReadColumn(group, f, (int)group.RowCount));
                }
            }

            return table;
        }).GetAwaiter().GetResult();
    }

    private static async Task<IEnumerable<string>> ReadColumn(ParquetRowGroupReader group, DataField f, int rows)
    {
        if (f.ClrType != typeof(long) && f.ClrType != typeof(int) && f.ClrType != typeof(double))
        {
            var strings = new string?[rows];
            await group.ReadAsync(f, strings.AsMemory());
            return strings.Select(v => v ?? "");
        }

        if (f.ClrType == typeof(long))
        {
            var longs = new long[rows];
            await group.ReadAsync(f, longs.AsMemory());
            return longs.Select(v => v.ToString(C));
        }

        if (f.ClrType == typeof(int))
        {
            var ints = new int[rows];
            await group.ReadAsync(f, ints.AsMemory());
            return ints.Select(v => v.ToString(C));
        }

        if (f.IsNullable)
        {
            var values = new double?[rows];
            await group.ReadAsync(f, values.AsMemory());
            return values.Select(v => v is { } x ? x.ToString("R", C) : "");
        }

        var doubles = new double[rows];
        await group.ReadAsync(f, doubles.AsMemory());
        return doubles.Select(v => v.ToString("R", C));
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string[] RunNode(string node, string workingDirectory, string sql)
    {
        var start = new ProcessStartInfo(node) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tools", "duckdb", "query.mjs"));
        start.ArgumentList.Add(sql);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
