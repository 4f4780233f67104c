using System.Runtime.CompilerServices;
using HaSim.Kernel.Distributions;
using HaSim.Model.Parameters;
using P = HaSim.Model.Architectures.Serverless.ServerlessParameters;

namespace HaSim.Model.Architectures.Serverless;

/// <summary>The serverless parameters resolved once per parameter set.</summary>
internal sealed class ServerlessSettings
{
    private static readonly ConditionalWeakTable<ParameterSet, ServerlessSettings> Cache = new();

    private ServerlessSettings(ParameterSet p)
    {
        CrashDetection = p.Get(P.CrashDetection);
        PostgresRestart = p.Get(P.PostgresRestart);
        VmDetection = p.Get(P.VmDetection);
        StartFromPool = p.Get(P.StartFromPool);
        ColdStart = p.Get(P.ColdStart);
        WarmPoolSize = p.Get(P.WarmPoolSize);
        WarmPoolRefill = p.Get(P.WarmPoolRefill);
        EndpointReattach = p.Get(P.EndpointReattach);
        UnresponsiveDetection = p.Get(P.UnresponsiveDetection);
        CacheWarmup = p.Get(P.CacheWarmup);
        CacheWarmsAtOnce = CacheWarmup.Quantile(1) <= 0;
        NodeDetection = p.Get(P.NodeDetection);
        Reschedule = p.Get(P.Reschedule);
        SpareSlotsPerZone = p.Get(P.SpareSlotsPerZone);
        SlotsPerNewNode = p.Get(P.SlotsPerNewNode);
        NodeProvisioning = p.Get(P.NodeProvisioning);
        MaxConcurrentProvisioning = p.Get(P.MaxConcurrentProvisioning);
        ComputesPerZone = p.Get(P.ComputesPerZone);
        PageserverDetection = p.Get(P.PageserverDetection);
        PageserverPromotion = p.Get(P.PageserverPromotion);
        ComputeRepoint = p.Get(P.ComputeRepoint);
        SecondaryRebuild = p.Get(P.SecondaryRebuild);
        RestoreFromObjectStorage = p.Get(P.RestoreFromObjectStorage);
        SafekeeperCount = p.Get(P.SafekeeperCount);
        SafekeeperQuorum = p.Get(P.SafekeeperQuorum);
        SafekeeperReplacement = p.Get(P.SafekeeperReplacement);
        SafekeeperReconnect = p.Get(P.SafekeeperReconnect);
    }

    public Distribution CrashDetection { get; }

    public Distribution PostgresRestart { get; }

    public Distribution VmDetection { get; }

    public Distribution StartFromPool { get; }

    public Distribution ColdStart { get; }

    public int WarmPoolSize { get; }

    public Distribution WarmPoolRefill { get; }

    public Distribution EndpointReattach { get; }

    public Distribution UnresponsiveDetection { get; }

    public Distribution CacheWarmup { get; }

    /// <summary>True if the cache is never cold (a warm-up of at most 0 s): resolved once, as reconciliation asks after every incident.</summary>
    public bool CacheWarmsAtOnce { get; }

    public Distribution NodeDetection { get; }

    public Distribution Reschedule { get; }

    public int SpareSlotsPerZone { get; }

    public int SlotsPerNewNode { get; }

    public Distribution NodeProvisioning { get; }

    public int MaxConcurrentProvisioning { get; }

    public int ComputesPerZone { get; }

    public Distribution PageserverDetection { get; }

    public Distribution PageserverPromotion { get; }

    public Distribution ComputeRepoint { get; }

    public Distribution SecondaryRebuild { get; }

    public Distribution RestoreFromObjectStorage { get; }

    public int SafekeeperCount { get; }

    public int SafekeeperQuorum { get; }

    public Distribution SafekeeperReplacement { get; }

    public Distribution SafekeeperReconnect { get; }

    public static ServerlessSettings For(ParameterSet parameters) => Cache.GetValue(parameters, p => new ServerlessSettings(p));
}
