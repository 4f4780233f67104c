namespace HaSim.Cli;

/// <summary>The exit codes of <c>hasim</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and every check passed.</summary>
    public const int Success = 0;

    /// <summary>The run completed but a scenario expectation was not met, or (hasim check) a budget failed, regressed against its baseline or has a stale baseline.</summary>
    public const int ExpectationFailed = 1;

    /// <summary>Bad input: a scenario file, a partial result or a command-line flag is invalid, or the run would exceed its work budget. Nothing was run or written.</summary>
    public const int BadInput = 2;

    /// <summary>An invariant checker (--check-invariants) found a model bug; the message gives the seed and simulated time.</summary>
    public const int InvariantViolated = 3;

    /// <summary>hasim check --inconclusive code: no budget failed, but at least one stayed inconclusive up to its cap of replications.</summary>
    public const int Inconclusive = 4;

    /// <summary>An unexpected internal error (a bug): please report it with the command line and seed.</summary>
    public const int InternalError = 70;

    /// <summary>The results could not be written (a full disk, a destination that became unwritable); the previous results are untouched.</summary>
    public const int OutputFailed = 74;

    /// <summary>Interrupted by Ctrl+C (SIGINT); no partial results were written, earlier results are untouched.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (e.g. a container being stopped); no partial results were written, earlier results are untouched.</summary>
    public const int Terminated = 143;
}
