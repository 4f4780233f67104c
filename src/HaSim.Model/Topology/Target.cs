using HaSim.Model.Faults;
using HaSim.Model.Names;

namespace HaSim.Model.Topology;

/// <summary>
/// A component a scenario may inject faults into: its key (<c>az_1</c>; files may write the label
/// <c>az-1</c>), the family its faults are routed by, its index within the family, and the fault
/// kinds it accepts. Roles are resolved when the fault happens ("primary" is whichever server is
/// the primary then).
/// </summary>
public sealed class Target : TypedName
{
    /// <summary>Declares a target; the faults it accepts come from its architecture's routes (see <see cref="Architectures.ArchitectureDescriptor.Targets"/>).</summary>
    public Target(TargetFamily family, int index, string key, string label, string description)
        : this(family, index, key, label, description, [])
    {
    }

    private Target(TargetFamily family, int index, string key, string label, string description, IReadOnlyList<FaultKind> faults)
        : base(key, label)
    {
        Family = family;
        Index = index;
        Description = description;
        Faults = faults;
    }

    /// <summary>The family the architecture routes this target's faults by.</summary>
    public TargetFamily Family { get; }

    /// <summary>The position within the family (zone 0 is az-1).</summary>
    public int Index { get; }

    /// <summary>What the target is.</summary>
    public string Description { get; }

    /// <summary>Fault kinds that apply.</summary>
    public IReadOnlyList<FaultKind> Faults { get; }

    /// <summary>The component kind (from the family).</summary>
    public ComponentKind Kind => Family.Kind;

    /// <summary>The same target accepting <paramref name="faults"/>.</summary>
    internal Target WithFaults(IReadOnlyList<FaultKind> faults) => new(Family, Index, Key, Label, Description, faults);
}

/// <summary>A family of targets that share fault handling, e.g. every availability zone.</summary>
public sealed class TargetFamily(string key, string label, ComponentKind kind) : TypedName(key, label)
{
    /// <summary>The kind of component the family's targets are.</summary>
    public ComponentKind Kind { get; } = kind;
}
