using HaSim.Model.Clients;
using HaSim.Model.Faults;
using HaSim.Model.Metrics;
using HaSim.Model.Names;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Topology;
using HaSim.Model.Workloads;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Grammar;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Binding;

/// <summary>
/// Reads a scenario file into a validated <see cref="Scenario"/>. Every problem is reported as a
/// diagnostic naming the file, line and field; several are collected before failing.
/// </summary>
public static class ScenarioLoader
{
    // The keys each section accepts are declared once, with the JSON Schema (Grammar/ScenarioGrammar.cs).
    private static readonly string[] RootKeys = ScenarioGrammar.Root.KeyNames;
    private static readonly string[] WorkloadKeys = ScenarioGrammar.Workload.KeyNames;
    private static readonly string[] ClientKeys = ScenarioGrammar.Client.KeyNames;
    private static readonly string[] FaultKeys = ScenarioGrammar.Fault.KeyNames;
    private static readonly string[] ExpectKeys = ScenarioGrammar.Expectation.KeyNames;

    /// <summary>Loads and validates the scenario at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file is missing, malformed or invalid.</exception>
    public static Scenario Load(string path)
    {
        return Parse(YamlDocumentReader.ReadText(path), path);
    }

    /// <summary>Parses and validates scenario text (for tests and tools); <paramref name="displayPath"/> names it in errors.</summary>
    public static Scenario Parse(string text, string displayPath) => Bind(YamlDocumentReader.Parse(text, displayPath), displayPath) with { SourceText = text };

    private static Scenario Bind(MapNode root, string path)
    {
        var bag = new DiagnosticBag();
        if (root.KeyNode("fleet") is { } fleet)
        {
            throw fleet.Error("this is a fleet scenario: run it with 'hasim run' or 'hasim validate' (this command takes one database's scenario)");
        }

        bag.AddRange(root.FindUnknownKeys(RootKeys));
        Cost.CostLoader.Read(root, bag); // checked here so 'hasim validate' reports it; sweeps read it again
        var presetNode = root.RequiredScalar("preset");
        var preset = PresetCatalog.Find(presetNode.Value)
            ?? throw presetNode.Error(
                $"unknown preset '{presetNode.Value}'",
                DidYouMean.Phrase(presetNode.Value, PresetCatalog.All.Select(p => p.Name)) ?? "presets: " + string.Join(", ", PresetCatalog.All.Select(p => p.Name)));

        string name = root.OptionalScalar("name")?.Value ?? System.IO.Path.GetFileNameWithoutExtension(path);
        string description = root.OptionalScalar("description")?.Value ?? "";
        var (seed, horizon) = ReadSeedAndHorizon(root, bag);

        var overridden = new List<string>();
        var parameters = preset.Parameters;
        if (root.Get("parameters") is { } paramNode)
        {
            if (bag.Capture(() => paramNode.AsMap()) is { } paramMap)
            {
                parameters = ParameterOverrides.Apply(parameters, paramMap, bag, overridden);
            }
        }

        var workload = preset.Workload;
        if (root.Get("workload") is { } workloadNode && bag.Capture(() => workloadNode.AsMap()) is { } workloadMap)
        {
            workload = ReadWorkload(workloadMap, workload, bag);
        }

        var client = ClientPolicy.Default;
        if (root.Get("client") is { } clientNode && bag.Capture(() => clientNode.AsMap()) is { } clientMap)
        {
            client = ReadClient(clientMap, client, bag);
        }

        bag.ThrowIfAny();
        var targets = preset.Architecture.Targets(parameters);
        var timeline = new List<Fault>();
        if (root.Get("timeline") is { } timelineNode && bag.Capture(() => timelineNode.AsSeq()) is { } seq)
        {
            if (seq.Count > Scenario.MaxTimelineFaults)
            {
                throw timelineNode.Error(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the timeline holds {seq.Count:N0} faults; a scenario holds at most {Scenario.MaxTimelineFaults:N0}"),
                    "for many random failures, run with --years instead of listing them");
            }

            foreach (var item in seq)
            {
                if (bag.Capture(() => item.AsMap()) is { } map && ReadFault(map, targets, preset, bag) is { } fault)
                {
                    timeline.Add(fault);
                }
            }
        }

        var expectations = new List<Expectation>();
        if (root.Get("expect") is { } expectNode && bag.Capture(() => expectNode.AsSeq()) is { } expectSeq)
        {
            foreach (var item in expectSeq)
            {
                if (bag.Capture(() => item.AsMap()) is { } map && ReadExpectation(map, preset, bag) is { } e)
                {
                    expectations.Add(e);
                }
            }
        }

        bag.ThrowIfAny();
        var ordered = timeline.OrderBy(f => f.AtSeconds).ToList();
        return new Scenario(name, description, path, preset, parameters, overridden, workload, client, ordered, seed, horizon, expectations);
    }

