using HaSim.Kernel;
using HaSim.Kernel.Random;
using HaSim.Model.Architectures;
using HaSim.Model.Faults;
using HaSim.Model.Invariants;

namespace HaSim.Scenarios.Running.Biasing;

/// <summary>
/// Runs the exponential failure processes of one replication (the same draws as <see cref="FailureInjector"/>)
/// and, during vulnerable episodes, the extra failures of <see cref="FailureBiasing"/> from the stream
/// <c>failures/biasing</c>; keeps the run's exact likelihood ratio
/// Π_failures λ_j / (λ_j + b_j(t)) · exp(∫ Σ_j b_j(t) dt), over every failure of a biased process.
/// </summary>
/// <remarks>
/// The model's failure processes do not depend on the database's state (a fault on a component already
/// down is ignored), so each is a Poisson process of rate λ_j whatever happens; the extra rate depends only
/// on the state settled before t, which keeps the likelihood ratio exact. The state is watched through
/// the checker hook, on every settle.
/// </remarks>
internal sealed class BiasedFailures : ModelChecker, IScheduledCallback
{
    /// <summary>The random stream of the extra failures (which process they strike, their durations).</summary>
    public const string StreamName = "failures/biasing";

    private const long ExtraToken = 1L << 62;
    private readonly FailureBiasing _biasing;
    private readonly List<Natural> _processes = [];
    private DatabaseSystem? _system;
    private RandomStream? _stream;
    private bool _vulnerable;
    private bool _finished;
    private double _episodeStart;
    private int _episode;
    private long _episodes;
    private double _logRatio;
    private double _vulnerableSeconds;
    private long _extra;
    private readonly BiasComponent[] _components;
    private readonly double[] _logSpans;

    public BiasedFailures(FailureBiasing biasing)
    {
        biasing.Validate();
        _biasing = biasing;
        _components = [.. biasing.Components];
        _logSpans = new double[_components.Length];
    }

    /// <inheritdoc/>
    public override string Name => "failure biasing";

    /// <summary>Takes over <paramref name="planned"/>, whose intervals are exponential with mean <paramref name="mean"/>.</summary>
    public void Add(FailureInjector.Planned planned, double mean) => _processes.Add(new Natural(planned, 1 / mean));

    /// <summary>Draws every process's first failure, as <see cref="FailureInjector"/> does.</summary>
    public void Start(DatabaseSystem system)
    {
        _system = system;
        _stream = system.Simulation.Streams.Get(StreamName);
        for (int k = 0; k < _processes.Count; k++)
        {
            var p = _processes[k];
            p.Stream = system.Simulation.Streams.Get(p.Planned.StreamName);
            system.Simulation.ScheduleCallback(p.Planned.Interval.SampleForwardRecurrence(p.Stream), this, k);
        }

        OnSettled(system);
    }

    /// <summary>The log likelihood ratio of the run up to now (the open episode's integral included).</summary>
    public double LogLikelihoodRatioNow()
    {
        double log = _logRatio;
        if (_vulnerable && !_finished)
        {
            double s = _system!.Simulation.Now - _episodeStart;
            foreach (var c in _components)
            {
                log += c.Strength * c.LogSpan(s);
            }
        }

        return log;
    }

    /// <summary>Closes the run at <paramref name="horizon"/> (an episode still open counts to there); nothing more is counted.</summary>
    public BiasedOutcome Finish(double horizon)
    {
        if (_vulnerable)
        {
            EndEpisode(horizon);
        }

        _finished = true;
        return new BiasedOutcome(_logRatio, _vulnerableSeconds, _episodes, _logSpans, _extra);
    }

    /// <inheritdoc/>
    public override void OnSettled(DatabaseSystem system)
    {
        if (_finished || _processes.Count == 0)
        {
            return;
        }

        bool vulnerable = Redundancy.Down(system, _biasing.Importance) >= _biasing.Threshold;
        if (vulnerable == _vulnerable)
        {
            return;
        }

        double now = system.Simulation.Now;
        if (!vulnerable)
        {
            EndEpisode(now);
            return;
        }

        _vulnerable = true;
        _episodeStart = now;
        _episode++;
        _episodes++;
        for (int c = 0; c < _components.Length; c++)
        {
            ScheduleExtra(c, 0);
        }
    }

    /// <inheritdoc/>
    public void OnCallback(long token)
    {
        if (_finished)
        {
            return;
        }

        var system = _system!;
        double now = system.Simulation.Now;
        if ((token & ExtraToken) != 0)
        {
            if ((int)token == _episode && _vulnerable)
            {
                ExtraFailure((int)((token & ~ExtraToken) >> 32), now);
            }

            return;
        }

        // A failure of the model's own process k, at its own rate; under biasing its rate was λ + b(t).
        var p = _processes[(int)token];
        if (_vulnerable)
        {
            _logRatio += Math.Log(p.Rate / (p.Rate + Extra(now)));
        }

        var planned = p.Planned;
        var fault = new Fault(now, planned.Target, planned.Process.Kind, planned.Duration?.Sample(p.Stream), planned.Origin, planned.Process.Mode);
        system.Simulation.ScheduleCallback(planned.Interval.Sample(p.Stream), this, token);
        system.InjectNow(fault, planned.Route);
    }

    /// <summary>An extra failure of component <paramref name="component"/>: a process chosen uniformly, then the component's next extra failure.</summary>
    private void ExtraFailure(int component, double now)
    {
        var stream = _stream!;
        var p = _processes[stream.Next(_processes.Count)];
        _logRatio += Math.Log(p.Rate / (p.Rate + Extra(now)));
        _extra++;
        var planned = p.Planned;
        var fault = new Fault(now, planned.Target, planned.Process.Kind, planned.Duration?.Sample(stream), planned.Origin + " (biased)", planned.Process.Mode);
        ScheduleExtra(component, now - _episodeStart);
        _system!.InjectNow(fault, planned.Route);
    }

    /// <summary>The extra rate of one process now, b_j = Σ_c θ_c / (N (τ_c + s)).</summary>
    private double Extra(double now)
    {
        double s = now - _episodeStart;
        double rate = 0;
        foreach (var c in _components)
        {
            rate += c.Strength / (c.TimeScaleSeconds + s);
        }

        return rate / _processes.Count;
    }

    /// <summary>Schedules component <paramref name="component"/>'s next extra failure after episode time <paramref name="s"/>: its hazard θ·ln((τ + s′)/(τ + s)) reaches a unit exponential.</summary>
    private void ScheduleExtra(int component, double s)
    {
        var c = _components[component];
        if (c.Strength <= 0)
        {
            return;
        }

        double e = -Math.Log(_stream!.NextOpenDouble());
        double next = ((c.TimeScaleSeconds + s) * Math.Exp(e / c.Strength)) - c.TimeScaleSeconds;
        if (double.IsFinite(next))
        {
            _system!.Simulation.ScheduleCallback(next - s, this, ExtraToken | ((long)component << 32) | (uint)_episode);
        }
    }

    private void EndEpisode(double now)
    {
        for (int c = 0; c < _components.Length; c++)
        {
            double span = _components[c].LogSpan(now - _episodeStart);
            _logSpans[c] += span;
            _logRatio += _components[c].Strength * span;
        }

        _vulnerableSeconds += now - _episodeStart;
        _vulnerable = false;
        _episode++;
    }

    private sealed class Natural(FailureInjector.Planned planned, double rate)
    {
        public FailureInjector.Planned Planned { get; } = planned;

        public double Rate { get; } = rate;

        public RandomStream Stream { get; set; } = null!;
    }
}
