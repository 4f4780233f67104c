using HaSim.Model.Faults;
using HaSim.Model.Names;

namespace HaSim.Model.Incidents;

/// <summary>
/// One period during which clients could not use the database, from the moment the server side
/// stopped serving to the moment clients were back, with the faults involved, its recovery stages
/// and its data loss.
/// </summary>
public sealed class Incident
{
    private readonly List<RecoveryStage> _stages = [];
    private readonly List<Fault> _faults = [];

    internal Incident(int number, double startSeconds, FailureMode mode, Fault? cause) => Reset(number, startSeconds, mode, cause);

    /// <summary>
    /// An incident recorded elsewhere (a tool, a test of the aggregation): clients down from
    /// <paramref name="start"/> to <paramref name="clientRestored"/> (null: not recovered).
    /// </summary>
    public static Incident Recorded(int number, FailureMode mode, double start, double? detected, double? serverRestored, double? clientRestored,
        double rpoBytes = 0, double rpoSeconds = 0, IEnumerable<RecoveryStage>? stages = null)
    {
        var incident = new Incident(number, start, mode, null)
        {
            DetectedSeconds = detected,
            ServerRestoredSeconds = serverRestored,
            ClientRestoredSeconds = clientRestored,
            RpoBytes = rpoBytes,
            RpoSeconds = rpoSeconds,
            IsClosed = true,
        };
        incident._stages.AddRange(stages ?? []);
        return incident;
    }

    /// <summary>1-based number within the run.</summary>
    public int Number { get; private set; }

    /// <summary>When service was lost.</summary>
    public double StartSeconds { get; private set; }

    /// <summary>The failure mode that opened the incident.</summary>
    public FailureMode FailureMode { get; private set; } = null!;

    /// <summary>The faults involved, the first being the one that opened the incident.</summary>
    public IReadOnlyList<Fault> Faults => _faults;

    /// <summary>When the failure was detected by the platform, if it was.</summary>
    public double? DetectedSeconds { get; internal set; }

    /// <summary>Recovery stages that ran during the incident, in the order they ended.</summary>
    public IReadOnlyList<RecoveryStage> Stages => _stages;

    /// <summary>The same stages as a span, for aggregation that reads every stage of every incident (valid until the incident changes).</summary>
    public ReadOnlySpan<RecoveryStage> StageSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stages);

    /// <summary>When the server side was serving again.</summary>
    public double? ServerRestoredSeconds { get; internal set; }

    /// <summary>When clients were connected again (after DNS and their retry policy).</summary>
    public double? ClientRestoredSeconds { get; internal set; }

    /// <summary>True if the endpoint's address changed (DNS update) during recovery.</summary>
    public bool EndpointChanged { get; internal set; }

    /// <summary>Committed WAL the recovered database no longer has, in bytes.</summary>
    public double RpoBytes { get; internal set; }

    /// <summary>The same loss as a span of time: how many seconds of commits were lost.</summary>
    public double RpoSeconds { get; internal set; }

    /// <summary>How the data was lost, if any was.</summary>
    public DataLossCause? DataLossCause { get; internal set; }

    /// <summary>Transactions in flight when the service was lost, aborted and to be retried.</summary>
    public long TransactionsAborted { get; internal set; }

    /// <summary>True once clients are back or the run ended.</summary>
    public bool IsClosed { get; internal set; }

    /// <summary>Detection time from the start, in seconds.</summary>
    public double? DetectionSeconds => DetectedSeconds - StartSeconds;

    /// <summary>Server-side recovery time in seconds.</summary>
    public double? ServerRtoSeconds => ServerRestoredSeconds - StartSeconds;

    /// <summary>Client-observed recovery time in seconds: the headline RTO.</summary>
    public double? RtoSeconds => ClientRestoredSeconds - StartSeconds;

    /// <summary>The total time of the stages named <paramref name="stage"/>, or null if none ran.</summary>
    public double? StageSeconds(StageId stage)
    {
        double sum = 0;
        bool any = false;
        foreach (var s in _stages)
        {
            if (ReferenceEquals(s.Stage, stage))
            {
                sum += s.DurationSeconds;
                any = true;
            }
        }

        return any ? sum : null;
    }

    internal void AddStage(RecoveryStage stage) => _stages.Add(stage);

    /// <summary>Makes this a new, open incident (a system reuses a closed one when its observer keeps none; see <see cref="IRunObserver.RetainsRecords"/>).</summary>
    internal void Reset(int number, double startSeconds, FailureMode mode, Fault? cause)
    {
        Number = number;
        StartSeconds = startSeconds;
        FailureMode = mode;
        DetectedSeconds = null;
        ServerRestoredSeconds = null;
        ClientRestoredSeconds = null;
        EndpointChanged = false;
        RpoBytes = 0;
        RpoSeconds = 0;
        DataLossCause = null;
        TransactionsAborted = 0;
        IsClosed = false;
        _stages.Clear();
        _faults.Clear();
        if (cause is not null)
        {
            _faults.Add(cause);
        }
    }

    internal void AddFault(Fault fault)
    {
        if (!_faults.Contains(fault))
        {
            _faults.Add(fault);
        }
    }
}