    /// <summary>Reads the root's <c>seed:</c> and <c>horizon:</c> (single databases and fleets).</summary>
    internal static (ulong Seed, double Horizon) ReadSeedAndHorizon(MapNode root, DiagnosticBag bag)
    {
        ulong seed = Scenario.DefaultSeed;
        if (root.OptionalScalar("seed") is { } seedNode)
        {
            seed = bag.Capture(() => ulong.TryParse(seedNode.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)
                ? s
                : throw seedNode.Error($"'{seedNode.Value}' is not a seed", "use a whole number from 0 to 18446744073709551615"));
        }

        double horizon = Scenario.DefaultHorizonSeconds;
        if (root.OptionalScalar("horizon") is { } horizonNode)
        {
            horizon = bag.Capture(() => Within(horizonNode, HorizonDomain, Positive(horizonNode, horizonNode.AsSeconds())));
        }

        return (seed, horizon);
    }

    /// <summary>Reads a <c>workload:</c> map over <paramref name="workload"/>.</summary>
    internal static Workload ReadWorkload(MapNode map, Workload workload, DiagnosticBag bag)
    {
        bag.AddRange(map.FindUnknownKeys(WorkloadKeys));
        if (map.Get("wal_rate") is { } walNode)
        {
            var wal = bag.Capture(() => ReadWal(walNode));
            if (wal is not null)
            {
                workload = workload with { Wal = wal };
            }
        }

        if (map.OptionalScalar("transaction_rate") is { } rate)
        {
            workload = workload with { TransactionsPerSecond = bag.Capture(() => Within(rate, WorkloadParameters.TransactionRate, rate.AsPerSecond())) };
        }

        if (map.OptionalScalar("transaction_duration") is { } duration)
        {
            workload = workload with { MeanTransactionSeconds = bag.Capture(() => Within(duration, WorkloadParameters.TransactionDuration, duration.AsSeconds())) };
        }

        if (map.OptionalScalar("database_size") is { } size)
        {
            workload = workload with { DatabaseBytes = bag.Capture(() => Within(size, WorkloadParameters.DatabaseSize, size.AsBytes())) };
        }

        if (!bag.HasErrors && WorkloadParameters.InFlightProblem(workload) is { } inFlight)
        {
            var at = map.Get("transaction_duration") ?? map.Get("transaction_rate") ?? map;
            bag.Add(at.Diagnostic(inFlight, "lower workload.transaction_rate or workload.transaction_duration"));
        }

        return workload;
    }

    private static WalSchedule ReadWal(ScenarioNode node)
    {
        if (node is ScalarNode scalar)
        {
            return WalSchedule.Constant(Within(scalar, WorkloadParameters.WalRate, scalar.AsBytesPerSecond()));
        }

        var steps = new List<(double, double)>();
        foreach (var step in node.AsSeq().RequireCount(1))
        {
            var map = step.AsMap();
            map.EnsureOnlyKnownKeys(ScenarioGrammar.WalStep.KeyNames);
            var from = map.RequiredScalar("from");
            double at = from.AsSeconds();
            if (steps.Count == 0 && at != 0)
            {
                throw from.Error("the first WAL rate step must start at 0 s");
            }

            if (steps.Count > 0 && at <= steps[^1].Item1)
            {
                throw from.Error("WAL rate steps must be in increasing time order");
            }

            if (steps.Count >= Scenario.MaxTimelineFaults)
            {
                throw step.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"more than {Scenario.MaxTimelineFaults:N0} WAL rate steps"));
            }

