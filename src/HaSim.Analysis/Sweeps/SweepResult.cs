using HaSim.Analysis.Budgets;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Cost;

namespace HaSim.Analysis.Sweeps;

/// <summary>What a sweep runs: the subject, its points, the figures, the goal, and how many replications of what.</summary>
/// <param name="Subject">The scenario or fleet file.</param>
/// <param name="Parameters">The swept parameters, in order.</param>
/// <param name="Mode">Grid or one at a time.</param>
/// <param name="Figures">The figures every point reports (the goal's among them).</param>
/// <param name="Goal">The goal a point must meet with its whole interval, or null.</param>
/// <param name="Years">Simulated years of random failures per replication, or null for replays of the scripted timeline.</param>
/// <param name="Replications">Replications per point (the same seeds at every point).</param>
/// <param name="Seed">The root seed.</param>
/// <param name="Threads">Worker threads; results do not depend on it.</param>
public sealed record SweepRequest(SweepSubject Subject, IReadOnlyList<SweepParameter> Parameters, SweepMode Mode, IReadOnlyList<Figure> Figures, Goal? Goal, double? Years, long Replications, ulong Seed, int Threads)
{
    /// <summary>The confidence level of every interval: the goal's, else 95%.</summary>
    public double Level => Goal?.Confidence ?? Goal.DefaultConfidence;
}

/// <summary>One figure at one point.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="Estimate">Its estimate, interval and sample size.</param>
/// <param name="Verdict">For the goal's figure: pass if the whole interval meets the goal, fail if it breaks it, else inconclusive; null for other figures.</param>
public sealed record SweepFigureResult(Figure Figure, Estimate Estimate, Verdict? Verdict);

/// <summary>One point's monthly cost: its resources at the prices, and the expected SLA credit from its runs.</summary>
/// <param name="Resources">The resources' cost, item by item.</param>
/// <param name="CreditFraction">The expected credit per database-month, as a fraction of the bill, with its interval.</param>
/// <param name="Credit">The expected credit per month, in money (all databases).</param>
/// <param name="CreditLower">Its interval's lower bound.</param>
/// <param name="CreditUpper">Its interval's upper bound.</param>
public sealed record SweepCost(ResourceCost Resources, Estimate CreditFraction, double Credit, double CreditLower, double CreditUpper)
{
    /// <summary>Resources plus the expected credit, per month.</summary>
    public double Total => Resources.Total + Credit;

    /// <summary>The total with the credit's lower bound.</summary>
    public double TotalLower => Resources.Total + CreditLower;

    /// <summary>The total with the credit's upper bound.</summary>
    public double TotalUpper => Resources.Total + CreditUpper;
}

/// <summary>One point's results.</summary>
/// <param name="Point">The point.</param>
/// <param name="Databases">Databases per replication.</param>
/// <param name="Figures">Each figure, in request order.</param>
/// <param name="Cost">Its cost, when the file has prices.</param>
public sealed record SweepPointResult(SweepPointSpec Point, int Databases, IReadOnlyList<SweepFigureResult> Figures, SweepCost? Cost)
{
    /// <summary>The goal's verdict at this point (null without a goal).</summary>
    public Verdict? Verdict => Figures.Select(f => f.Verdict).FirstOrDefault(v => v is not null);
}

/// <summary>A sweep's results: every point, and the chosen one.</summary>
/// <param name="Request">What ran.</param>
/// <param name="Points">Each point, in order.</param>
/// <param name="Chosen">The index of the cheapest point whose whole interval meets the goal (by cost when there are prices, else the first in order), or null.</param>
/// <param name="Cost">The prices, or null.</param>
public sealed record SweepResult(SweepRequest Request, IReadOnlyList<SweepPointResult> Points, int? Chosen, CostModel? Cost)
{
    /// <summary>Picks the chosen point of <paramref name="points"/>: among those that pass, the cheapest (ties: the first), or the first that passes without prices.</summary>
    public static int? Choose(IReadOnlyList<SweepPointResult> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int? best = null;
        for (int k = 0; k < points.Count; k++)
        {
            if (points[k].Verdict != Budgets.Verdict.Pass)
            {
                continue;
            }

            if (best is null || (points[k].Cost is { } c && c.Total < points[best.Value].Cost!.Total))
            {
                best = k;
            }
        }

        return best;
    }
}
