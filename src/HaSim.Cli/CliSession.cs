using HaSim.Reports.Output;

namespace HaSim.Cli;

/// <summary>
/// What a running command shares with <see cref="HasimCli"/>: the interruption to honour (pass
/// <see cref="Token"/> to long work) and the one way to put a result set in place, so every verb writes
/// complete results or none.
/// </summary>
internal static class CliSession
{
    private static readonly AsyncLocal<Interruption?> CurrentInterruption = new();

    /// <summary>Cancelled by Ctrl+C or SIGTERM.</summary>
    public static CancellationToken Token => CurrentInterruption.Value?.Token ?? CancellationToken.None;

    /// <summary>Checks the output directory and prepares its temporary folder before any work (null: print only).</summary>
    /// <exception cref="OutputPathException">The directory cannot be used.</exception>
    public static ResultFolder? Prepare(string? directory) => directory is null ? null : ResultFolder.Create(directory);

    /// <summary>Moves a complete result set into place, unless an interruption has already arrived.</summary>
    public static void Commit(ResultFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Token.ThrowIfCancellationRequested();
        folder.Commit();
    }

    /// <summary>Runs <paramref name="body"/> with <paramref name="interruption"/> as the session's.</summary>
    public static int With(Interruption interruption, Func<int> body)
    {
        var previous = CurrentInterruption.Value;
        CurrentInterruption.Value = interruption;
        try
        {
            return body();
        }
        finally
        {
            CurrentInterruption.Value = previous;
        }
    }
}
