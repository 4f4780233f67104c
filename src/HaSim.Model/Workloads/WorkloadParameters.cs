using HaSim.Model.Parameters;

namespace HaSim.Model.Workloads;

/// <summary>
/// The domains of a scenario's <c>workload:</c> fields, and the rule that keeps the transactions in
/// flight (rate x duration, drawn as a Poisson count at every failure) a number that can be drawn.
/// </summary>
public static class WorkloadParameters
{
    /// <summary>The most transactions in flight at once.</summary>
    public const double MaxTransactionsInFlight = 1e9;

    /// <summary>WAL generated per second (zero: an idle database).</summary>
    public static Parameter<double> WalRate { get; } = Declare.ByteRate("workload.wal_rate", "WAL generated per second", min: 0);

    /// <summary>Committed transactions per second.</summary>
    public static Parameter<double> TransactionRate { get; } = Declare.Number("workload.transaction_rate", "committed transactions per second", min: 0, max: 1e8);

    /// <summary>Mean transaction duration.</summary>
    public static Parameter<double> TransactionDuration { get; } = Declare.Seconds("workload.transaction_duration", "mean transaction duration", max: Units.Day);

    /// <summary>Size of the database.</summary>
    public static Parameter<double> DatabaseSize { get; } = Declare.Bytes("workload.database_size", "size of the database, which a restore copies", max: 1e18);

    /// <summary>Why <paramref name="workload"/>'s transactions in flight cannot be drawn, or null.</summary>
    public static string? InFlightProblem(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.MeanTransactionsInFlight <= MaxTransactionsInFlight
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"transaction_rate x transaction_duration is {workload.MeanTransactionsInFlight:G4} transactions in flight; at most {MaxTransactionsInFlight:G4}");
    }
}
