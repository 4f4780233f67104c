using System.Globalization;
using HaSim.Model.Clients;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Workloads;
using HaSim.Scenarios.Units;

namespace HaSim.Cli.Tests.Fuzz;

/// <summary>
/// Every parameter of every preset, and every workload and client field, at the edges of its declared
/// domain and just beyond them, in a scenario with a timeline that exercises the preset's recovery:
/// each value is either refused with its range (exit 2) or runs to the end within bounded work.
/// </summary>
internal static class BoundarySweep
{
    /// <summary>(label, scenario text) for every edge value.</summary>
    public static IEnumerable<(string Label, string Text)> Inputs()
    {
        foreach (var preset in PresetCatalog.All)
        {
            var targets = preset.Architecture.Targets(preset.Parameters);
            string timeline = "timeline:\n" + string.Concat(targets.Take(4).Select((t, i) =>
                string.Create(CultureInfo.InvariantCulture, $"  - {{at: {10 + (i * 20)} min, target: {t.Label}, fault: {t.Faults[0].FileName}{(t.Faults[0].TakesDuration ? ", duration: 30 min" : "")}}}\n")));
            foreach (var def in preset.Parameters.Catalog.Definitions)
            {
                foreach (var value in EdgeValues(def))
                {
                    yield return ($"{preset.Name} {def.Key}: {value}", $"preset: {preset.Name}\nparameters:\n  {def.Key}: {value}\n{timeline}");
                }
            }

            foreach (var (field, def) in Fields())
            {
                foreach (var edge in EdgeValues(def))
                {
                    string value = def == WorkloadParameters.TransactionRate ? edge + " /s" : edge;
                    yield return ($"{preset.Name} {field}: {value}", $"preset: {preset.Name}\n{field.Split('.')[0]}:\n  {field.Split('.')[1]}: {value}\n{timeline}");
                }
            }
        }
    }

    private static IEnumerable<(string Field, Parameter Definition)> Fields() =>
    [
        ("workload.wal_rate", WorkloadParameters.WalRate), ("workload.transaction_rate", WorkloadParameters.TransactionRate),
        ("workload.transaction_duration", WorkloadParameters.TransactionDuration), ("workload.database_size", WorkloadParameters.DatabaseSize),
        ("client.retry_interval", ClientParameters.RetryInterval), ("client.max_retry_interval", ClientParameters.MaxRetryInterval),
        ("client.connect_timeout", ClientParameters.ConnectTimeout), ("client.dns_cache", ClientParameters.DnsCache),
        ("client.backoff", ClientParameters.Backoff), ("client.jitter", ClientParameters.Jitter),
    ];

    private static IEnumerable<string> EdgeValues(Parameter def)
    {
        var d = def.Domain;
        var format = def.Kind switch
        {
            ParameterKind.Count or ParameterKind.Number => (Func<double, string>)(v => v.ToString("R", CultureInfo.InvariantCulture)),
            ParameterKind.Fraction => v => (v * 100).ToString("R", CultureInfo.InvariantCulture) + "%",
            ParameterKind.Bytes => v => v.ToString("R", CultureInfo.InvariantCulture) + " B",
            ParameterKind.ByteRate => v => v.ToString("R", CultureInfo.InvariantCulture) + " B/s",
            _ => v => v.ToString("R", CultureInfo.InvariantCulture) + " s",
        };
        switch (def.Kind)
        {
            case ParameterKind.Flag:
                yield return "true";
                yield return "false";
                yield break;
            case ParameterKind.Choice:
                foreach (var c in def.Choices!)
                {
                    yield return c;
                }

                yield break;
            case ParameterKind.Duration:
                yield return "0 s";
                yield return "1 us";
                yield return "1000 years";
                yield return "1001 years";
                yield return "{exponential: {mean: 1 ms}}";
                yield return "{exponential: {mean: 1000 years}}";
                yield return "{lognormal: {median: 1 s, p99: 1000 years}}";
                yield return "{weibull: {shape: 0.05, scale: 1 h}}";
                yield return "{uniform: {min: 0 s, max: 1000 years}}";
                yield break;
        }

        double min = d.MinExclusive ? (d.Min == 0 ? 1e-6 : d.Min * (1 + 1e-9)) : d.Min;
        yield return format(min);
        yield return format(d.Max);
        yield return format(d.Max * 10);
        yield return format(d.Min - 1);
        if (def.Kind is ParameterKind.Seconds or ParameterKind.Bytes or ParameterKind.ByteRate)
        {
            yield return format(Math.Min(d.Max, Math.Max(min, 1)));
            yield return def.Kind == ParameterKind.Seconds ? Durations.Format(d.Max / 2) : format(d.Max / 2);
        }
    }
}
