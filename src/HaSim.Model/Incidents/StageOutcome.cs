namespace HaSim.Model.Incidents;

/// <summary>How a recovery stage ended.</summary>
public enum StageOutcome
{
    /// <summary>It ran to completion.</summary>
    Done,

    /// <summary>Its workflow was interrupted: a component it depended on was lost, or recovery took another path.</summary>
    Interrupted,

    /// <summary>The run ended (its horizon) while the stage was still going.</summary>
    Unfinished,
}

/// <summary>Scenario-file and output spellings of stage outcomes.</summary>
public static class StageOutcomeNames
{
    /// <summary>"done", "interrupted" or "unfinished".</summary>
    public static string Key(this StageOutcome outcome) => outcome switch
    {
        StageOutcome.Done => "done",
        StageOutcome.Interrupted => "interrupted",
        StageOutcome.Unfinished => "unfinished",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown stage outcome."),
    };
}
