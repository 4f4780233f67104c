namespace HaSim.Scenarios.Diagnostics;

/// <summary>
/// A scenario could not be read or bound. It carries one or more <see cref="ScenarioDiagnostic"/>s,
/// each naming the file, line, column and field; its <see cref="Exception.Message"/> is those
/// diagnostics, one a line, so the CLI can print it and exit with status 2 without a stack trace.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>A scenario error with a single diagnostic.</summary>
    public ScenarioException(ScenarioDiagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>A scenario error with one or more diagnostics (in the order given).</summary>
    /// <exception cref="ArgumentException">When <paramref name="diagnostics"/> is empty.</exception>
    public ScenarioException(IEnumerable<ScenarioDiagnostic> diagnostics)
        : this(ToList(diagnostics), innerException: null)
    {
    }

    /// <summary>A scenario error with one or more diagnostics and the exception that caused it.</summary>
    /// <exception cref="ArgumentException">When <paramref name="diagnostics"/> is empty.</exception>
    public ScenarioException(IEnumerable<ScenarioDiagnostic> diagnostics, Exception? innerException)
        : this(ToList(diagnostics), innerException)
    {
    }

    private ScenarioException(IReadOnlyList<ScenarioDiagnostic> diagnostics, Exception? innerException)
        : base(string.Join(Environment.NewLine, diagnostics), innerException) => Diagnostics = diagnostics;

    /// <summary>The diagnostics, at least one.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; }

    private static ScenarioDiagnostic[] ToList(IEnumerable<ScenarioDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ScenarioDiagnostic[] list = [.. diagnostics];
        if (list.Length == 0)
        {
            throw new ArgumentException("A scenario exception needs at least one diagnostic.", nameof(diagnostics));
        }

        foreach (ScenarioDiagnostic d in list)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(diagnostics));
        }

        return list;
    }
}
