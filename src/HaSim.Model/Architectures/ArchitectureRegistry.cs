using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Presets;

namespace HaSim.Model.Architectures;

/// <summary>Every architecture HaSim models, registered once: add a descriptor here to add an architecture.</summary>
public static class ArchitectureRegistry
{
    /// <summary>The descriptors, in a fixed order.</summary>
    public static IReadOnlyList<ArchitectureDescriptor> All { get; } =
    [
        ServerlessArchitecture.Descriptor,
        ServerArchitectures.SyncStandby,
        ServerArchitectures.NodeReplacement,
    ];

    /// <summary>The descriptor whose model name (<see cref="ModelKindNames.Name"/>) is <paramref name="modelName"/>, or null.</summary>
    public static ArchitectureDescriptor? Find(string modelName) => All.FirstOrDefault(a => a.Kind.Name() == modelName);

    /// <summary>The descriptor of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No architecture of that kind is registered.</exception>
    public static ArchitectureDescriptor For(ModelKind kind) =>
        All.FirstOrDefault(a => a.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No architecture of this kind is registered.");
}
