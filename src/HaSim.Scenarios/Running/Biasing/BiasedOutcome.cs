namespace HaSim.Scenarios.Running.Biasing;

/// <summary>What a biased replication adds to its estimate besides its incidents.</summary>
/// <param name="LogLikelihoodRatio">The log of the likelihood ratio of the run (model law over biased law), exact for the biased processes.</param>
/// <param name="VulnerableSeconds">Simulated time with the redundancy level at or above the biasing threshold.</param>
/// <param name="Episodes">Vulnerable episodes (the level reaching the threshold from below).</param>
/// <param name="LogSpans">Per biasing component, Σ over episodes of ln(1 + S/τ): the extra failures the run expects per unit of that component's strength.</param>
/// <param name="ExtraFailures">Failures the biasing added.</param>
public readonly record struct BiasedOutcome(double LogLikelihoodRatio, double VulnerableSeconds, long Episodes, IReadOnlyList<double> LogSpans, long ExtraFailures)
{
    /// <summary>The likelihood ratio, exp(<see cref="LogLikelihoodRatio"/>).</summary>
    public double LikelihoodRatio => Math.Exp(LogLikelihoodRatio);
}
