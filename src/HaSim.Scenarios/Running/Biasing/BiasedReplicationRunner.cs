using HaSim.Kernel.Distributions;
using HaSim.Kernel.Random;
using HaSim.Model.Incidents;
using HaSim.Scenarios.Binding;

namespace HaSim.Scenarios.Running.Biasing;

/// <summary>
/// Runs one replication as <see cref="ReplicationRunner"/> does (same seed, same streams), with the
/// exponential failure processes under <see cref="FailureBiasing"/>; the others (periodic maintenance,
/// other distributions) run unchanged. With a biased rate of 0 the run is the naive one, draw for draw.
/// </summary>
public static class BiasedReplicationRunner
{
    /// <summary>
    /// Runs replication <paramref name="index"/> of <paramref name="scenario"/> for <paramref name="years"/> years under
    /// <paramref name="biasing"/>, streaming incidents to <paramref name="observer"/>; returns the run's likelihood ratio
    /// and how long it was vulnerable. An observer that is an <see cref="ILikelihoodObserver"/> can read the ratio as the run goes.
    /// </summary>
    public static BiasedOutcome Run(Scenario scenario, ulong rootSeed, long index, double years, IRunObserver observer, FailureBiasing biasing, bool checkInvariants = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(biasing);
        if (!(years > 0) || double.IsInfinity(years))
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "Years must be a positive finite number.");
        }

        double horizon = years * Model.Parameters.Units.SecondsPerYear;
        var controller = new BiasedFailures(biasing);
        var system = DatabaseRun.Create(scenario, SeedMixer.Derive(rootSeed, index), observer, checkInvariants, [controller]);
        foreach (var planned in FailureInjector.PlanFor(system, scenario.Parameters))
        {
            if (planned.Interval is Exponential exponential)
            {
                controller.Add(planned, exponential.MeanValue);
            }
            else
            {
                FailureInjector.Start(system, planned);
            }
        }

        controller.Start(system);
        (observer as ILikelihoodObserver)?.OnRunStarted(controller.LogLikelihoodRatioNow);
        system.Simulation.Run(horizon);
        var outcome = controller.Finish(horizon);
        system.Finish();
        return outcome;
    }
}
