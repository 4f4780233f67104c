namespace HaSim.Model.Parameters;

/// <summary>The parameters one architecture reads, with their kinds and meanings.</summary>
public sealed class ParameterCatalog
{
    private readonly Dictionary<string, ParameterDefinition> _byKey;

    /// <summary>Creates a catalog named after its architecture.</summary>
    public ParameterCatalog(string name, IEnumerable<ParameterDefinition> definitions)
    {
        Name = name;
        Definitions = definitions.OrderBy(d => d.Key, StringComparer.Ordinal).ToArray();
        _byKey = Definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
    }

    /// <summary>The architecture's name.</summary>
    public string Name { get; }

    /// <summary>Every parameter, by key.</summary>
    public IReadOnlyList<ParameterDefinition> Definitions { get; }

    /// <summary>The definition of <paramref name="key"/>, or null.</summary>
    public ParameterDefinition? Find(string key) => _byKey.GetValueOrDefault(key);
}
