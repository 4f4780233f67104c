namespace HaSim.Model.Workloads;

/// <summary>
/// The write-ahead-log generation rate over time, piecewise constant: WAL is modelled as a
/// fluid in bytes per second, not as individual transactions. Positions of every copy
/// (primary, standby, archive, snapshot) are derived from its integral.
/// </summary>
public sealed class WalSchedule
{
    private readonly double[] _starts;
    private readonly double[] _rates;
    private readonly double[] _cumulativeAtStart;

    /// <summary>Creates a schedule from (start time in seconds, bytes per second) steps; the first must start at 0.</summary>
    /// <exception cref="ArgumentException">Steps are empty, out of order, not starting at 0, or have negative rates.</exception>
    public WalSchedule(IEnumerable<(double StartSeconds, double BytesPerSecond)> steps)
    {
        var list = steps.ToList();
        if (list.Count == 0 || list[0].StartSeconds != 0)
        {
            throw new ArgumentException("A WAL schedule starts at time 0.", nameof(steps));
        }

        _starts = new double[list.Count];
        _rates = new double[list.Count];
        _cumulativeAtStart = new double[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            var (start, rate) = list[i];
            if (i > 0 && !(start > list[i - 1].StartSeconds))
            {
                throw new ArgumentException("WAL schedule steps must be in increasing time order.", nameof(steps));
            }

            if (!(rate >= 0) || double.IsInfinity(rate))
            {
                throw new ArgumentException("WAL rates are finite and not negative.", nameof(steps));
            }

            _starts[i] = start;
            _rates[i] = rate;
            _cumulativeAtStart[i] = i == 0 ? 0 : _cumulativeAtStart[i - 1] + (_rates[i - 1] * (start - _starts[i - 1]));
        }
    }

    /// <summary>A constant rate for the whole run.</summary>
    public static WalSchedule Constant(double bytesPerSecond) => new([(0.0, bytesPerSecond)]);

    /// <summary>The steps: (start time in seconds, bytes per second).</summary>
    public IEnumerable<(double StartSeconds, double BytesPerSecond)> Steps => _starts.Zip(_rates);

    /// <summary>The WAL rate at <paramref name="timeSeconds"/>.</summary>
    public double RateAt(double timeSeconds) => _rates[IndexAt(timeSeconds)];

    /// <summary>Bytes of WAL generated from time 0 to <paramref name="timeSeconds"/>: the primary's position.</summary>
    public double PositionAt(double timeSeconds)
    {
        if (timeSeconds <= 0)
        {
            return 0;
        }

        int i = IndexAt(timeSeconds);
        return _cumulativeAtStart[i] + (_rates[i] * (timeSeconds - _starts[i]));
    }

    /// <summary>Bytes generated between two times.</summary>
    public double BytesBetween(double fromSeconds, double toSeconds) => PositionAt(toSeconds) - PositionAt(fromSeconds);

    /// <summary>
    /// The apply backlog of a replica that had <paramref name="backlogBytes"/> unapplied at
    /// <paramref name="fromSeconds"/> and applies at <paramref name="replayBytesPerSecond"/>
    /// while WAL keeps arriving at the schedule's rate: the fluid queue at <paramref name="toSeconds"/>.
    /// </summary>
    public double BacklogAt(double fromSeconds, double backlogBytes, double replayBytesPerSecond, double toSeconds)
    {
        double t = fromSeconds;
        double backlog = backlogBytes;
        int i = IndexAt(fromSeconds);
        while (t < toSeconds)
        {
            double segmentEnd = i + 1 < _starts.Length ? Math.Min(_starts[i + 1], toSeconds) : toSeconds;
            double net = _rates[i] - replayBytesPerSecond;
            backlog = Math.Max(0, backlog + (net * (segmentEnd - t)));
            t = segmentEnd;
            i++;
        }

        return backlog;
    }

    /// <summary>
    /// When a replica with <paramref name="backlogBytes"/> unapplied at <paramref name="fromSeconds"/>
    /// catches up (backlog reaches zero) while WAL keeps arriving; infinity if it never does.
    /// </summary>
    public double CatchUpTime(double fromSeconds, double backlogBytes, double replayBytesPerSecond)
    {
        double t = fromSeconds;
        double backlog = backlogBytes;
        int i = IndexAt(fromSeconds);
        while (true)
        {
            if (backlog <= 0)
            {
                return t;
            }

            double net = replayBytesPerSecond - _rates[i];
            double segmentEnd = i + 1 < _starts.Length ? _starts[i + 1] : double.PositiveInfinity;
            if (net > 0 && t + (backlog / net) <= segmentEnd)
            {
                return t + (backlog / net);
            }

            if (double.IsPositiveInfinity(segmentEnd))
            {
                return double.PositiveInfinity;
            }

            backlog = Math.Max(0, backlog - (net * (segmentEnd - t)));
            t = segmentEnd;
            i++;
        }
    }

    private int IndexAt(double timeSeconds)
    {
        if (_starts.Length == 1)
        {
            return 0;
        }

        int idx = Array.BinarySearch(_starts, timeSeconds);
        return idx >= 0 ? idx : Math.Max(0, ~idx - 1);
    }
}
