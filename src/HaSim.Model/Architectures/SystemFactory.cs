using HaSim.Model.Architectures.Serverless;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Presets;

namespace HaSim.Model.Architectures;

/// <summary>Builds the simulated system for a model kind.</summary>
public static class SystemFactory
{
    /// <summary>Creates the system of <paramref name="model"/> in <paramref name="context"/>.</summary>
    public static DatabaseSystem Create(ModelKind model, SystemContext context) => model switch
    {
        ModelKind.Serverless => new ServerlessSystem(context),
        ModelKind.SyncStandby or ModelKind.NodeReplacement => new ServerClusterSystem(context),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown model."),
    };
}
