using System.Globalization;
using HaSim.Kernel.Random;
using HaSim.Model.Faults;
using HaSim.Model.Invariants;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Scenarios.Running;

namespace HaSim.Scenarios.Storms;

/// <summary>
/// Fault storms (swarm testing, in the manner of TigerBeetle's VOPR): from one seed, vary a preset's
/// parameters and draw 1 to 30 faults on random targets, close enough in time to overlap; replay it
/// with every invariant checker on, then check liveness (every fault here ends, so the service must
/// be serving again by the horizon). A failing storm is shrunk to the fewest faults that still fail.
/// </summary>
public static class FaultStorm
{
    /// <summary>Every storm runs this long: far past its last fault and every recovery.</summary>
    public const double HorizonSeconds = 30 * 86400.0;

    /// <summary>The most faults in one storm.</summary>
    public const int MaxFaults = 30;

    /// <summary>The storm of <paramref name="seed"/> on <paramref name="preset"/>.</summary>
    public static Storm Generate(Preset preset, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var random = new RandomStream("storm", SeedMixer.Mix(seed));
        var overrides = Swarm(preset, random);
        var parameters = preset.Parameters.With(overrides.ToDictionary(kv => kv.Key, kv => kv.Value.Value));
        var targets = preset.Architecture.Targets(parameters);
        int count = 1 + random.Next(MaxFaults);
        double meanGap = Math.Exp(Uniform(random, Math.Log(5), Math.Log(1800)));
        double at = Uniform(random, 0, 600);
        var faults = new List<Fault>(count);
        for (int i = 0; i < count; i++)
        {
            at += -meanGap * Math.Log(random.NextOpenDouble());
            var target = targets[random.Next(targets.Count)];
            var kind = target.Faults[random.Next(target.Faults.Count)];
            double? duration = kind.TakesDuration ? Math.Exp(Uniform(random, Math.Log(1), Math.Log(8 * 3600))) : null;
            faults.Add(new Fault(at, target, kind, duration, $"storm {seed} fault {i + 1}"));
        }

        return new Storm(seed, preset, overrides.ToDictionary(kv => kv.Key, kv => kv.Value.Text), parameters, faults);
    }

    /// <summary>Replays <paramref name="storm"/> with every checker on; returns what went wrong, or null.</summary>
    public static string? Check(Storm storm) => Check(storm, out _);

    /// <summary>As <see cref="Check(Storm)"/>, also giving the checker observations that held.</summary>
    public static string? Check(Storm storm, out long checks)
    {
        ArgumentNullException.ThrowIfNull(storm);
        checks = 0;
        try
        {
            var result = ScenarioRunner.Run(storm.ToScenario(), keepTrace: false, checkInvariants: true);
            checks = result.InvariantChecks;
            var last = result.Incidents.Count > 0 ? result.Incidents[^1] : null;
            if (last is { ServerRestoredSeconds: null })
            {
                return $"liveness: incident {last.Number} ({last.FailureMode.Key} at {last.StartSeconds.ToString("R", CultureInfo.InvariantCulture)} s) never recovered, though every fault ended";
            }

            return null;
        }
        catch (InvariantViolationException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // A model bug that broke a state machine's rules: report it like a violation so the storm is shrunk.
            return $"{e.GetType().Name}: {e.Message} (at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()})";
        }
    }

    /// <summary>The smallest sub-storm (fewest faults) that still fails (greedy: drop one fault at a time while it keeps failing).</summary>
    public static Storm Shrink(Storm storm)
    {
        ArgumentNullException.ThrowIfNull(storm);
        var faults = storm.Faults.ToList();
        bool shrunk = true;
        while (shrunk && faults.Count > 1)
        {
            shrunk = false;
            for (int i = faults.Count - 1; i >= 0; i--)
            {
                var fewer = faults.Where((_, k) => k != i).ToList();
                if (Check(storm.With(fewer)) is not null)
                {
                    faults = fewer;
                    shrunk = true;
                }
            }
        }

        return storm.With(faults);
    }

