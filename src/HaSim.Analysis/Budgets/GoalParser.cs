using System.Globalization;
using System.Text.RegularExpressions;
using HaSim.Model.Architectures;
using HaSim.Model.Metrics;
using HaSim.Model.Names;
using HaSim.Model.Presets;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Analysis.Budgets;

/// <summary>
/// Reads a goal written as one line of text, for a database of a given architecture:
/// <code>
/// goal    := figure relation limit                     relation: &lt;=  &gt;=  ==
/// figure  := statistic metric [of NAME] [in MODE]      statistic: mean, max, p50, p90, p99, p99.9, ...
///          | P(metric [of NAME] &gt; value) [in MODE]
///          | P(metric [of NAME] = 0) [in MODE]
///          | year-figure [of KIND] [in MODE]            availability, downtime_per_year, incidents_per_year,
///                                                      sla_miss (or P(month misses SLA)), expected_credit,
///                                                      degraded_per_year of KIND, data_loss_year (or P(data loss in a year))
/// </code>
/// for example <c>p99 rto &lt;= 120 s</c>, <c>max rpo_bytes == 0 B</c>, <c>P(rto &gt; 2 min) in az_outage &lt;= 1%</c>,
/// <c>P(month misses SLA) &lt;= 1%</c>. Metrics, stages, degraded kinds and failure modes are named by key or
/// label (<c>client_rto</c> reads as the label "client RTO"); the limit carries the figure's unit. Every
/// problem is a diagnostic at the column of the part of the text it concerns, with a did-you-mean.
/// </summary>
public static partial class GoalParser
{
    private static readonly string[] StatisticWords = ["mean", "max", "median", "p50", "p90", "p99", "p99.9"];

    /// <summary>Parses the goal written at <paramref name="node"/>; diagnostics name its file, line, column and field.</summary>
    /// <exception cref="ScenarioException">The goal is malformed or names something the architecture does not have.</exception>
    public static Goal Parse(ScalarNode node, ArchitectureDescriptor architecture, double confidence = Goal.DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(node);
        int column = node.Column + (node.IsQuoted ? 1 : 0);
        return new Reader(node.Value, architecture, (offset, message, suggestion) =>
            new ScenarioDiagnostic(node.FilePath, node.Line, column + offset, node.Path, message, suggestion)).Read(confidence);
    }

    /// <summary>Parses goal text given outside a file (a command-line option); diagnostics name <paramref name="source"/> and the column in the text.</summary>
    /// <exception cref="ScenarioException">The goal is malformed or names something the architecture does not have.</exception>
    public static Goal Parse(string text, string source, ArchitectureDescriptor architecture, double confidence = Goal.DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return new Reader(text, architecture, (offset, message, suggestion) =>
            new ScenarioDiagnostic(source, 1, offset + 1, "", message, suggestion)).Read(confidence);
    }

    /// <summary>Parses a figure alone (a goal without its relation and limit), given outside a file, e.g. <c>p99 client_rto</c>.</summary>
    /// <exception cref="ScenarioException">The figure is malformed or names something the architecture does not have.</exception>
    public static Figure ParseFigure(string text, string source, ArchitectureDescriptor architecture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return new Reader(text, architecture, (offset, message, suggestion) =>
            new ScenarioDiagnostic(source, 1, offset + 1, "", message, suggestion)).ReadFigureOnly();
    }

