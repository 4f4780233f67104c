namespace HaSim.Model.Names;

/// <summary>The names of one kind an architecture declares, found by key or label.</summary>
/// <typeparam name="T">The kind of name.</typeparam>
public sealed class NameSet<T>
    where T : TypedName
{
    private readonly Dictionary<string, T> _byKey;

    /// <summary>Creates a set; keys must be unique.</summary>
    /// <exception cref="ArgumentException">Two names share a key.</exception>
    public NameSet(IEnumerable<T> names)
    {
        All = [.. names.Distinct()];
        _byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var n in All)
        {
            if (!_byKey.TryAdd(n.Key, n))
            {
                throw new ArgumentException($"Two names share the key '{n.Key}'.", nameof(names));
            }
        }
    }

    /// <summary>Every name, in declaration order.</summary>
    public IReadOnlyList<T> All { get; }

    /// <summary>The name with key <paramref name="key"/> exactly, or null.</summary>
    public T? ByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The name that <paramref name="text"/> names (key or label, see <see cref="TypedName.IsNamedBy"/>), or null.</summary>
    public T? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ByKey(text) ?? All.FirstOrDefault(n => n.IsNamedBy(text));
    }

    /// <summary>The display label of <paramref name="key"/>, or the key itself if this set does not declare it.</summary>
    public string LabelOf(string key) => ByKey(key)?.Label ?? key;

    /// <summary>Every key and label, for did-you-mean suggestions.</summary>
    public IEnumerable<string> Spellings() => All.SelectMany(n => new[] { n.Key, n.Label });
}
