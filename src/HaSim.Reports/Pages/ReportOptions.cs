namespace HaSim.Reports.Pages;

/// <summary>What a report adds to the results it shows.</summary>
/// <param name="BudgetSeconds">A client RTO budget to draw on recovery-time charts and timelines (from <c>--budget</c>), if any.</param>
public sealed record ReportOptions(double? BudgetSeconds = null)
{
    /// <summary>No budget.</summary>
    public static ReportOptions None { get; } = new();
}
