using HaSim.Scenarios.Diagnostics;

namespace HaSim.Scenarios.Yaml;

/// <summary>
/// A YAML map of fields, with strict accessors for binders: <c>Required*</c> report a missing
/// field at the map, <c>Optional*</c> return null when the field is absent, all report a field
/// of the wrong kind at the field, and <see cref="EnsureOnlyKnownKeys"/> reports every unknown
/// field with a did-you-mean suggestion. Keys are matched exactly (case-sensitively).
/// YAML merge keys (<c>&lt;&lt;: *anchor</c>) are applied: fields written in the map win over merged ones.
/// </summary>
public sealed class MapNode : ScenarioNode
{
    private readonly MapEntry[] _entries;
    private readonly Dictionary<string, MapEntry> _byKey;

    internal MapNode(string filePath, int line, int column, string path, MapEntry[] entries)
        : base(filePath, line, column, path)
    {
        _entries = entries;
        _byKey = new Dictionary<string, MapEntry>(StringComparer.Ordinal);
        foreach (MapEntry e in entries)
        {
            _byKey.TryAdd(e.Name, e);
        }
    }

    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Map;

    /// <inheritdoc/>
    public override string Description => "a map";

    /// <summary>The fields, in document order (merged fields after the map's own).</summary>
    public IReadOnlyList<MapEntry> Entries => _entries;

    /// <summary>The keys, in document order.</summary>
    public IReadOnlyList<string> Keys => [.. _entries.Select(e => e.Name)];

    /// <summary>The number of fields.</summary>
    public int Count => _entries.Length;

    /// <summary>Whether the field <paramref name="key"/> is present (even with an empty value).</summary>
    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    /// <summary>The field <paramref name="key"/>'s value of any kind, or null when absent.</summary>
    public ScenarioNode? Get(string key) => _byKey.TryGetValue(key, out MapEntry? e) ? e.Value : null;

    /// <summary>The key node of the field <paramref name="key"/> (for errors about the key itself), or null when absent.</summary>
    public ScalarNode? KeyNode(string key) => _byKey.TryGetValue(key, out MapEntry? e) ? e.Key : null;

    /// <summary>The field <paramref name="key"/>'s value of any kind.</summary>
    /// <exception cref="ScenarioException">When the field is absent.</exception>
    public ScenarioNode Required(string key) => Get(key) ?? throw Missing(key);

    /// <summary>The field <paramref name="key"/> as a single, non-empty value.</summary>
    /// <exception cref="ScenarioException">When the field is absent, empty, a map or a list.</exception>
    public ScalarNode RequiredScalar(string key) => Required(key).AsScalar();

    /// <summary>The field <paramref name="key"/> as a single, non-empty value, or null when the field is absent.</summary>
    /// <exception cref="ScenarioException">When the field is present but empty, a map or a list.</exception>
    public ScalarNode? OptionalScalar(string key) => Get(key)?.AsScalar();

    /// <summary>The field <paramref name="key"/> as a map.</summary>
    /// <exception cref="ScenarioException">When the field is absent or not a map.</exception>
    public MapNode RequiredMap(string key) => Required(key).AsMap();

    /// <summary>The field <paramref name="key"/> as a map, or null when the field is absent.</summary>
    /// <exception cref="ScenarioException">When the field is present but not a map (including empty).</exception>
    public MapNode? OptionalMap(string key) => Get(key)?.AsMap();

    /// <summary>The field <paramref name="key"/> as a list.</summary>
    /// <exception cref="ScenarioException">When the field is absent or not a list.</exception>
    public SeqNode RequiredSeq(string key) => Required(key).AsSeq();

    /// <summary>The field <paramref name="key"/> as a list, or null when the field is absent.</summary>
    /// <exception cref="ScenarioException">When the field is present but not a list (including empty).</exception>
    public SeqNode? OptionalSeq(string key) => Get(key)?.AsSeq();

    /// <summary>The error for a missing required field: located at this map, with the field's path.</summary>
    public ScenarioException Missing(string key) =>
        new(new ScenarioDiagnostic(FilePath, Line, Column, ChildPath(Path, key), $"missing required field '{key}'"));

    /// <summary>
    /// A diagnostic for each field not in <paramref name="known"/>, located at the key, with a
    /// did-you-mean suggestion when a known name is close, else the list of known names.
    /// </summary>
    public IReadOnlyList<ScenarioDiagnostic> FindUnknownKeys(params string[] known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var set = new HashSet<string>(known, StringComparer.Ordinal);
        var found = new List<ScenarioDiagnostic>();
        foreach (MapEntry e in _entries)
        {
            if (set.Contains(e.Name))
            {
                continue;
            }

            string? suggestion = DidYouMean.Phrase(e.Name, known)
                ?? (known.Length == 0 ? "this map takes no fields" : $"expected one of: {string.Join(", ", known)}");
            found.Add(e.Key.Diagnostic($"unknown field '{e.Name}'", suggestion));
        }

        return found;
    }

    /// <summary>Reports every field not in <paramref name="known"/> (see <see cref="FindUnknownKeys"/>) in one exception.</summary>
    /// <exception cref="ScenarioException">When any field is unknown.</exception>
    public void EnsureOnlyKnownKeys(params string[] known)
    {
        IReadOnlyList<ScenarioDiagnostic> unknown = FindUnknownKeys(known);
        if (unknown.Count > 0)
        {
            throw new ScenarioException(unknown);
        }
    }
}
