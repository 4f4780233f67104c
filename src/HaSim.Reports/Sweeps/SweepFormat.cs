using System.Globalization;
using HaSim.Analysis.Budgets;
using HaSim.Analysis.Sweeps;

namespace HaSim.Reports.Sweeps;

/// <summary>The names sweep files use: verdicts, modes and base units, as stable keys.</summary>
public static class SweepFormat
{
    /// <summary>The format id of <c>sweep.json</c>; <c>SweepSchema.md</c> documents it.</summary>
    public const string Format = "hasim.sweep/1";

    /// <summary>The JSON file.</summary>
    public const string JsonFile = "sweep.json";

    /// <summary>The CSV file.</summary>
    public const string CsvFile = "sweep.csv";

    /// <summary>The readable table.</summary>
    public const string TextFile = "sweep.txt";

    /// <summary>The files a sweep writes.</summary>
    public static IReadOnlyList<string> Files { get; } = [CsvFile, JsonFile, TextFile];

    /// <summary>A verdict's key: <c>pass</c>, <c>fail</c>, <c>inconclusive</c>.</summary>
    public static string Key(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>A mode's key: <c>grid</c> or <c>one_at_a_time</c>.</summary>
    public static string Key(SweepMode mode) => mode == SweepMode.Grid ? "grid" : "one_at_a_time";

    /// <summary>The base unit a figure's numbers are written in: <c>s</c>, <c>B</c>, <c>fraction</c>, <c>count</c>, <c>s/yr</c>, <c>1/yr</c>.</summary>
    public static string BaseUnit(FigureUnit unit) => unit switch
    {
        FigureUnit.Seconds => "s",
        FigureUnit.Bytes => "B",
        FigureUnit.Fraction => "fraction",
        FigureUnit.SecondsPerYear => "s/yr",
        FigureUnit.CountPerYear => "1/yr",
        _ => "count",
    };

    /// <summary>A number as files write it: round-trip, invariant; empty for undefined.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A money amount for people: <c>1,234.56 USD</c>.</summary>
    public static string Money(double value, string currency) => value.ToString("N2", CultureInfo.InvariantCulture) + " " + currency;
}