            Within(from, HorizonDomain, at);
            var rateNode = map.RequiredScalar("rate");
            steps.Add((at, Within(rateNode, WorkloadParameters.WalRate, rateNode.AsBytesPerSecond())));
        }

        return new WalSchedule(steps);
    }

    /// <summary>Reads a <c>client:</c> map over <paramref name="client"/>.</summary>
    internal static ClientPolicy ReadClient(MapNode map, ClientPolicy client, DiagnosticBag bag)
    {
        bag.AddRange(map.FindUnknownKeys(ClientKeys));
        if (map.OptionalScalar("retry_interval") is { } a)
        {
            client = client with { RetryIntervalSeconds = bag.Capture(() => Within(a, ClientParameters.RetryInterval, a.AsSeconds())) };
        }

        if (map.OptionalScalar("backoff") is { } b)
        {
            client = client with { BackoffMultiplier = bag.Capture(() => Within(b, ClientParameters.Backoff, b.AsNumber())) };
        }

        if (map.OptionalScalar("max_retry_interval") is { } c)
        {
            client = client with { MaxRetryIntervalSeconds = bag.Capture(() => Within(c, ClientParameters.MaxRetryInterval, c.AsSeconds())) };
        }

        if (map.OptionalScalar("connect_timeout") is { } d)
        {
            client = client with { ConnectTimeoutSeconds = bag.Capture(() => Within(d, ClientParameters.ConnectTimeout, d.AsSeconds())) };
        }

        if (map.OptionalScalar("honours_dns_ttl") is { } e)
        {
            client = client with { HonoursDnsTtl = bag.Capture(() => e.AsBool()) };
        }

        if (map.OptionalScalar("dns_cache") is { } f)
        {
            client = client with { DnsCacheSeconds = bag.Capture(() => Within(f, ClientParameters.DnsCache, f.AsSeconds())) };
        }

        if (map.OptionalScalar("jitter") is { } g)
        {
            client = client with { JitterFraction = bag.Capture(() => Within(g, ClientParameters.Jitter, g.AsFraction())) };
        }

        return client;
    }

    private static Fault? ReadFault(MapNode map, IReadOnlyList<Target> targets, Preset preset, DiagnosticBag bag)
    {
        int before = bag.Diagnostics.Count;
        bag.AddRange(map.FindUnknownKeys(FaultKeys));
        double at = bag.Capture(() => map.RequiredScalar("at") is var atNode ? Within(atNode, HorizonDomain, atNode.AsSeconds()) : 0);
        var targetNode = bag.Capture(() => map.RequiredScalar("target"));
        var faultNode = bag.Capture(() => map.RequiredScalar("fault"));
        double? duration = null;
        if (map.OptionalScalar("duration") is { } durationNode)
        {
            duration = bag.Capture(() => Within(durationNode, HorizonDomain, Positive(durationNode, durationNode.AsSeconds())));
        }

        if (targetNode is null || faultNode is null || bag.Diagnostics.Count > before)
        {
            return null;
        }

        var target = targets.FirstOrDefault(t => t.IsNamedBy(targetNode.Value));
        if (target is null)
        {
            bag.Add(targetNode.Diagnostic(
                $"'{targetNode.Value}' is not a component of the {preset.Name} preset",
                (DidYouMean.Phrase(targetNode.Value, targets.Select(t => t.Label)) is { } s ? s + "; " : "") + "targets: " + string.Join(", ", targets.Select(t => t.Label))));
            return null;
        }

        var kind = FaultKind.All.Find(faultNode.Value);
        if (kind is null)
        {
            bag.Add(faultNode.Diagnostic(
                $"unknown fault '{faultNode.Value}'",
                DidYouMean.Phrase(faultNode.Value, FaultKind.All.All.Select(k => k.FileName)) ?? "faults: " + string.Join(", ", FaultKind.All.All.Select(k => k.FileName))));
            return null;
        }

        if (!target.Faults.Contains(kind))
        {
            bag.Add(faultNode.Diagnostic(
                $"fault '{faultNode.Value}' does not apply to {target.Label} ({target.Description})",
                "use " + string.Join(" or ", target.Faults.Select(f => $"'{f.FileName}'"))));
            return null;
        }

        if (duration is not null && !kind.TakesDuration)
        {
            bag.Add(map.KeyNode("duration")!.Diagnostic($"a '{kind.FileName}' fault has no duration: the component is replaced by its recovery workflow", "remove 'duration', or use an 'outage'"));
            return null;
        }

        return new Fault(at, target, kind, duration, $"{map.FilePath}:{map.Line}");
    }

    private static Expectation? ReadExpectation(MapNode map, Preset preset, DiagnosticBag bag)
    {
        int before = bag.Diagnostics.Count;
        bag.AddRange(map.FindUnknownKeys(ExpectKeys));
        var metricNode = bag.Capture(() => map.RequiredScalar("metric"));
        if (metricNode is null)
        {
            return null;
        }

        var metric = MetricTable.All.ByKey(metricNode.Value);
        if (metric is null)
        {
            var keys = MetricTable.All.All.Select(m => m.Key).ToList();
            bag.Add(metricNode.Diagnostic($"unknown metric '{metricNode.Value}'", DidYouMean.Phrase(metricNode.Value, keys) ?? "metrics: " + string.Join(", ", keys)));
            return null;
        }

        int incident = 1;
        if (map.OptionalScalar("incident") is { } incidentNode)
        {
            incident = bag.Capture(() => incidentNode.AsCount(min: 1));
        }

        var subject = ReadSubject(map, metric, preset, bag);
        Func<ScalarNode, double> read = metric.Unit switch
        {
            MetricUnit.Bytes => n => n.AsBytes(),
            MetricUnit.Count => n => n.AsCount(),
            _ => n => n.AsSeconds(),
        };
        double? min = null, max = null;
        if (map.OptionalScalar("equals") is { } eq)
        {
            min = max = bag.Capture(() => read(eq));
        }

        if (map.OptionalScalar("min") is { } minNode)
        {
            min = bag.Capture(() => read(minNode));
        }

        if (map.OptionalScalar("max") is { } maxNode)
        {
            max = bag.Capture(() => read(maxNode));
        }

        if (min is null && max is null)
        {
            bag.Add(map.Diagnostic("an expectation needs 'min', 'max' or 'equals'"));
        }

        return bag.Diagnostics.Count > before ? null : new Expectation(metric, incident, subject, min, max, map.OptionalScalar("source")?.Value, map.Line);
    }

    /// <summary>The stage or degraded kind an expectation's <c>of:</c> names: a key or a label the architecture declares.</summary>
    private static TypedName? ReadSubject(MapNode map, Metric metric, Preset preset, DiagnosticBag bag)
    {
        var ofNode = map.OptionalScalar("of");
        if (metric.Subject == MetricSubject.None)
        {
            if (ofNode is not null)
            {
                bag.Add(ofNode.Diagnostic($"metric '{metric.Key}' takes no 'of:'", "remove 'of:', or use the 'stage' or 'degraded' metric"));
            }

            return null;
        }

        string what = metric.Subject == MetricSubject.Stage ? "recovery stage" : "degraded kind";
        if (ofNode is null)
        {
            bag.Add(map.Diagnostic($"metric '{metric.Key}' needs 'of:' naming the {what}"));
            return null;
        }

        var architecture = preset.Architecture;
        TypedName? found = metric.Subject == MetricSubject.Stage ? architecture.Stages.Find(ofNode.Value) : architecture.DegradedKinds.Find(ofNode.Value);
        if (found is null)
        {
            IReadOnlyList<TypedName> names = metric.Subject == MetricSubject.Stage ? architecture.Stages.All : architecture.DegradedKinds.All;
            var spellings = (metric.Subject == MetricSubject.Stage ? architecture.Stages.Spellings() : architecture.DegradedKinds.Spellings()).ToList();
            bag.Add(ofNode.Diagnostic(
                $"'{ofNode.Value}' is not a {what} of the {architecture.Kind.Name()} model",
                DidYouMean.Phrase(ofNode.Value, spellings)
                    ?? $"{what}s: " + string.Join(", ", names.Select(n => n.Key)) + $" ('hasim presets --show {preset.Name}' gives their labels)"));
        }

        return found;
    }

    /// <summary>Times in a scenario file (horizon, fault times and durations): more than zero up to the longest parameter duration.</summary>
    private static readonly ParameterDomain HorizonDomain = new(0, Scenario.MaxHorizonSeconds);

    /// <summary><paramref name="seconds"/> if it is more than zero, else an error at <paramref name="node"/>.</summary>
    internal static double Positive(ScalarNode node, double seconds) =>
        seconds > 0 ? seconds : throw node.Error($"'{node.Value}' must be longer than zero");

    private static double Within(ScalarNode node, Parameter declared, double value) =>
        Within(node, declared.Domain, value, ScenarioUnits.Formatter(declared.Kind));

    private static double Within(ScalarNode node, ParameterDomain domain, double value) =>
        Within(node, domain, value, Durations.Format);

    private static double Within(ScalarNode node, ParameterDomain domain, double value, Func<double, string> format) =>
        domain.Contains(value) ? value : throw node.Error($"'{node.Value}' is out of range", "it must be " + domain.Describe(format));
}
