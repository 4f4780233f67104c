using System.Globalization;

namespace HaSim.Cli.Commands;

/// <summary>
/// Estimates the time left of a run from its progress, as a pure function of the samples it is given
/// (elapsed seconds, items done), so it is tested with a fake clock. The rate is measured over the
/// last <see cref="WindowSeconds"/> only, so the slow first seconds of a run (start-up, warming
/// caches) stop counting once they are past; there is no estimate before <see cref="WarmupSeconds"/>
/// and <see cref="WarmupFraction"/> of the work (or <see cref="LongRunSeconds"/> on a very long run).
/// </summary>
public sealed class EtaEstimator
{
    /// <summary>No estimate before this much elapsed time.</summary>
    public const double WarmupSeconds = 2;

    /// <summary>No estimate before this share of the work is done (unless the run is past <see cref="LongRunSeconds"/>).</summary>
    public const double WarmupFraction = 0.02;

    /// <summary>After this long, estimate even before <see cref="WarmupFraction"/> is done.</summary>
    public const double LongRunSeconds = 30;

    /// <summary>The span the rate is measured over.</summary>
    public const double WindowSeconds = 10;

    private readonly Queue<(double Seconds, long Done)> _samples = new();
    private readonly long _total;

    /// <summary>Creates an estimator for <paramref name="total"/> items.</summary>
    public EtaEstimator(long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        _total = total;
    }

    /// <summary>The latest elapsed time observed.</summary>
    public double ElapsedSeconds { get; private set; }

    /// <summary>Records that <paramref name="done"/> items were complete at <paramref name="elapsedSeconds"/>.</summary>
    public void Observe(double elapsedSeconds, long done)
    {
        ElapsedSeconds = elapsedSeconds;
        _samples.Enqueue((elapsedSeconds, done));

        // Keep one sample at or before the window's start, so the window spans WindowSeconds.
        while (_samples.Count > 2 && _samples.ElementAt(1).Seconds <= elapsedSeconds - WindowSeconds)
        {
            _samples.Dequeue();
        }
    }

    /// <summary>The seconds left, or null while there is no reliable estimate yet.</summary>
    public double? RemainingSeconds()
    {
        if (_samples.Count < 2)
        {
            return null;
        }

        var (t1, d1) = _samples.Last();
        if (d1 >= _total)
        {
            return 0;
        }

        bool warm = t1 >= WarmupSeconds && (d1 >= WarmupFraction * _total || t1 >= LongRunSeconds);
        var (t0, d0) = _samples.Peek();
        if (!warm || d1 <= d0 || t1 <= t0)
        {
            return null;
        }

        double rate = (d1 - d0) / (t1 - t0);
        return (_total - d1) / rate;
    }

    /// <summary>The labelled times, e.g. "elapsed 0:12, left ~0:40" or "elapsed 0:01, left: estimating".</summary>
    public string Describe() => Describe(ElapsedSeconds, RemainingSeconds());

    /// <summary>The labelled times for <paramref name="elapsedSeconds"/> and <paramref name="remainingSeconds"/> (null: not yet known).</summary>
    public static string Describe(double elapsedSeconds, double? remainingSeconds) =>
        $"elapsed {Clock(elapsedSeconds)}, {(remainingSeconds is { } r ? "left ~" + Clock(r) : "left: estimating")}";

    /// <summary>Whole seconds as m:ss or h:mm:ss.</summary>
    public static string Clock(double seconds)
    {
        long s = (long)Math.Round(Math.Max(0, seconds));
        return s >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{s / 60}:{s % 60:00}");
    }
}
