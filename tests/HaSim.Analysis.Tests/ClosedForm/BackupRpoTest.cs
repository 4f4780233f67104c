using HaSim.Analysis.Statistics;

namespace HaSim.Analysis.Tests.ClosedForm;

/// <summary>
/// Periodic backups every T with Poisson failures: the data lost at a failure is the time since
/// the last backup, uniform on (0, T). Aiven Startup (snapshots every 12 h) with only server losses.
/// </summary>
public class BackupRpoTest
{
    [Fact]
    public void Rpo_after_a_restore_from_periodic_snapshots_is_uniform_over_the_snapshot_interval()
    {
        var scenario = ClosedFormRuns.OnlyFailures("aiven-startup", "failures.server_failure.interval: {exponential: {mean: 5 d}}");
        var (_, incidents) = ClosedFormRuns.Availability(scenario, replications: 40, years: 5);
        const double T = 12 * 3600;
        var rpo = incidents.Select(i => i.RpoSeconds).Order().ToArray();
        Assert.True(rpo.Length > 5000, $"only {rpo.Length} incidents");

        var moments = new Moments();
        foreach (double r in rpo)
        {
            moments.Add(r);
        }

        ClosedFormRuns.AssertCovers(moments, T / 2, "mean RPO");

        // Kolmogorov-Smirnov distance to U(0, T); the 99.9% critical value is about 1.95 / sqrt(n).
        double d = 0;
        for (int k = 0; k < rpo.Length; k++)
        {
            double f = Math.Clamp(rpo[k] / T, 0, 1);
            d = Math.Max(d, Math.Max(((k + 1.0) / rpo.Length) - f, f - ((double)k / rpo.Length)));
        }

        Assert.True(d < 1.95 / Math.Sqrt(rpo.Length), $"KS distance {d:F4} to uniform(0, 12 h) with n = {rpo.Length}");
        Assert.All(rpo, r => Assert.InRange(r, 0, T));
    }
}
