namespace HaSim.Model.Incidents;

/// <summary>The only ways committed data may be lost. Anything else losing data is a model bug the checkers report.</summary>
public enum DataLossCause
{
    /// <summary>The database was restored from a backup (a snapshot, plus archived WAL if any): writes after the restore point are gone.</summary>
    RestoreFromBackup,

    /// <summary>An asynchronous standby was promoted: WAL it had not yet received is gone.</summary>
    AsynchronousFailover,
}

/// <summary>Committed data the recovered database no longer has.</summary>
/// <param name="AtSeconds">When the loss became final.</param>
/// <param name="Bytes">Committed WAL lost, in bytes.</param>
/// <param name="Seconds">The same loss as a span of commits, in seconds.</param>
/// <param name="Cause">How it was lost.</param>
public readonly record struct DataLoss(double AtSeconds, double Bytes, double Seconds, DataLossCause Cause);
