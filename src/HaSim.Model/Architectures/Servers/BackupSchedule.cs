namespace HaSim.Model.Architectures.Servers;

/// <summary>Full backups every interval from a random phase: tells which snapshot a restore at a given time can use.</summary>
internal sealed class BackupSchedule
{
    private readonly double _interval;
    private readonly double _phase;

    public BackupSchedule(double intervalSeconds, double phaseSeconds)
    {
        _interval = intervalSeconds;
        _phase = phaseSeconds;
    }

    /// <summary>The time of the latest full backup at or before <paramref name="timeSeconds"/> (may be before the run started).</summary>
    public double LastBackupAt(double timeSeconds)
    {
        double k = Math.Floor((timeSeconds - _phase) / _interval);
        return _phase + (k * _interval);
    }
}
