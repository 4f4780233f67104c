namespace HaSim.Scenarios.Diagnostics;

/// <summary>How serious a <see cref="ScenarioDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The scenario cannot be used as written.</summary>
    Error,

    /// <summary>The scenario can be used, but something in it is probably not what was meant.</summary>
    Warning,
}
