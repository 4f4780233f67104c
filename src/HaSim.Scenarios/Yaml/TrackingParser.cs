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
                Define(m.Anchor);
                Push(new Frame(isMap: true), m.Start);
                break;
            case SequenceStart s:
                Define(s.Anchor);
                Push(new Frame(isMap: false), s.Start);
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

    private sealed class Frame(bool isMap)
    {
        public bool IsMap { get; } = isMap;

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