    /// <summary>
    /// The swarm part: each storm varies a few parameters within their domains (standby count and
    /// placement, replication mode, warm pool, safekeeper quorum, storage), so runs explore
    /// configurations no preset has.
    /// </summary>
    private static Dictionary<string, (ParameterValue Value, string Text)> Swarm(Preset preset, RandomStream random)
    {
        var source = ParameterSource.Assumed("fault-storm variation");
        var o = new Dictionary<string, (ParameterValue, string)>(StringComparer.Ordinal);
        var catalog = preset.Parameters.Catalog;
        void Count(string key, int min, int max)
        {
            if (catalog.Find(key) is not null && random.NextDouble() < 0.5)
            {
                int v = min + random.Next(max - min + 1);
                o[key] = (ParameterValue.Of(ParameterKind.Count, v, source), v.ToString(CultureInfo.InvariantCulture));
            }
        }

        void Flag(string key)
        {
            if (catalog.Find(key) is not null && random.NextDouble() < 0.5)
            {
                bool v = random.NextDouble() < 0.5;
                o[key] = (ParameterValue.OfFlag(v, source), v ? "true" : "false");
            }
        }

        Count("standby.count", 1, 3);
        Flag("standby.same_zone");
        Flag("storage.survives_server_loss");
        Flag("backup.wal_archiving");
        if (catalog.Find("replication.mode") is not null && random.NextDouble() < 0.5)
        {
            string mode = random.NextDouble() < 0.5 ? "synchronous" : "asynchronous";
            o["replication.mode"] = (ParameterValue.OfChoice(mode, source), mode);
        }

        Count("compute.warm_pool_size", 0, 2);
        Count("kubernetes.spare_slots_per_az", 0, 60);
        Count("safekeeper.count", 3, 5);
        if (catalog.Find("safekeeper.quorum") is not null)
        {
            int count = o.TryGetValue("safekeeper.count", out var c) ? (int)c.Item1.Number : preset.Parameters.Get(Model.Architectures.Serverless.ServerlessParameters.SafekeeperCount);
            if (random.NextDouble() < 0.5)
            {
                int quorum = 1 + random.Next(count);
                o["safekeeper.quorum"] = (ParameterValue.Of(ParameterKind.Count, quorum, source), quorum.ToString(CultureInfo.InvariantCulture));
            }
            else if (preset.Parameters.Get(Model.Architectures.Serverless.ServerlessParameters.SafekeeperQuorum) > count)
            {
                o["safekeeper.quorum"] = (ParameterValue.Of(ParameterKind.Count, count, source), count.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (catalog.Find("backup.retention") is not null && random.NextDouble() < 0.2)
        {
            // Sometimes keep backups for less than the snapshot interval: restores then find none.
            double retention = Math.Exp(Uniform(random, Math.Log(3600), Math.Log(14 * 86400.0)));
            o["backup.retention"] = (ParameterValue.Of(ParameterKind.Seconds, retention, source), retention.ToString("R", CultureInfo.InvariantCulture) + " s");
        }

        // Re-time a few recovery steps (0 s to 2 h), so stages overlap faults at every phase.
        var durations = catalog.Definitions.Where(d => d.Kind == ParameterKind.Duration && !d.Key.StartsWith("failures.", StringComparison.Ordinal)).ToList();
        for (int k = random.Next(4); k > 0; k--)
        {
            var d = durations[random.Next(durations.Count)];
            double seconds = random.NextDouble() < 0.1 ? 0 : Math.Exp(Uniform(random, Math.Log(0.1), Math.Log(7200)));
            o[d.Key] = (ParameterValue.Of(new HaSim.Kernel.Distributions.Constant(seconds), source), seconds.ToString("R", CultureInfo.InvariantCulture) + " s");
        }

        return o;
    }

    private static double Uniform(RandomStream random, double min, double max) => min + (random.NextDouble() * (max - min));
}
