using System.Text.RegularExpressions;

namespace HaSim.Model.Names;

/// <summary>
/// A name that files and outputs depend on: a stable snake_case <see cref="Key"/> written in YAML,
/// JSON, CSV and partial results, and a <see cref="Label"/> for people, free to change without
/// breaking any file. Each name is declared once (a static field) and compared by reference.
/// </summary>
public abstract partial class TypedName
{
    /// <summary>Declares a name.</summary>
    /// <exception cref="ArgumentException">The key is not snake_case or the label is empty.</exception>
    protected TypedName(string key, string label)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a snake_case key (lower-case letters, digits and underscores, starting with a letter).", nameof(key));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Key = key;
        Label = label;
    }

    /// <summary>The stable identifier, e.g. <c>promote_standby</c>.</summary>
    public string Key { get; }

    /// <summary>The display text, e.g. "promote the standby to primary".</summary>
    public string Label { get; }

    /// <summary>True if <paramref name="text"/> names this: its key (hyphens read as underscores) or its label, ignoring case.</summary>
    public bool IsNamedBy(string text) =>
        string.Equals(Key, text.Replace('-', '_'), StringComparison.OrdinalIgnoreCase)
        || string.Equals(Label, text, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => Key;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
