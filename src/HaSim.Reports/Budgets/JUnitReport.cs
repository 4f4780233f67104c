using System.Globalization;
using System.Text;
using System.Xml;
using HaSim.Analysis.Budgets;

namespace HaSim.Reports.Budgets;

/// <summary>
/// The result of <c>hasim check --junit FILE</c>: JUnit XML as CI systems read it (GitHub, GitLab,
/// Jenkins): one <c>testsuite</c> for the budgets file, one <c>testcase</c> per budget. A failed
/// budget, a regression and a stale baseline are <c>failure</c>s naming the figure, the limit and the
/// interval; an inconclusive budget is a failure or, if asked, <c>skipped</c>. The evidence is in
/// <c>system-out</c>. No times or timestamps, so the same check gives the same bytes.
/// </summary>
public static class JUnitReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The XML text of <paramref name="result"/>.</summary>
    public static string Write(CheckResult result, bool inconclusiveAsSkipped)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cases = result.Outcomes.Select(o => (Outcome: o, Failure: FailureOf(o, result.File.Path, inconclusiveAsSkipped), Skipped: inconclusiveAsSkipped && o.Verdict == Verdict.Inconclusive)).ToList();
        int failures = cases.Count(c => c.Failure is not null);
        int skipped = cases.Count(c => c.Skipped);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "hasim check");
            w.WriteAttributeString("tests", cases.Count.ToString(C));
            w.WriteAttributeString("failures", failures.ToString(C));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", skipped.ToString(C));
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", result.File.Path);
            w.WriteAttributeString("tests", cases.Count.ToString(C));
            w.WriteAttributeString("failures", failures.ToString(C));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", skipped.ToString(C));
            w.WriteStartElement("properties");
            Property(w, "budgets_file", result.File.Path);
            Property(w, "seed", result.SeedOverride?.ToString(C) ?? "per budget");
            Property(w, "method", "alpha spending: look k judges the interval at level 1 - alpha/2^k; replications double up to the cap");
            w.WriteEndElement();
            foreach (var (o, failure, skip) in cases)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("name", o.Budget.Name);
                w.WriteAttributeString("classname", "hasim.budgets." + result.File.Name);
                if (failure is { } f)
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("type", f.Type);
                    w.WriteAttributeString("message", f.Message);
                    w.WriteString(f.Details);
                    w.WriteEndElement();
                }
                else if (skip)
                {
                    w.WriteStartElement("skipped");
                    w.WriteAttributeString("message", BudgetText.VerdictSentence(o));
                    w.WriteEndElement();
                }

                w.WriteElementString("system-out", SystemOut(o, result.File.Path));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static (string Type, string Message, string Details)? FailureOf(BudgetOutcome o, string budgetsFile, bool inconclusiveAsSkipped)
    {
        var reasons = new List<(string Type, string Message)>();
        if (o.Verdict == Verdict.Fail || (o.Verdict == Verdict.Inconclusive && !inconclusiveAsSkipped))
        {
            reasons.Add((o.Verdict == Verdict.Fail ? "budget" : "inconclusive", BudgetText.VerdictSentence(o)));
        }

        if (o.BaselineFails)
        {
            reasons.Add((o.Baseline.Status == BaselineStatus.Stale ? "stale-baseline" : "regression", BudgetText.BaselineSentence(o, budgetsFile)!));
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        return (string.Join(",", reasons.Select(r => r.Type)), string.Join("; and ", reasons.Select(r => r.Message)), string.Join("\n", reasons.Select(r => r.Message)));
    }

    private static string SystemOut(BudgetOutcome o, string budgetsFile)
    {
        var b = o.Budget;
        var lines = new List<string>
        {
            $"goal: {b.Goal.Text} (confidence {BudgetText.Level(b.Goal.Confidence)})",
            $"subject: {b.Subject.Display} ({(b.Subject.IsScripted ? "scripted timeline replayed over seeds" : $"{b.Subject.Years?.ToString(C)} simulated years per replication")})",
            BudgetText.VerdictSentence(o),
        };
        if (BudgetText.BaselineSentence(o, budgetsFile) is { } baseline)
        {
            lines.Add(baseline);
        }

        if (b.Source is { } source)
        {
            lines.Add("source: " + source);
        }

        return string.Join("\n", lines);
    }

    private static void Property(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }
}
