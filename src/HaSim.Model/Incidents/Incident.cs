namespace HaSim.Model.Incidents;

/// <summary>
/// One period during which clients could not use the database, from the fault that started
/// it to the moment clients were back, with its recovery stages and data loss.
/// </summary>
public sealed class Incident
{
    private readonly List<RecoveryStage> _stages = [];
    private readonly List<string> _faults = [];

    internal Incident(int number, double startSeconds, string failureMode, string cause)
    {
        Number = number;
        StartSeconds = startSeconds;
        FailureMode = failureMode;
        _faults.Add(cause);
    }

    /// <summary>1-based number within the run.</summary>
    public int Number { get; }

    /// <summary>When service was lost.</summary>
    public double StartSeconds { get; }

    /// <summary>The failure mode that opened the incident, e.g. "primary failure", "AZ outage".</summary>
    public string FailureMode { get; }

    /// <summary>The faults involved, the first being the one that opened the incident.</summary>
    public IReadOnlyList<string> Faults => _faults;

    /// <summary>When the failure was detected by the platform, if it was.</summary>
    public double? DetectedSeconds { get; internal set; }

    /// <summary>Recovery stages that ran during the incident, in start order.</summary>
    public IReadOnlyList<RecoveryStage> Stages => _stages;

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

    internal void AddStage(RecoveryStage stage) => _stages.Add(stage);

    internal void AddFault(string fault)
    {
        if (!_faults.Contains(fault))
        {
            _faults.Add(fault);
        }
    }
}
