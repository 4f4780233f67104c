using System.Globalization;
using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Input;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HaSim.Scenarios.Yaml;

/// <summary>
/// Reads a scenario file into position-aware nodes. Every problem (unreadable file, malformed
/// YAML, duplicate keys, undefined aliases, more than one document, a top level that is not a
/// map) becomes a <see cref="ScenarioException"/> whose diagnostics name the file, line and
/// column; nothing else escapes. Duplicate keys and undefined aliases are all reported at once.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>The deepest nesting accepted (a guard against aliases that contain themselves).</summary>
    public const int MaxDepth = 200;

    /// <summary>The most nodes accepted after expanding aliases (a guard against alias bombs).</summary>
    public const int MaxNodes = 1_000_000;

    private const string MergeKey = "<<";

    /// <summary>Reads the file at <paramref name="path"/>; diagnostics name the file as <paramref name="path"/> is written.</summary>
    /// <exception cref="ScenarioException">When the file cannot be read or is not a valid scenario document.</exception>
    public static MapNode Load(string path) => Parse(ReadText(path), path);

    /// <summary>
    /// The text of the scenario file at <paramref name="path"/>, read as bounded UTF-8
    /// (<see cref="BoundedTextFile.MaxScenarioBytes"/> at most).
    /// </summary>
    /// <exception cref="ScenarioException">When the file cannot be read, is too large, binary or not UTF-8.</exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return BoundedTextFile.Read(path, BoundedTextFile.MaxScenarioBytes);
        }
        catch (InputFileException e)
        {
            // Problems with the content (too large, binary, not UTF-8) have a line; a file that cannot be opened has none.
            string message = e.Line > 0 ? e.Reason : $"cannot read the scenario file: {e.Reason}";
            throw new ScenarioException([new ScenarioDiagnostic(path, e.Line, e.Line > 0 ? 1 : 0, "", message)], e);
        }
    }

    /// <summary>Parses <paramref name="text"/> as a scenario document; diagnostics name the file <paramref name="displayPath"/>.</summary>
    /// <exception cref="ScenarioException">When the text is not a valid scenario document.</exception>
    public static MapNode Parse(string text, string displayPath)
    {
        ScenarioNode root = ParseNode(text, displayPath);
        if (root is MapNode map)
        {
            return map;
        }

        ScenarioException wrong = root.WrongKind(NodeKind.Map);
        ScenarioDiagnostic d = wrong.Diagnostics[0];
        throw new ScenarioException(d with { Message = d.Message + " at the top of the file" });
    }

    /// <summary>
    /// Parses <paramref name="text"/> as one YAML document of any kind (a map, a list or a single
    /// value), for fragments and tests; an empty document is an error.
    /// </summary>
    /// <exception cref="ScenarioException">When the text is not exactly one valid YAML document.</exception>
    public static ScenarioNode ParseNode(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(displayPath);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var diagnostics = new List<ScenarioDiagnostic>();
        var parser = new TrackingParser(new Parser(new StringReader(text)), MaxDepth);
        var stream = new YamlStream();
        Exception? failure = null;
        try
        {
            stream.Load(parser);
        }
        catch (NestingTooDeepException e)
        {
            failure = e;
            diagnostics.Add(At(displayPath, e.At, $"nested more than {MaxDepth} levels deep"));
        }
        catch (UnsupportedYamlException e)
        {
            failure = e;
            diagnostics.Add(At(displayPath, e.At, e.Message, e.Suggestion));
        }
        catch (YamlException e)
        {
            failure = e;
            if (!(e is AnchorNotFoundException && parser.UnknownAliases.Count > 0))
            {
                diagnostics.Add(Malformed(displayPath, e, text));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet occasionally fails without a YamlException (e.g. an unclosed '[' followed by
            // 'key: value' throws InvalidOperationException); this is the boundary with a third-party
            // parser and bad input must never end in a stack trace, so report any such failure at the
            // last position the parser reached.
            failure = e;
            diagnostics.Add(At(displayPath, parser.LastEnd, "malformed YAML after this point (the YAML parser stopped here)", "check for an unclosed bracket or quote"));
        }

        foreach ((string key, Mark at, Mark first) in parser.Duplicates)
        {
            diagnostics.Add(At(displayPath, at, $"duplicate key '{key}' (first written at line {first.Line})", "remove one of them or merge their contents"));
        }

        foreach ((string anchor, Mark at) in parser.UnknownAliases)
        {
            diagnostics.Add(At(displayPath, at, $"the alias '*{anchor}' refers to no anchor defined before it", $"define it earlier with '&{anchor}'"));
        }

        if (diagnostics.Count > 0)
        {
            throw new ScenarioException(diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column), failure);
        }

        if (stream.Documents.Count > 1)
        {
            Mark second = parser.DocumentStarts.Count > 1 ? parser.DocumentStarts[1] : stream.Documents[1].RootNode.Start;
            throw new ScenarioException(At(displayPath, second, $"the file holds {stream.Documents.Count} YAML documents; a scenario file holds one", "remove the '---' separator or split the file"));
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException(new ScenarioDiagnostic(displayPath, 1, 1, "", "the file is empty (no YAML document, only blanks or comments)", "a scenario needs at least 'preset: <name>'"));
        }

        var builder = new Builder(displayPath);
        return builder.Build(stream.Documents[0].RootNode, "", 0);
    }

    private static ScenarioDiagnostic At(string file, Mark mark, string message, string? suggestion = null) =>
        new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), "", message, suggestion);

    private static ScenarioDiagnostic Malformed(string file, YamlException e, string text)
    {
        string reason = e.Message.TrimEnd('.');
        if (reason.Length > 0)
        {
            reason = char.ToLowerInvariant(reason[0]) + reason[1..];
        }

        bool tab = reason.Contains("tab", StringComparison.OrdinalIgnoreCase);
        Mark mark = tab ? e.End : e.Start;
        string? hint;
        if (tab || LineHasTabIndent(text, mark.Line))
        {
            hint = "indent with spaces; YAML does not allow tabs for indentation";
        }
        else if (reason.Contains("invalid mapping", StringComparison.Ordinal) || reason.Contains("mapping values are not allowed", StringComparison.Ordinal))
        {
            hint = "check the indentation, and put quotes around values that contain ': '";
        }
        else if (reason.Contains("did not find expected key", StringComparison.Ordinal))
        {
            hint = "check this line's indentation against the lines above";
        }
        else if (reason.Contains("expected '-' indicator", StringComparison.Ordinal))
        {
            hint = "check the indentation; a list and 'key: value' fields cannot share a level";
        }
        else if (reason.Contains("expected ','", StringComparison.Ordinal))
        {
            hint = "check for a missing ',' or closing bracket";
        }
        else if (reason.Contains("quoted scalar", StringComparison.Ordinal) && reason.Contains("end of stream", StringComparison.Ordinal))
        {
            hint = "check for a missing closing quote";
        }
        else
        {
            hint = null;
        }

        return At(file, mark, $"malformed YAML: {reason}", hint);
    }

    private static bool LineHasTabIndent(string text, long line)
    {
        using var reader = new StringReader(text);
        string? current = null;
        for (long i = 0; i < line; i++)
        {
            current = reader.ReadLine();
            if (current is null)
            {
                return false;
            }
        }

        return current is not null && current.TrimStart(' ').StartsWith('\t');
    }

    /// <summary>Turns YamlDotNet nodes into position-aware wrappers, applying merge keys.</summary>
    private sealed class Builder(string file)
    {
        private readonly HashSet<YamlNode> _open = new(ReferenceEqualityComparer.Instance);
        private int _count;

        public ScenarioNode Build(YamlNode node, string path, int depth)
        {
            int line = (int)node.Start.Line;
            int column = (int)node.Start.Column;
            if (_open.Contains(node))
            {
                throw new ScenarioException(new ScenarioDiagnostic(file, line, column, path, "an alias refers to the anchor it is inside, so the value would contain itself", "use the alias outside the anchored value"));
            }

            if (depth > MaxDepth)
            {
                throw new ScenarioException(new ScenarioDiagnostic(file, line, column, path.Length > 100 ? path[..100] + "..." : path, $"nested more than {MaxDepth} levels deep"));
            }

            if (++_count > MaxNodes)
            {
                throw new ScenarioException(new ScenarioDiagnostic(file, line, column, path, $"the document expands to more than {MaxNodes.ToString(CultureInfo.InvariantCulture)} values", "use fewer aliases and anchors"));
            }

            if (node is YamlScalarNode s)
            {
                return new ScalarNode(file, line, column, path, s.Value ?? "", s.Style);
            }

            _open.Add(node);
            try
            {
                return BuildCollection(node, path, depth, line, column);
            }
            finally
            {
                _open.Remove(node);
            }
        }

        private ScenarioNode BuildCollection(YamlNode node, string path, int depth, int line, int column)
        {
            switch (node)
            {
                case YamlSequenceNode seq:
                    var items = new ScenarioNode[seq.Children.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = Build(seq.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), depth + 1);
                    }

                    return new SeqNode(file, line, column, path, items);
                case YamlMappingNode map:
                    var entries = new List<MapEntry>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    var problems = new List<ScenarioDiagnostic>();
                    Collect(map, path, depth, entries, seen, problems);
                    if (problems.Count > 0)
                    {
                        throw new ScenarioException(problems);
                    }

                    return new MapNode(file, line, column, path, [.. entries]);
                default:
                    throw new ScenarioException(new ScenarioDiagnostic(file, line, column, path, "unsupported YAML node"));
            }
        }

        private void Collect(YamlMappingNode map, string path, int depth, List<MapEntry> entries, HashSet<string> seen, List<ScenarioDiagnostic> problems)
        {
            var merges = new List<YamlNode>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in map.Children)
            {
                if (pair.Key is not YamlScalarNode key)
                {
                    problems.Add(new ScenarioDiagnostic(file, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column, path, "a key must be a plain name, not a map or a list"));
                    continue;
                }

                string name = key.Value ?? "";
                if (name == MergeKey && key.Style is ScalarStyle.Plain or ScalarStyle.Any)
                {
                    merges.Add(pair.Value);
                    continue;
                }

                if (!seen.Add(name))
                {
                    continue;
                }

                string childPath = ChildPath(path, name);
                var keyNode = new ScalarNode(file, (int)key.Start.Line, (int)key.Start.Column, childPath, name, key.Style);
                entries.Add(new MapEntry(keyNode, Build(pair.Value, childPath, depth + 1)));
            }

            foreach (YamlNode merge in merges)
            {
                IEnumerable<YamlNode> sources = merge is YamlSequenceNode list ? list.Children : [merge];
                foreach (YamlNode source in sources)
                {
                    if (source is YamlMappingNode merged && _open.Add(merged))
                    {
                        try
                        {
                            Collect(merged, path, depth + 1, entries, seen, problems);
                        }
                        finally
                        {
                            _open.Remove(merged);
                        }
                    }
                    else if (source is YamlMappingNode)
                    {
                        problems.Add(new ScenarioDiagnostic(file, (int)source.Start.Line, (int)source.Start.Column, ChildPath(path, MergeKey), $"the merge '<<: *{source.Anchor.Value}' refers to the map it is in"));
                    }
                    else
                    {
                        problems.Add(new ScenarioDiagnostic(file, (int)source.Start.Line, (int)source.Start.Column, ChildPath(path, MergeKey), "a merge key ('<<') takes a map or a list of maps, usually an alias like *defaults"));
                    }
                }
            }
        }

        private static string ChildPath(string path, string key) => ScenarioNode.ChildPath(path, key);
    }
}
