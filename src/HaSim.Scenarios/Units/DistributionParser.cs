using System.Globalization;
using HaSim.Kernel.Distributions;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Reads distributions of a quantity (usually a duration, giving seconds). In YAML a distribution
/// is either a single value (a constant) or a map with one key naming its kind:
/// <list type="bullet">
/// <item><c>60 s</c> or <c>{constant: 60 s}</c>: <see cref="Constant"/>;</item>
/// <item><c>{uniform: {min: 60 s, max: 120 s}}</c> or <c>{uniform: [60 s, 120 s]}</c>: <see cref="Uniform"/>;</item>
/// <item><c>{lognormal: {median: 60 s, p99: 180 s}}</c>, <c>{lognormal: {median: 2 h, p95: 12 h}}</c> or
/// <c>{lognormal: {mean: 30 s, sd: 8 s}}</c>: <see cref="LogNormal"/>;</item>
/// <item><c>{exponential: {mean: 4.3 months}}</c> (for durations also <c>{exponential: {rate: 2 per year}}</c>): <see cref="Exponential"/>;</item>
/// <item><c>{weibull: {shape: 1.2, scale: 30 d}}</c> (shape is a plain number): <see cref="Weibull"/>;</item>
/// <item><c>{normal: {mean: 30 s, sd: 8 s, min: 0 s}}</c> (min defaults to 0, max to none): <see cref="TruncatedNormal"/>;</item>
/// <item><c>{empirical: [10 s, 12 s, 30 s]}</c>: <see cref="Empirical"/>.</item>
/// </list>
/// Every problem, including a parameter the distribution rejects, is a diagnostic at the offending line.
/// </summary>
public static class DistributionParser
{
    private static readonly string[] KindNames = ["constant", "uniform", "lognormal", "exponential", "weibull", "normal", "empirical"];

