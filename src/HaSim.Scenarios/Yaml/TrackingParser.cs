using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HaSim.Scenarios.Yaml;

/// <summary>
/// Wraps YamlDotNet's parser to remember where it got to (for errors YamlDotNet reports without
/// a position), to find every duplicate key and every alias to an undefined anchor with its exact
/// position, and to rename duplicate keys so that loading carries on to find later problems.
/// </summary>
internal sealed class TrackingParser(IParser inner, int maxDepth) : IParser
{
    /// <summary>Prefix of the private names given to duplicate keys; no real key starts with NUL.</summary>
    internal const string DuplicatePrefix = "\0duplicate ";

    private readonly Stack<Frame> _frames = new();
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private ParsingEvent? _current;
    private int _renamed;

    /// <summary>Duplicate keys: the key, where it is repeated and where it was first written.</summary>
    public List<(string Key, Mark At, Mark First)> Duplicates { get; } = [];

    /// <summary>Aliases to anchors not defined before them: the anchor name and the alias's position.</summary>
    public List<(string Anchor, Mark At)> UnknownAliases { get; } = [];

    /// <summary>The end of the last event read, the best position for errors without one.</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    /// <summary>The starts of the documents seen.</summary>
    public List<Mark> DocumentStarts { get; } = [];

    public ParsingEvent? Current => _current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            _current = null;
            return false;
        }

        _current = inner.Current;
        if (_current is null)
        {
            return true;
        }

        LastEnd = _current.End;
        switch (_current)
        {
            case DocumentStart d:
                DocumentStarts.Add(d.Start);
                _frames.Clear();
                _anchors.Clear();
                break;
            case MappingStart m:
                RefuseAsKey(m.Start, "a key must be a plain name, not a map");
                Define(m.Anchor);
                Push(new Frame(isMap: true, m.Anchor), m.Start);
                break;
            case SequenceStart s:
                RefuseAsKey(s.Start, "a key must be a plain name, not a list");
                Define(s.Anchor);
                Push(new Frame(isMap: false, s.Anchor), s.Start);
                break;
            case MappingEnd or SequenceEnd:
                if (_frames.Count > 0)
                {
                    _frames.Pop();
                }

                NodeDone(key: null);
                break;
            case Scalar scalar:
                Define(scalar.Anchor);
                NodeDone(scalar);
                break;
            case AnchorAlias alias:
                // YamlDotNet resolves aliases recursively while loading: an alias inside the value it
                // names, or used as a key (hashed deeply), would overflow the stack before any check.
                RefuseAsKey(alias.Start, $"a key must be a plain name, not the alias '*{alias.Value.Value}'");
                if (_frames.Any(f => !f.Anchor.IsEmpty && f.Anchor.Value == alias.Value.Value))
                {
                    throw new UnsupportedYamlException(alias.Start, $"the alias '*{alias.Value.Value}' is inside the value it names, so the value would contain itself", "use the alias outside the anchored value");
                }

                if (!_anchors.Contains(alias.Value.Value))
                {
                    UnknownAliases.Add((alias.Value.Value, alias.Start));
                }

                NodeDone(key: null);
                break;
            default:
                break;
        }

        return true;
    }

    /// <summary>
    /// Enters a map or list, stopping at the maximum depth: YamlDotNet builds its
    /// tree recursively, so a document nested thousands deep would otherwise overflow the stack.
    /// </summary>
    private void Push(Frame frame, Mark at)
    {
        if (_frames.Count >= maxDepth)
        {
            throw new NestingTooDeepException(at);
        }

        _frames.Push(frame);
    }

    private void RefuseAsKey(Mark at, string message)
    {
        if (_frames.Count > 0 && _frames.Peek() is { IsMap: true, ExpectKey: true })
        {
            throw new UnsupportedYamlException(at, message, "write keys as plain words, e.g. 'dns_ttl:'");
        }
    }

    private void Define(AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors.Add(anchor.Value);
        }
    }

    private void NodeDone(Scalar? key)
    {
        if (_frames.Count == 0 || !_frames.Peek().IsMap)
        {
            return;
        }

        Frame frame = _frames.Peek();
        if (frame.ExpectKey && key is not null)
        {
            if (frame.Keys.TryGetValue(key.Value, out Mark first))
            {
                Duplicates.Add((key.Value, key.Start, first));
                string unique = string.Create(CultureInfo.InvariantCulture, $"{DuplicatePrefix}{++_renamed}");
                _current = new Scalar(key.Anchor, key.Tag, unique, key.Style, key.IsPlainImplicit, key.IsQuotedImplicit, key.Start, key.End);
            }
            else
            {
                frame.Keys.Add(key.Value, key.Start);
            }
        }

        frame.ExpectKey = !frame.ExpectKey;
    }

    private sealed class Frame(bool isMap, AnchorName anchor = default)
    {
        public bool IsMap { get; } = isMap;

        public AnchorName Anchor { get; } = anchor;

        public bool ExpectKey { get; set; } = true;

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>Thrown by <see cref="TrackingParser"/> when the document nests too deeply.</summary>
internal sealed class NestingTooDeepException(Mark at) : Exception("The YAML document nests too deeply.")
{
    /// <summary>Where the level beyond the limit starts.</summary>
    public Mark At { get; } = at;
}

/// <summary>Thrown by <see cref="TrackingParser"/> for YAML a scenario never needs and that cannot be loaded safely (complex or alias keys, recursive aliases).</summary>
internal sealed class UnsupportedYamlException(Mark at, string message, string suggestion) : Exception(message)
{
    /// <summary>Where the construct starts.</summary>
    public Mark At { get; } = at;

    /// <summary>How to fix it.</summary>
    public string Suggestion { get; } = suggestion;
}
