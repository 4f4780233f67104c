namespace HaSim.Analysis.MonteCarlo;

/// <summary>
/// One incident of a Monte Carlo run as a row for other tools: which replication and year, its
/// failure mode's key, its start, every per-incident figure of the metric table (in
/// <see cref="HaSim.Model.Metrics.MetricTable.IncidentFigures"/> order; null where it has none, e.g.
/// not recovered) and the total time of each of the architecture's stages (in
/// <see cref="IncidentRowCollector.StageKeys"/> order; null where the stage did not run).
/// </summary>
/// <param name="Replication">The replication index (0-based, as seeded).</param>
/// <param name="Year">The simulated year the incident started in (1-based).</param>
/// <param name="Number">The incident's number within its replication (1-based).</param>
/// <param name="FailureMode">The failure mode's stable key.</param>
/// <param name="StartSeconds">When clients lost the database, in seconds from the replication's start.</param>
/// <param name="Metrics">The per-incident figures.</param>
/// <param name="Stages">The stages' total times in seconds.</param>
public readonly record struct IncidentRow(long Replication, int Year, int Number, string FailureMode, double StartSeconds, double?[] Metrics, double?[] Stages);
