using HaSim.Model.Failures;
using HaSim.Model.Faults;
using HaSim.Model.Invariants;
using HaSim.Model.Names;
using HaSim.Model.Parameters;
using HaSim.Model.Presets;
using HaSim.Model.Topology;

namespace HaSim.Model.Architectures;

/// <summary>
/// Everything HaSim knows about one architecture, declared in one place: its kind, parameter
/// catalog, targets (a function of its parameters, no system needed), fault routing, failure
/// processes, the names of its stages, failure modes and degraded kinds, its own invariant
/// checkers, and the factory that builds a database of it.
/// </summary>
public sealed class ArchitectureDescriptor
{
    private readonly Func<ParameterSet, IReadOnlyList<Target>> _targets;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParameterSet, IReadOnlyList<Target>> _targetCache = new();
    private readonly Func<ParameterSet, IReadOnlyList<FailureProcess>> _failures;
    private readonly Func<SystemContext, DatabaseSystem> _create;
    private readonly Func<IEnumerable<ModelChecker>> _checkers;
    private readonly Dictionary<(TargetFamily, FaultKind), FaultRoute> _routes;

    /// <summary>Declares an architecture; a target accepts exactly the fault kinds its family has routes for.</summary>
    /// <exception cref="ArgumentException">Two routes share a family and fault kind.</exception>
    public ArchitectureDescriptor(
        ModelKind kind,
        string title,
        ParameterCatalog catalog,
        Func<ParameterSet, IReadOnlyList<Target>> targets,
        IReadOnlyList<FaultRoute> routes,
        Func<ParameterSet, IReadOnlyList<FailureProcess>> failureProcesses,
        NameSet<StageId> stages,
        NameSet<FailureMode> failureModes,
        NameSet<DegradedKind> degradedKinds,
        Func<SystemContext, DatabaseSystem> create,
        Func<IEnumerable<ModelChecker>> checkers)
    {
        Kind = kind;
        Title = title;
        Catalog = catalog;
        _targets = targets;
        Routes = routes;
        _failures = failureProcesses;
        Stages = stages;
        FailureModes = failureModes;
        DegradedKinds = degradedKinds;
        _create = create;
        _checkers = checkers;
        _routes = [];
        foreach (var r in routes)
        {
            if (!_routes.TryAdd((r.Family, r.Kind), r))
            {
                throw new ArgumentException($"Two routes for {r.Kind.Key} on {r.Family.Key}.", nameof(routes));
            }
        }
    }

    /// <summary>The architecture.</summary>
    public ModelKind Kind { get; }

    /// <summary>A readable title.</summary>
    public string Title { get; }

    /// <summary>The parameters it reads.</summary>
    public ParameterCatalog Catalog { get; }

    /// <summary>Every fault it accepts, by target family and kind.</summary>
    public IReadOnlyList<FaultRoute> Routes { get; }

    /// <summary>Its recovery stages.</summary>
    public NameSet<StageId> Stages { get; }

    /// <summary>The failure modes its incidents count as.</summary>
    public NameSet<FailureMode> FailureModes { get; }

    /// <summary>Its kinds of degraded time.</summary>
    public NameSet<DegradedKind> DegradedKinds { get; }

    /// <summary>
    /// The targets a database with <paramref name="parameters"/> has: the same instances for the same
    /// parameter set, so a fault read from a file names exactly the target the database routes.
    /// </summary>
    public IReadOnlyList<Target> Targets(ParameterSet parameters) => _targetCache.GetValue(parameters, p =>
        [.. _targets(p).Select(t => t.WithFaults([.. Routes.Where(r => ReferenceEquals(r.Family, t.Family) && (r.AppliesWhen?.Invoke(p) ?? true)).Select(r => r.Kind)]))]);

    /// <summary>The random failure processes a database with <paramref name="parameters"/> runs.</summary>
    public IReadOnlyList<FailureProcess> FailureProcesses(ParameterSet parameters) => _failures(parameters);

    /// <summary>The route of <paramref name="kind"/> faults on <paramref name="target"/>, or null if it does not accept them.</summary>
    public FaultRoute? Route(Target target, FaultKind kind)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Faults.Contains(kind) ? _routes.GetValueOrDefault((target.Family, kind)) : null;
    }

    /// <summary>The route of <paramref name="kind"/> faults on any target of <paramref name="family"/>, or null (for faults of the shared infrastructure, whose target instances are the fleet's).</summary>
    public FaultRoute? RouteFor(TargetFamily family, FaultKind kind) => _routes.GetValueOrDefault((family, kind));

    /// <summary>Builds a database of this architecture in <paramref name="context"/>.</summary>
    public DatabaseSystem Create(SystemContext context) => _create(context);

    /// <summary>New instances of this architecture's own invariant checkers (the generic ones come on top).</summary>
    public IEnumerable<ModelChecker> CreateCheckers() => _checkers();
}
