namespace HaSim.Model.Parameters;

/// <summary>What a model parameter holds, and so how a scenario writes it.</summary>
public enum ParameterKind
{
    /// <summary>A distribution of durations in seconds: each use draws from it (a single duration is a constant).</summary>
    Duration,

    /// <summary>One duration in seconds, read as a number (an interval or a lag the model does not draw): a distribution is refused.</summary>
    Seconds,

    /// <summary>A number of bytes.</summary>
    Bytes,

    /// <summary>Bytes per second.</summary>
    ByteRate,

    /// <summary>A whole number of things (standbys, spare slots).</summary>
    Count,

    /// <summary>A plain number without a unit (a backoff multiplier, a rate per second).</summary>
    Number,

    /// <summary>A fraction in [0, 1], written as a percentage or a fraction.</summary>
    Fraction,

    /// <summary>True or false.</summary>
    Flag,

    /// <summary>One of a fixed set of words.</summary>
    Choice,
}
