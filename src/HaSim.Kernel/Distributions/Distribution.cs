namespace HaSim.Kernel.Distributions;

/// <summary>
/// A probability distribution of a non-negative quantity (usually a duration in seconds).
/// Each subclass takes its parameters explicitly: its factory names say which parameters.
/// </summary>
public abstract record Distribution
{
    /// <summary>Draws one value from <paramref name="random"/>.</summary>
    public abstract double Sample(System.Random random);

    /// <summary>
    /// Draws the time from an arbitrary instant to the next event of a stationary renewal process
    /// whose intervals follow this distribution (the equilibrium forward recurrence time, mean
    /// E[X²]/2E[X]): the interval that covers the instant is length-biased and the instant falls
    /// uniformly inside it. A process that starts with this draw and then draws ordinary intervals
    /// is stationary from time zero, so a short run sees the same event rate as a long one.
    /// </summary>
    /// <remarks>
    /// The default samples the length-biased interval by rejection, bounded at the 1 - 1e-12
    /// quantile; distributions with a closed form override it.
    /// </remarks>
    public virtual double SampleForwardRecurrence(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double bound = Quantile(1 - 1e-12);
        if (!(bound > 0))
        {
            return 0;
        }

        while (true)
        {
            double x = Math.Min(Sample(random), bound);
            if (random.NextDouble() * bound < x)
            {
                return random.NextDouble() * x;
            }
        }
    }

    /// <summary>The distribution's mean.</summary>
    public abstract double Mean { get; }

    /// <summary>The value below which a fraction <paramref name="p"/> of draws fall.</summary>
    public abstract double Quantile(double p);

    /// <summary>A short description with the parameters and their meaning, for reports.</summary>
    public abstract string Describe();

    /// <summary>Checks a probability argument.</summary>
    protected static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be between 0 and 1.");
        }
    }

    /// <summary>Checks that a parameter is a finite number in range.</summary>
    protected static double Check(double value, string name, bool allowZero = false)
    {
        bool ok = double.IsFinite(value) && (allowZero ? value >= 0 : value > 0);
        return ok ? value : throw new ArgumentOutOfRangeException(name, value, allowZero ? $"{name} must be zero or more." : $"{name} must be positive.");
    }
}
