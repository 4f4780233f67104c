namespace HaSim.Scenarios.Diagnostics;

/// <summary>
/// Collects diagnostics so a binder can report every bad field in one run instead of stopping at
/// the first: wrap each field's parsing in <see cref="Capture{T}(Func{T})"/> or
/// <see cref="Capture(Action)"/>, then call <see cref="ThrowIfAny"/>.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<ScenarioDiagnostic> _diagnostics = [];

    /// <summary>The diagnostics collected so far, in the order they were added.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Whether any collected diagnostic is an error.</summary>
    public bool HasErrors => _diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Adds one diagnostic.</summary>
    public void Add(ScenarioDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _diagnostics.Add(diagnostic);
    }

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<ScenarioDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (ScenarioDiagnostic d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>
    /// Runs <paramref name="parse"/> and returns its value; if it throws a <see cref="ScenarioException"/>,
    /// keeps its diagnostics and returns <c>default</c> so the caller can go on to the next field.
    /// </summary>
    public T? Capture<T>(Func<T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (ScenarioException e)
        {
            AddRange(e.Diagnostics);
            return default;
        }
    }

    /// <summary>Runs <paramref name="check"/>; returns false and keeps the diagnostics if it throws a <see cref="ScenarioException"/>.</summary>
    public bool Capture(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
            return true;
        }
        catch (ScenarioException e)
        {
            AddRange(e.Diagnostics);
            return false;
        }
    }

    /// <summary>Throws a <see cref="ScenarioException"/> with everything collected if any error was collected.</summary>
    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new ScenarioException(_diagnostics);
        }
    }
}