    private static readonly HashSet<string> ParameterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "min", "max", "median", "p95", "p99", "mean", "sd", "rate", "shape", "scale",
    };

    /// <summary>The distribution kinds accepted as keys.</summary>
    public static IReadOnlyList<string> Kinds => KindNames;

    /// <summary>The distribution of durations, in seconds, written at <paramref name="node"/>.</summary>
    /// <exception cref="ScenarioException">When the node is not a valid duration distribution; diagnostics are at the offending nodes.</exception>
    public static Distribution ParseDuration(ScenarioNode node) =>
        Parse(node, new Context(Durations.Parse, "duration", "60 s", AllowRate: true));

    /// <summary>
    /// The distribution written at <paramref name="node"/> of a quantity read by
    /// <paramref name="parseValue"/> (e.g. <see cref="Sizes"/>' parser for sizes); <paramref name="quantity"/>
    /// names it in messages ("size") and <paramref name="example"/> is a sample value ("16 MiB").
    /// </summary>
    /// <exception cref="ScenarioException">When the node is not a valid distribution; diagnostics are at the offending nodes.</exception>
    public static Distribution Parse(ScenarioNode node, Func<ScalarNode, double> parseValue, string quantity, string example)
    {
        ArgumentNullException.ThrowIfNull(parseValue);
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(example);
        return Parse(node, new Context(parseValue, quantity, example, AllowRate: false));
    }

    /// <summary>A duration distribution as YAML that <see cref="ParseDuration"/> reads back, e.g. <c>{lognormal: {median: 60 s, p99: 3 min}}</c>.</summary>
    public static string FormatDuration(Distribution distribution) => Format(distribution, Durations.Format);

    /// <summary>A distribution as flow YAML, with its values written by <paramref name="formatValue"/>.</summary>
    public static string Format(Distribution distribution, Func<double, string> formatValue)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(formatValue);
        return distribution switch
        {
            Constant c => formatValue(c.Value),
            Uniform u => $"{{uniform: {{min: {formatValue(u.Min)}, max: {formatValue(u.Max)}}}}}",
            Exponential e => $"{{exponential: {{mean: {formatValue(e.MeanValue)}}}}}",
            LogNormal l => $"{{lognormal: {{median: {formatValue(l.Median)}, p99: {formatValue(l.Quantile(0.99))}}}}}",
            Weibull w => $"{{weibull: {{shape: {w.Shape.ToString("0.######", CultureInfo.InvariantCulture)}, scale: {formatValue(w.Scale)}}}}}",
            TruncatedNormal t => $"{{normal: {{mean: {formatValue(t.MeanBeforeTruncation)}, sd: {formatValue(t.StdDev)}, min: {formatValue(t.Min)}"
                + (double.IsPositiveInfinity(t.Max) ? "}}" : $", max: {formatValue(t.Max)}}}}}"),
            Empirical e => $"{{empirical: [{string.Join(", ", e.Observations.Select(formatValue))}]}}",
            _ => distribution.Describe(),
        };
    }

    private static Distribution Parse(ScenarioNode node, Context cx)
    {
        ArgumentNullException.ThrowIfNull(node);
        string sample = $"{{lognormal: {{median: {cx.Example}, p99: ...}}}}";
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                throw node.Error($"expected a {cx.Quantity} or a distribution but found nothing", $"write e.g. '{cx.Example}' or {sample}");
            case ScalarNode scalar:
                return Build(node, "constant", new() { ["value"] = scalar }, () => new Constant(cx.ParseValue(scalar)));
            case SeqNode:
                throw node.Error($"expected a {cx.Quantity} or a distribution but found a list", $"for observed values write {{empirical: [{cx.Example}, ...]}}");
        }

        var map = (MapNode)node;
        if (map.Count != 1)
        {
            if (map.Count == 0)
            {
                throw node.Error("expected a distribution but found an empty map", $"write e.g. {sample}");
            }

            string keys = string.Join(", ", map.Keys.Select(k => $"'{k}'"));
            string? kind = map.Keys.FirstOrDefault(k => KindNames.Contains(k, StringComparer.OrdinalIgnoreCase));
            string hint = kind is not null
                ? $"put the parameters under '{kind}:', e.g. {sample}"
                : map.Keys.All(ParameterNames.Contains)
                    ? $"name the distribution and put the parameters under it, e.g. {sample}"
                    : $"write e.g. {sample}";
            throw node.Error($"a distribution is written as one key naming its kind, but this map has {map.Count}: {keys}", hint);
        }

        MapEntry entry = map.Entries[0];
        string name = entry.Name.ToLowerInvariant();
        ScenarioNode v = entry.Value;
        return name switch
        {
            "constant" => Build(v, name, new() { ["value"] = v }, () => new Constant(cx.ParseValue(v.AsScalar()))),
            "uniform" => ParseUniform(v, cx),
            "lognormal" => ParseLogNormal(v, cx),
            "exponential" => ParseExponential(v, cx),
            "weibull" => ParseWeibull(v, cx),
            "normal" => ParseNormal(v, cx),
            "empirical" => ParseEmpirical(v, cx),
            _ when ParameterNames.Contains(name) => throw entry.Key.Error(
                $"'{entry.Name}' is a parameter, not a distribution kind",
                $"name the distribution and put the parameters under it, e.g. {sample}"),
            _ => throw entry.Key.Error(
                $"unknown distribution '{entry.Name}'",
                DidYouMean.Phrase(entry.Name, KindNames) ?? $"expected one of: {string.Join(", ", KindNames)}"),
        };
    }

    private static Distribution ParseUniform(ScenarioNode v, Context cx)
    {
        ScalarNode minNode;
        ScalarNode maxNode;
        if (v is SeqNode seq)
        {
            seq.RequireCount(2, 2);
            minNode = seq[0].AsScalar();
            maxNode = seq[1].AsScalar();
        }
        else
        {
            MapNode m = Params(v, "uniform", "{min: ..., max: ...} or [min, max]");
            m.EnsureOnlyKnownKeys("min", "max");
            minNode = m.RequiredScalar("min");
            maxNode = m.RequiredScalar("max");
        }

        double min = cx.ParseValue(minNode);
        double max = cx.ParseValue(maxNode);
        if (max < min)
        {
            throw maxNode.Error($"max ({maxNode.Value}) is less than min ({minNode.Value})");
        }

        return Build(v, "uniform", new() { ["min"] = minNode, ["max"] = maxNode }, () => new Uniform(min, max));
    }

    private static Distribution ParseLogNormal(ScenarioNode v, Context cx)
    {
        const string Forms = "{median, p99}, {median, p95} or {mean, sd}";
        MapNode m = Params(v, "lognormal", "{median: ..., p99: ...}");
        m.EnsureOnlyKnownKeys("median", "p95", "p99", "mean", "sd");
        bool hasMedian = m.ContainsKey("median");
        bool hasMean = m.ContainsKey("mean");
        if (hasMedian && !hasMean && !m.ContainsKey("sd"))
        {
            bool p95 = m.ContainsKey("p95");
            bool p99 = m.ContainsKey("p99");
            if (p95 == p99)
            {
                throw m.Error(p95 ? "a lognormal takes p95 or p99, not both" : "a lognormal with a median also needs p99 or p95", $"write {Forms}");
            }

            string key = p99 ? "p99" : "p95";
            ScalarNode medianNode = m.RequiredScalar("median");
            ScalarNode upperNode = m.RequiredScalar(key);
            double median = cx.ParseValue(medianNode);
            double upper = cx.ParseValue(upperNode);
            Positive(medianNode, median, "the median");
            if (upper < median)
            {
                throw upperNode.Error($"{key} ({upperNode.Value}) is below the median ({medianNode.Value})", "the upper percentile must be at least the median");
            }

            var nodes = new Dictionary<string, ScenarioNode> { ["median"] = medianNode, ["value"] = upperNode, ["p"] = upperNode };
            return Build(m, "lognormal", nodes, () => p99 ? LogNormal.FromMedianAndP99(median, upper) : LogNormal.FromMedianAndP95(median, upper));
        }

        if (hasMean && !hasMedian && !m.ContainsKey("p95") && !m.ContainsKey("p99"))
        {
            ScalarNode meanNode = m.RequiredScalar("mean");
            ScalarNode sdNode = m.RequiredScalar("sd");
            double mean = cx.ParseValue(meanNode);
            double sd = cx.ParseValue(sdNode);
            Positive(meanNode, mean, "the mean");
            NotNegative(sdNode, sd, "sd");
            return Build(m, "lognormal", new() { ["mean"] = meanNode, ["stdDev"] = sdNode }, () => LogNormal.FromMeanAndStdDev(mean, sd));
        }

        string found = m.Count == 0 ? "nothing" : string.Join(", ", m.Keys);
        throw m.Error($"a lognormal takes {Forms}, but found {found}");
    }

    private static Distribution ParseExponential(ScenarioNode v, Context cx)
    {
        string[] known = cx.AllowRate ? ["mean", "rate"] : ["mean"];
        if (v is ScalarNode { IsNull: false } s)
        {
            throw v.Error("an exponential needs its parameter named", $"write {{exponential: {{mean: {s.Value}}}}}");
        }

        MapNode m = Params(v, "exponential", cx.AllowRate ? "{mean: ...} or {rate: ...}" : "{mean: ...}");
        m.EnsureOnlyKnownKeys(known);
        if (cx.AllowRate && m.ContainsKey("rate"))
        {
            if (m.ContainsKey("mean"))
            {
                throw m.Error("an exponential takes a mean or a rate, not both");
            }

            ScalarNode rateNode = m.RequiredScalar("rate");
            double rate = EventRates.Parse(rateNode);
            Positive(rateNode, rate, "the rate");
            return Build(m, "exponential", new() { ["rate"] = rateNode }, () => Exponential.FromRate(rate));
        }

        ScalarNode meanNode = m.RequiredScalar("mean");
        double mean = cx.ParseValue(meanNode);
        Positive(meanNode, mean, "the mean");
        return Build(m, "exponential", new() { ["mean"] = meanNode }, () => Exponential.FromMean(mean));
    }

    private static Distribution ParseWeibull(ScenarioNode v, Context cx)
    {
        MapNode m = Params(v, "weibull", "{shape: 1.2, scale: ...}");
        m.EnsureOnlyKnownKeys("shape", "scale");
        ScalarNode shapeNode = m.RequiredScalar("shape");
        ScalarNode scaleNode = m.RequiredScalar("scale");
        double shape = Values.ParseNumber(shapeNode);
        double scale = cx.ParseValue(scaleNode);
        Positive(shapeNode, shape, "the shape");
        Positive(scaleNode, scale, "the scale");
        return Build(m, "weibull", new() { ["shape"] = shapeNode, ["scale"] = scaleNode }, () => new Weibull(shape, scale));
    }

    private static Distribution ParseNormal(ScenarioNode v, Context cx)
    {
        MapNode m = Params(v, "normal", "{mean: ..., sd: ..., min: ...}");
        m.EnsureOnlyKnownKeys("mean", "sd", "min", "max");
        ScalarNode meanNode = m.RequiredScalar("mean");
        ScalarNode sdNode = m.RequiredScalar("sd");
        ScalarNode? minNode = m.OptionalScalar("min");
        ScalarNode? maxNode = m.OptionalScalar("max");
        double mean = cx.ParseValue(meanNode);
        double sd = cx.ParseValue(sdNode);
        double min = minNode is null ? 0 : cx.ParseValue(minNode);
        double max = maxNode is null ? double.PositiveInfinity : cx.ParseValue(maxNode);
        if (!(sd > 0))
        {
            throw sdNode.Error($"sd must be more than 0, not {sdNode.Value}", $"for a fixed value write just '{meanNode.Value}'");
        }

        if (maxNode is not null && !(max > min))
        {
            throw maxNode.Error($"max ({maxNode.Value}) must be more than min ({minNode?.Value ?? "0"})");
        }

        var nodes = new Dictionary<string, ScenarioNode> { ["mean"] = meanNode, ["stdDev"] = sdNode, ["min"] = (ScenarioNode?)minNode ?? m, ["max"] = (ScenarioNode?)maxNode ?? m };
        return Build(m, "normal", nodes, () => new TruncatedNormal(mean, sd, min, max));
    }

    private static Distribution ParseEmpirical(ScenarioNode v, Context cx)
    {
        if (v is not SeqNode)
        {
            throw v.Error($"an empirical distribution takes a list of observed values but found {v.Description}", $"write {{empirical: [{cx.Example}, ...]}}");
        }

        SeqNode seq = v.AsSeq().RequireCount(1);
        double[] values = [.. seq.Scalars().Select(cx.ParseValue)];
        return Build(seq, "empirical", new() { ["observations"] = seq }, () => new Empirical(values));
    }

    /// <summary>The parameter map of a distribution, with a kind-specific hint when it is something else.</summary>
    private static MapNode Params(ScenarioNode v, string kind, string form) =>
        v as MapNode ?? throw v.Error($"a {kind} distribution takes its parameters as a map but found {v.Description}", $"write {{{kind}: {form}}}");

    private static void Positive(ScalarNode node, double value, string what)
    {
        if (!(value > 0))
        {
            throw node.Error($"{what} must be more than 0, not {node.Value}");
        }
    }

    private static void NotNegative(ScalarNode node, double value, string what)
    {
        if (!(value >= 0))
        {
            throw node.Error($"{what} must be zero or more, not {node.Value}");
        }
    }

    /// <summary>Builds the distribution, turning any argument the kernel rejects into a diagnostic at that parameter's node.</summary>
    private static Distribution Build(ScenarioNode at, string kind, Dictionary<string, ScenarioNode> nodes, Func<Distribution> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            ScenarioNode node = e.ParamName is { } p && nodes.TryGetValue(p, out ScenarioNode? n) ? n : at;
            string message = e.Message;
            int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message[..cut];
            }

            cut = message.IndexOfAny(['\r', '\n']);
            if (cut >= 0)
            {
                message = message[..cut];
            }

            throw new ScenarioException([node.Diagnostic($"invalid {kind} distribution: {message.TrimEnd('.')}")], e);
        }
    }

    private sealed record Context(Func<ScalarNode, double> ParseValue, string Quantity, string Example, bool AllowRate);
}
