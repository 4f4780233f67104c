namespace HaSim.Model.Parameters;

/// <summary>Parameters every architecture reads.</summary>
public static class CommonParameters
{
    /// <summary>The monthly uptime the SLA promises.</summary>
    public static Parameter<double> SlaTarget { get; } = Declare.Fraction("sla.target", "monthly uptime the SLA promises");
}
