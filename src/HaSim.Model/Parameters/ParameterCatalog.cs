namespace HaSim.Model.Parameters;

/// <summary>
/// The parameters one architecture reads, with their kinds, meanings and domains, and the rules
/// that relate several of them (a quorum no larger than the count).
/// </summary>
public sealed class ParameterCatalog
{
    private readonly Dictionary<string, Parameter> _byKey;

    /// <summary>Creates a catalog named after its architecture.</summary>
    /// <exception cref="ArgumentException">Two parameters share a key.</exception>
    public ParameterCatalog(string name, IEnumerable<Parameter> definitions, IEnumerable<ParameterRule>? rules = null)
    {
        Name = name;
        Definitions = [.. definitions.Distinct().OrderBy(d => d.Key, StringComparer.Ordinal)];
        _byKey = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var d in Definitions)
        {
            if (!_byKey.TryAdd(d.Key, d))
            {
                throw new ArgumentException($"Two parameters of {name} share the key '{d.Key}'.", nameof(definitions));
            }
        }

        Rules = [.. rules ?? []];
    }

    /// <summary>The architecture's name.</summary>
    public string Name { get; }

    /// <summary>Every parameter, by key.</summary>
    public IReadOnlyList<Parameter> Definitions { get; }

    /// <summary>Rules over several parameters, checked when a set is complete.</summary>
    public IReadOnlyList<ParameterRule> Rules { get; }

    /// <summary>The definition of <paramref name="key"/>, or null.</summary>
    public Parameter? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>True if <paramref name="parameter"/> is one of this catalog's.</summary>
    public bool Contains(Parameter parameter) => _byKey.TryGetValue(parameter.Key, out var p) && ReferenceEquals(p, parameter);
}

/// <summary>A rule over several parameters: <see cref="Check"/> says what is wrong, or null.</summary>
/// <param name="Keys">The parameters involved (the first is the one an error is reported on).</param>
/// <param name="Check">Returns the problem with a complete set, or null.</param>
public sealed record ParameterRule(IReadOnlyList<string> Keys, Func<ParameterSet, string?> Check);
