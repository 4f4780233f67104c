namespace HaSim.Model.Workloads;

/// <summary>What the database is doing: its WAL rate over time and its transactions.</summary>
/// <param name="Wal">WAL generation rate over time.</param>
/// <param name="TransactionsPerSecond">Committed transactions per second, for in-flight counts.</param>
/// <param name="MeanTransactionSeconds">Mean transaction duration: by Little's law, rate x duration are in flight at any instant.</param>
/// <param name="DatabaseBytes">Size of the database, which restores from backup must copy.</param>
public sealed record Workload(WalSchedule Wal, double TransactionsPerSecond, double MeanTransactionSeconds, double DatabaseBytes)
{
    /// <summary>The default workload: 5 MB/s of WAL, 500 transactions/s of 20 ms, 100 GiB (assumptions, a modest OLTP load).</summary>
    public static Workload Default { get; } = new(WalSchedule.Constant(5e6), 500, 0.020, 100 * Parameters.Units.GiB);

    /// <summary>Transactions in flight at any instant (Little's law).</summary>
    public double MeanTransactionsInFlight => TransactionsPerSecond * MeanTransactionSeconds;
}
