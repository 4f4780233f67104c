using System.Collections;

namespace HaSim.Scenarios.Yaml;

/// <summary>A YAML list; item paths are the list's path with a 0-based index, e.g. <c>timeline[2]</c>.</summary>
public sealed class SeqNode : ScenarioNode, IReadOnlyList<ScenarioNode>
{
    private readonly ScenarioNode[] _items;

    internal SeqNode(string filePath, int line, int column, string path, ScenarioNode[] items)
        : base(filePath, line, column, path) => _items = items;

    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.Sequence;

    /// <inheritdoc/>
    public override string Description => "a list";

    /// <summary>The items, in document order.</summary>
    public IReadOnlyList<ScenarioNode> Items => _items;

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The item at 0-based <paramref name="index"/>.</summary>
    public ScenarioNode this[int index] => _items[index];

    /// <summary>The items, each required to be a map (a "wrong kind" error at the first that is not).</summary>
    public IEnumerable<MapNode> Maps() => _items.Select(i => i.AsMap());

    /// <summary>The items, each required to be a single value (a "wrong kind" error at the first that is not).</summary>
    public IEnumerable<ScalarNode> Scalars() => _items.Select(i => i.AsScalar());

    /// <summary>Requires between <paramref name="min"/> and <paramref name="max"/> items; the error is at the list.</summary>
    /// <exception cref="Diagnostics.ScenarioException">When the count is out of range.</exception>
    public SeqNode RequireCount(int min, int max = int.MaxValue)
    {
        if (Count < min || Count > max)
        {
            string expected = min == max ? $"exactly {min}" : max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            throw Error($"expected {expected} item{(min == 1 && max is 1 or int.MaxValue ? "" : "s")} but found {Count}");
        }

        return this;
    }

    /// <inheritdoc/>
    public IEnumerator<ScenarioNode> GetEnumerator() => ((IEnumerable<ScenarioNode>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