    [GeneratedRegex(@"^p(?<p>\d+(?:\.\d+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantileWord();

    /// <summary>A stretch of the goal text: where it starts and what it says (trimmed).</summary>
    private readonly record struct Piece(int Start, string Text)
    {
        public Piece Trim()
        {
            int lead = Text.Length - Text.TrimStart().Length;
            return new Piece(Start + lead, Text.Trim());
        }

        public Piece Slice(int from, int length) => new Piece(Start + from, Text.Substring(from, length)).Trim();

        public Piece From(int from) => Slice(from, Text.Length - from);

        public Piece Before(int end) => Slice(0, end);
    }

    private sealed class Reader(string text, ArchitectureDescriptor architecture, Func<int, string, string?, ScenarioDiagnostic> diagnostic)
    {
        public Goal Read(double confidence)
        {
            ArgumentNullException.ThrowIfNull(architecture);
            var whole = new Piece(0, text).Trim();
            if (whole.Text.Length == 0)
            {
                throw Error(whole, "expected a goal but found nothing", "write e.g. 'p99 rto <= 120 s'");
            }

            var (at, length, relation) = FindRelation(whole);
            var figure = ReadFigure(whole.Before(at));
            var limitPiece = whole.From(at + length);
            double limit = ReadQuantity(limitPiece, figure.Unit, "limit");
            return new Goal(figure, relation, limit, text.Trim(), confidence);
        }

        public Figure ReadFigureOnly()
        {
            ArgumentNullException.ThrowIfNull(architecture);
            var whole = new Piece(0, text).Trim();
            if (whole.Text.Length == 0)
            {
                throw Error(whole, "expected a figure but found nothing", "write e.g. 'p99 client_rto'");
            }

            if (whole.Text.IndexOfAny(['<', '>', '=', '≤', '≥']) is int at and >= 0 && !whole.Text.StartsWith("P(", StringComparison.Ordinal))
            {
                throw Error(whole.From(at), "a figure has no limit", "give the figure alone (e.g. 'p99 client_rto'), or the whole goal with --goal");
            }

            return ReadFigure(whole);
        }

        private (int At, int Length, Relation Relation) FindRelation(Piece p)
        {
            int depth = 0, open = -1;
            string s = p.Text;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '(')
                {
                    open = depth == 0 ? i : open;
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (depth == 0)
                {
                    char next = i + 1 < s.Length ? s[i + 1] : '\0';
                    switch (c)
                    {
                        case '<' when next == '=':
                            return (i, 2, Relation.AtMost);
                        case '>' when next == '=':
                            return (i, 2, Relation.AtLeast);
                        case '=' when next == '=':
                            return (i, 2, Relation.Equal);
                        case '=' when next is '<' or '>':
                            throw Error(p.Slice(i, 2), $"'{s.Substring(i, 2)}' is not a comparison", $"write '{next}='");
                        case '=':
                            return (i, 1, Relation.Equal);
                        case '≤':
                            return (i, 1, Relation.AtMost);
                        case '≥':
                            return (i, 1, Relation.AtLeast);
                        case '<' or '>':
                            throw Error(p.Slice(i, 1), $"'{c}' is not a budget comparison", $"limits are inclusive: write '{c}='");
                    }
                }
            }

            if (depth > 0)
            {
                throw Error(p.From(Math.Max(0, open - 1)), $"'{s[Math.Max(0, open - 1)..(open + 1)]}' has no closing ')'");
            }

            throw Error(p, $"'{p.Text}' has no comparison", "write the figure, '<=', '>=' or '==' and a limit, e.g. 'p99 rto <= 120 s'");
        }

        private Figure ReadFigure(Piece p)
        {
            if (p.Text.Length == 0)
            {
                throw Error(p, "the goal has no figure before its comparison", "write e.g. 'p99 rto <= 120 s'");
            }

            // "in MODE" narrows the figure; a stage label may itself contain " in ", so try the rightmost first.
            var splits = TopLevel(p, " in ");
            foreach (int at in splits)
            {
                var modePiece = p.From(at + 4);
                if (architecture.FailureModes.Find(modePiece.Text) is { } mode)
                {
                    return ReadUnnarrowed(p.Before(at), mode, modePiece);
                }
            }

            if (splits.Count > 0 && TryRead(p) is null && TryRead(p.Before(splits[0])) is not null)
            {
                var modePiece = p.From(splits[0] + 4);
                throw UnknownName(modePiece, "failure mode", architecture.FailureModes.All, architecture.FailureModes.Spellings());
            }

            return ReadUnnarrowed(p, null, default);
        }

        private Figure? TryRead(Piece p)
        {
            try
            {
                return ReadUnnarrowed(p, null, default);
            }
            catch (ScenarioException)
            {
                return null;
            }
        }

        private Figure ReadUnnarrowed(Piece p, FailureMode? mode, Piece modePiece)
        {
            if (p.Text.Length == 0)
            {
                throw Error(p, "the goal has no figure before 'in'");
            }

            if (p.Text.StartsWith("P(", StringComparison.OrdinalIgnoreCase))
            {
                return ReadProbability(p, mode, modePiece);
            }

            int space = p.Text.IndexOf(' ', StringComparison.Ordinal);
            string first = space < 0 ? p.Text : p.Text[..space];
            if (ReadStatistic(first) is { } statistic)
            {
                if (space < 0)
                {
                    throw Error(p, $"'{first}' of what?", "name a metric after the statistic, e.g. 'p99 rto'");
                }

                var (metric, subject) = ReadMetric(p.From(space + 1));
                return Narrow(() => Figure.Of(statistic, metric, subject, mode), metric.Key, modePiece);
            }

            var (yearPiece, ofPiece) = SplitOf(p);
            if (FindYearFigure(yearPiece.Text) is { } year)
            {
                return ReadYearFigure(year, yearPiece, ofPiece, mode, modePiece);
            }

            var words = StatisticWords.Concat(YearFigure.All.All.Select(y => y.Key)).ToList();
            if (FindMetric(yearPiece.Text) is { } bare)
            {
                throw Error(yearPiece, $"'{yearPiece.Text}' needs a statistic", $"write e.g. 'p99 {bare.Key}', 'mean {bare.Key}' or 'max {bare.Key}'");
            }

            throw Error(p.Slice(0, first.Length), $"unknown statistic or figure '{first}'",
                DidYouMean.Phrase(first, words) ?? "write a statistic (mean, max, p50, p99, p99.9, ...) and a metric, or one of: " + string.Join(", ", YearFigure.All.All.Select(y => y.Key)));
        }

        private Figure ReadProbability(Piece p, FailureMode? mode, Piece modePiece)
        {
            int close = MatchingParen(p.Text, 1);
            if (close < 0)
            {
                throw Error(p, "'P(' has no closing ')'");
            }

            var rest = p.From(close + 1);
            if (rest.Text.Length > 0)
            {
                throw Error(rest, $"unexpected '{rest.Text}' after 'P(...)'", "narrow to a failure mode with 'in MODE', e.g. 'P(rto > 2 min) in az_outage <= 1%'");
            }

            var whole = p.Slice(0, close + 1);
            if (FindYearFigure(whole.Text) is { } year)
            {
                return ReadYearFigure(year, whole, default, mode, modePiece);
            }

            var inner = p.Slice(2, close - 2);
            int gt = inner.Text.IndexOf('>', StringComparison.Ordinal);
            int eq = inner.Text.IndexOf('=', StringComparison.Ordinal);
            int lt = inner.Text.IndexOf('<', StringComparison.Ordinal);
            if (lt >= 0 || (gt >= 0 && eq == gt + 1))
            {
                int at = lt >= 0 ? lt : gt;
                throw Error(inner.From(at), "only P(metric > value) and P(metric = 0) are supported", "P(metric <= x) is 1 - P(metric > x): write 'P(metric > x) >= ...' the other way round");
            }

            if (gt < 0 && eq < 0)
            {
                var spellings = YearFigure.All.All.Where(y => y.Label.StartsWith("P(", StringComparison.Ordinal)).Select(y => y.Label);
                throw Error(inner, $"'{whole.Text}' is not a probability HaSim knows",
                    (DidYouMean.Phrase(whole.Text, spellings) is { } s ? s + "; " : "") + "write P(metric > value), P(metric = 0), P(month misses SLA) or P(data loss in a year)");
            }

            int op = gt >= 0 ? gt : eq;
            int opLength = eq == op + 1 || (op == eq && op + 1 < inner.Text.Length && inner.Text[op + 1] == '=') ? 2 : 1;
            var (metric, subject) = ReadMetric(inner.Before(op));
            var value = inner.From(op + opLength);
            if (gt >= 0)
            {
                double threshold = ReadQuantity(value, Figure.UnitOf(metric.Unit), "threshold");
                return Narrow(() => Figure.Of(Statistic.Exceeds(threshold), metric, subject, mode), metric.Key, modePiece);
            }

            if (!IsZero(value.Text, metric.Unit))
            {
                throw Error(value, $"P({metric.Key} = {value.Text}) is not supported", "only P(metric = 0) is; for a band use P(metric > value)");
            }

            return Narrow(() => Figure.Of(Statistic.Zero, metric, subject, mode), metric.Key, modePiece);
        }

        private Figure ReadYearFigure(YearFigure year, Piece yearPiece, Piece ofPiece, FailureMode? mode, Piece modePiece)
        {
            DegradedKind? kind = null;
            if (year.TakesDegradedKind)
            {
                if (ofPiece.Text is null or "")
                {
                    throw Error(yearPiece, $"'{year.Key}' needs 'of KIND'", "degraded kinds: " + string.Join(", ", architecture.DegradedKinds.All.Select(k => k.Key)));
                }

                kind = architecture.DegradedKinds.Find(ofPiece.Text) ?? throw UnknownName(ofPiece, "degraded kind", architecture.DegradedKinds.All, architecture.DegradedKinds.Spellings());
            }
            else if (ofPiece.Text is { Length: > 0 })
            {
                throw Error(ofPiece, $"'{year.Key}' takes no 'of'", "remove 'of ...'");
            }

            if (mode is not null && !year.TakesFailureMode)
            {
                throw Error(modePiece, $"'{year.Key}' is a figure of the whole database and cannot be narrowed to a failure mode", "remove 'in ...'");
            }

            return Figure.Of(year, kind, mode);
        }

        private (Metric Metric, TypedName? Subject) ReadMetric(Piece p)
        {
            var (metricPiece, ofPiece) = SplitOf(p);
            if (metricPiece.Text.Length == 0)
            {
                throw Error(p, "expected a metric", "metrics: " + string.Join(", ", MetricTable.All.All.Select(m => m.Key)));
            }

            var metric = FindMetric(metricPiece.Text);
            if (metric is null)
            {
                var keys = MetricTable.All.All.Select(m => m.Key).ToList();
                string? suggestion = DidYouMean.Phrase(metricPiece.Text, keys.Concat(MetricTable.All.All.Select(m => m.Label.Replace(' ', '_'))));
                throw Error(metricPiece, $"unknown metric '{metricPiece.Text}'", suggestion ?? "metrics: " + string.Join(", ", keys));
            }

            if (metric.Subject == MetricSubject.None)
            {
                if (ofPiece.Text is { Length: > 0 })
                {
                    throw Error(ofPiece, $"metric '{metric.Key}' takes no 'of'", "remove 'of ...', or use the 'stage' or 'degraded' metric");
                }

                return (metric, null);
            }

            bool stage = metric.Subject == MetricSubject.Stage;
            string what = stage ? "recovery stage" : "degraded kind";
            if (ofPiece.Text is null or "")
            {
                throw Error(metricPiece, $"metric '{metric.Key}' needs 'of' naming the {what}", $"e.g. '{metric.Key} of {(stage ? architecture.Stages.All[0].Key : architecture.DegradedKinds.All.FirstOrDefault()?.Key ?? "KIND")}'");
            }

            TypedName? subject = stage ? architecture.Stages.Find(ofPiece.Text) : architecture.DegradedKinds.Find(ofPiece.Text);
            if (subject is null)
            {
                throw stage
                    ? UnknownName(ofPiece, what, architecture.Stages.All, architecture.Stages.Spellings())
                    : UnknownName(ofPiece, what, architecture.DegradedKinds.All, architecture.DegradedKinds.Spellings());
            }

            return (metric, subject);
        }

        private Figure Narrow(Func<Figure> make, string metric, Piece modePiece)
        {
            try
            {
                return make();
            }
            catch (ArgumentException)
            {
                throw Error(modePiece, $"'{metric}' is a figure of the whole database and cannot be narrowed to a failure mode", "remove 'in ...'");
            }
        }

        private double ReadQuantity(Piece p, FigureUnit unit, string what)
        {
            if (p.Text.Length == 0)
            {
                throw Error(p, $"the goal has no {what}", "write " + FigureUnits.Example(unit));
            }

            return FigureUnits.TryParse(p.Text, unit, what, out double value, out var error) ? value : throw Error(p, error.Message, error.Suggestion);
        }

        private static bool IsZero(string s, MetricUnit unit) =>
            (Values.TryParseNumber(s, out double plain, out _) && plain == 0)
            || (unit == MetricUnit.Seconds && Durations.TryParse(s, out double seconds, out _) && seconds == 0)
            || (unit == MetricUnit.Bytes && Sizes.TryParse(s, out long bytes, out _) && bytes == 0);

        private static Statistic? ReadStatistic(string word)
        {
            switch (word.ToLowerInvariant())
            {
                case "mean":
                    return Statistic.Mean;
                case "max":
                    return Statistic.Max;
                case "median":
                    return Statistic.Quantile(0.5);
            }

            var m = QuantileWord().Match(word);
            if (m.Success && decimal.TryParse(m.Groups["p"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal percent) && percent > 0 && percent < 100)
            {
                return Statistic.Quantile((double)(percent / 100m));
            }

            return null;
        }

        private static Metric? FindMetric(string name) =>
            MetricTable.All.Find(name) ?? MetricTable.All.Find(name.Replace('_', ' '));

        private static YearFigure? FindYearFigure(string name) =>
            YearFigure.All.Find(name) ?? YearFigure.All.Find(name.Replace('_', ' '))
            ?? (name.StartsWith("P(any ", StringComparison.OrdinalIgnoreCase) ? YearFigure.All.Find("P(" + name[6..]) : null);

        /// <summary>Splits "X of Y" at the first top-level " of " (names have no " of " in them).</summary>
        private static (Piece Name, Piece Of) SplitOf(Piece p)
        {
            var at = TopLevel(p, " of ");
            return at.Count == 0 ? (p, new Piece(p.Start + p.Text.Length, "")) : (p.Before(at[^1]), p.From(at[^1] + 4));
        }

        /// <summary>Where <paramref name="word"/> occurs outside parentheses, ignoring case, rightmost first.</summary>
        private static List<int> TopLevel(Piece p, string word)
        {
            var found = new List<int>();
            int depth = 0;
            for (int i = 0; i < p.Text.Length; i++)
            {
                char c = p.Text[i];
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0 && string.Compare(p.Text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    found.Add(i);
                }
            }

            found.Reverse();
            return found;
        }

        private static int MatchingParen(string s, int open)
        {
            int depth = 0;
            for (int i = open; i < s.Length; i++)
            {
                depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
                if (depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private ScenarioException UnknownName<T>(Piece p, string what, IReadOnlyList<T> names, IEnumerable<string> spellings)
            where T : TypedName =>
            Error(p, $"'{p.Text}' is not a {what} of the {architecture.Kind.Name()} model",
                DidYouMean.Phrase(p.Text, spellings) ?? $"{what}s: " + string.Join(", ", names.Select(n => n.Key)));

        private ScenarioException Error(Piece p, string message, string? suggestion = null) => new(diagnostic(p.Start, message, suggestion));
    }
}
