namespace HaSim.Scenarios.Grammar;

/// <summary>
/// A map in a HaSim file (the root, <c>workload:</c>, one timeline fault, ...) and the fields it
/// accepts. The loaders refuse every other key with <see cref="KeyNames"/>, and the JSON Schemas are
/// written from the same declaration, so the two cannot disagree.
/// </summary>
/// <param name="Id">A stable snake_case identifier (the schema's definition name).</param>
/// <param name="Description">What the section is.</param>
/// <param name="Keys">Its fields, in the order the documentation lists them.</param>
public sealed record FileSection(string Id, string Description, IReadOnlyList<FileKey> Keys)
{
    /// <summary>Every key this section accepts, for the loader's unknown-key check.</summary>
    public string[] KeyNames { get; } = [.. Keys.Select(k => k.Name)];

    /// <summary>The field named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The section has no such field.</exception>
    public FileKey this[string name] => Keys.FirstOrDefault(k => k.Name == name) ?? throw new KeyNotFoundException($"{Id} has no field '{name}'.");
}
