using HaSim.Reports.Charts;

namespace HaSim.Reports.Html;

/// <summary>
/// A report as data: a title, key facts about the run, and sections of key figures, charts and
/// tables. The HTML and Markdown writers render the same document, so both say the same.
/// </summary>
/// <param name="Title">The report's title (the scenario, or the comparison).</param>
/// <param name="Facts">What ran: preset, seed, replications (label, value), shown under the title.</param>
/// <param name="Sections">The sections, in order.</param>
public sealed record ReportDocument(string Title, IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Every chart in the document, in order.</summary>
    public IEnumerable<RenderedChart> Charts => Sections.SelectMany(s => s.Blocks).OfType<ChartBlock>().Select(b => b.Chart);
}

/// <summary>A section of a report.</summary>
/// <param name="Id">A stable identifier (snake_case): the anchor of its heading.</param>
/// <param name="Heading">Its heading.</param>
/// <param name="Blocks">Its content, in order.</param>
/// <param name="Level">Its heading level: 2 for a top section, 3 for one nested under the previous top section.</param>
public sealed record ReportSection(string Id, string Heading, IReadOnlyList<ReportBlock> Blocks, int Level = 2);

/// <summary>A piece of a section.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">The text (not markup).</param>
public sealed record Paragraph(string Text) : ReportBlock;

/// <summary>How a key figure reads against what was wanted.</summary>
public enum Tone
{
    /// <summary>Just a figure.</summary>
    Neutral,

    /// <summary>Meets its target.</summary>
    Good,

    /// <summary>Misses its target.</summary>
    Bad,
}

/// <summary>A headline figure, shown large.</summary>
/// <param name="Label">What it is, e.g. "availability".</param>
/// <param name="Value">The figure, formatted, e.g. "99.987%".</param>
/// <param name="Detail">Its interval and sample size, or a remark.</param>
/// <param name="Tone">How it reads against its target.</param>
public sealed record KeyFigure(string Label, string Value, string Detail, Tone Tone = Tone.Neutral);

/// <summary>A row of headline figures.</summary>
/// <param name="Figures">The figures.</param>
public sealed record KeyFigures(IReadOnlyList<KeyFigure> Figures) : ReportBlock;

/// <summary>A table of figures.</summary>
/// <param name="Caption">What the table shows.</param>
/// <param name="Columns">Column headings; a heading starting with '>' is right-aligned (a number) and the '>' is not shown.</param>
/// <param name="Rows">The cells, already formatted.</param>
public sealed record DataTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A chart, with the table of its key figures beside it.</summary>
/// <param name="Chart">The chart.</param>
/// <param name="Table">The figures that go with it, if any.</param>
/// <param name="Note">A remark under the chart (how to read it), if any.</param>
public sealed record ChartBlock(RenderedChart Chart, DataTable? Table = null, string? Note = null) : ReportBlock;
