namespace HaSim.Model.Parameters;

/// <summary>Where a parameter's value comes from, so every figure in a report can be traced.</summary>
/// <param name="Citation">The document and passage, e.g. "seed 002: 'usually takes 5-10 minutes'".</param>
/// <param name="IsAssumption">True when no source states the figure and it is a labelled assumption.</param>
public sealed record ParameterSource(string Citation, bool IsAssumption)
{
    /// <summary>A figure stated by a source document.</summary>
    public static ParameterSource Sourced(string citation) => new(citation, false);

    /// <summary>A labelled assumption, with the reasoning behind it.</summary>
    public static ParameterSource Assumed(string reasoning) => new(reasoning, true);

    /// <inheritdoc/>
    public override string ToString() => IsAssumption ? $"ASSUMPTION: {Citation}" : Citation;
}
