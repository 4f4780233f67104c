using HaSim.Model.Incidents;
using HaSim.Model.Metrics;
using HaSim.Model.Names;
using HaSim.Model.Parameters;

namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// Collects the incidents of a Monte Carlo run as <see cref="IncidentRow"/>s, at most
/// <see cref="Limit"/> of them: the first ones in (replication, start) order, whatever the thread
/// count. Each worker keeps its own rows; a worker claims replication indices in increasing order, so
/// once it holds <see cref="Limit"/> rows none of its later ones can be among the first
/// <see cref="Limit"/> overall and it stops keeping them. <see cref="Rows"/> merges the workers' rows
/// by replication.
/// </summary>
public sealed class IncidentRowCollector
{
    private readonly List<Worker> _workers = [];
    private readonly Dictionary<object, int> _stageIndex = new(ReferenceEqualityComparer.Instance);
    private long _produced;

    /// <summary>Creates a collector of at most <paramref name="limit"/> rows with one duration column per stage of <paramref name="stages"/>.</summary>
    public IncidentRowCollector(long limit, IReadOnlyList<StageId> stages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(stages);
        Limit = limit;
        StageKeys = [.. stages.Select(s => s.Key)];
        StageLabels = [.. stages.Select(s => s.Label)];
        for (int k = 0; k < stages.Count; k++)
        {
            _stageIndex[stages[k]] = k;
        }
    }

    /// <summary>The most rows kept.</summary>
    public long Limit { get; }

    /// <summary>The stage keys, in column order.</summary>
    public IReadOnlyList<string> StageKeys { get; }

    /// <summary>The stage labels, in column order.</summary>
    public IReadOnlyList<string> StageLabels { get; }

    /// <summary>How many incidents the run had (kept or not); known once the run is over.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>True if the run had more incidents than <see cref="Limit"/>.</summary>
    public bool Truncated => Produced > Limit;

    /// <summary>The first <see cref="Limit"/> rows in (replication, start) order; call once the run is over.</summary>
    public IReadOnlyList<IncidentRow> Rows()
    {
        var rows = new List<IncidentRow>();
        var cursors = new int[_workers.Count];
        while (rows.Count < Limit)
        {
            int best = -1;
            for (int w = 0; w < _workers.Count; w++)
            {
                var list = _workers[w].Rows;
                if (cursors[w] < list.Count && (best < 0 || list[cursors[w]].Replication < _workers[best].Rows[cursors[best]].Replication))
                {
                    best = w;
                }
            }

            if (best < 0)
            {
                break;
            }

            // A replication runs on one worker: take all of its rows at once, in their order.
            var source = _workers[best].Rows;
            long replication = source[cursors[best]].Replication;
            while (cursors[best] < source.Count && source[cursors[best]].Replication == replication && rows.Count < Limit)
            {
                rows.Add(source[cursors[best]++]);
            }
        }

        return rows;
    }

    /// <summary>A worker's part; not thread-safe, one per worker thread.</summary>
    internal Worker ForWorker()
    {
        var w = new Worker(this);
        lock (_workers)
        {
            _workers.Add(w);
        }

        return w;
    }

    /// <summary>One worker's rows, appended in replication order.</summary>
    internal sealed class Worker(IncidentRowCollector owner)
    {
        private long _replication;

        public List<IncidentRow> Rows { get; } = [];

        public void Begin(long replication) => _replication = replication;

        public void Add(Incident incident)
        {
            Interlocked.Increment(ref owner._produced);
            if (Rows.Count >= owner.Limit)
            {
                return;
            }

            var metrics = new double?[MetricTable.IncidentFigures.Count];
            for (int k = 0; k < metrics.Length; k++)
            {
                metrics[k] = MetricTable.IncidentFigures[k].Read(incident);
            }

            var stages = new double?[owner.StageKeys.Count];
            foreach (var s in incident.Stages)
            {
                if (owner._stageIndex.TryGetValue(s.Stage, out int k))
                {
                    stages[k] = (stages[k] ?? 0) + Math.Max(0, s.DurationSeconds);
                }
            }

            int year = 1 + (int)Math.Floor(Math.Max(0, incident.StartSeconds) / Units.SecondsPerYear);
            Rows.Add(new IncidentRow(_replication, year, incident.Number, incident.FailureMode.Key, incident.StartSeconds, metrics, stages));
        }
    }
}
