namespace HaSim.Scenarios.Grammar;

/// <summary>One field of a section of a HaSim file: its key, what it means, whether it must be there, and its value.</summary>
/// <param name="Name">The key, as written in the file.</param>
/// <param name="Description">What it means, in the file's words.</param>
/// <param name="Value">What it holds.</param>
/// <param name="Required">True if the loader refuses a section without it.</param>
public sealed record FileKey(string Name, string Description, ValueShape Value, bool Required = false)
{
    /// <summary>A field read and checked as <paramref name="parameter"/>, described by its declaration.</summary>
    public static FileKey Of(string name, Model.Parameters.Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new(name, parameter.Description, ValueShape.Of(parameter));
    }
}
