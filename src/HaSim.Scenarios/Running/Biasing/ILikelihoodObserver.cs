namespace HaSim.Scenarios.Running.Biasing;

/// <summary>
/// A run observer that needs the likelihood ratio at the moment something happens: an event counted at a
/// stopping time (an incident's close) is weighted by the ratio at that time, which has the same
/// expectation as the ratio at the end of the run and less variance.
/// </summary>
public interface ILikelihoodObserver
{
    /// <summary>Called when a biased replication starts, with a function giving the log likelihood ratio up to now.</summary>
    void OnRunStarted(Func<double> logLikelihoodRatioNow);
}
