using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Units;
using HaSim.Scenarios.Yaml;
using static HaSim.Scenarios.Tests.TestYaml;

namespace HaSim.Scenarios.Tests;

public class YamlReaderTests
{
    private const string Scenario = """
        name: zone outage
        cluster:
          replicas: 3
          dns_ttl: 60 s
        timeline:
          - at: 0 s
            action: start
          - at: 5 min
            action: kill_zone
          - at: 10 minutes later
            action: restore
        """;

    [Fact]
    public void Nodes_know_their_line_column_and_path()
    {
        MapNode root = Doc(Scenario);
        Assert.Equal(["name", "cluster", "timeline"], root.Keys);
        Assert.Equal((1, 1, ""), (root.Line, root.Column, root.Path));

        ScalarNode ttl = root.RequiredMap("cluster").RequiredScalar("dns_ttl");
        Assert.Equal(("60 s", 4, 12, "cluster.dns_ttl"), (ttl.Value, ttl.Line, ttl.Column, ttl.Path));
        Assert.Equal(FileName, ttl.FilePath);

        SeqNode timeline = root.RequiredSeq("timeline");
        Assert.Equal(3, timeline.Count);
        MapNode third = timeline[2].AsMap();
        Assert.Equal((10, 5, "timeline[2]"), (third.Line, third.Column, third.Path));
        ScalarNode at = third.RequiredScalar("at");
        Assert.Equal((10, 9, "timeline[2].at"), (at.Line, at.Column, at.Path));

        ScalarNode? key = root.RequiredMap("cluster").KeyNode("replicas");
        Assert.NotNull(key);
        Assert.Equal((3, 3, "cluster.replicas"), (key.Line, key.Column, key.Path));
    }

    [Fact]
    public void A_bad_value_reports_file_line_column_and_field_path()
    {
        MapNode third = Doc(Scenario).RequiredSeq("timeline")[2].AsMap();
        ScenarioDiagnostic d = Single(() => third.RequiredScalar("at").AsSeconds());
        Assert.Equal("scenarios/test.yaml:10:9: error: timeline[2].at: '10 minutes later' is not a duration; use a number and a unit, e.g. '10 min'", d.ToString());
    }

    [Fact]
    public void Optional_accessors_return_null_only_when_the_field_is_absent()
    {
        MapNode root = Doc("a: 1\nb: {c: 2}\nc: [1, 2]\nd:\n");
        Assert.Null(root.OptionalScalar("zz"));
        Assert.Null(root.OptionalMap("zz"));
        Assert.Null(root.OptionalSeq("zz"));
        Assert.Null(root.Get("zz"));
        Assert.Equal("1", root.OptionalScalar("a")?.Value);
        Assert.Equal(["c"], root.OptionalMap("b")?.Keys);
        Assert.Equal(2, root.OptionalSeq("c")?.Count);
        Assert.True(root.ContainsKey("d"));
        Assert.True(root.Get("d") is ScalarNode { IsNull: true });

        ScenarioDiagnostic empty = Single(() => root.OptionalScalar("d"));
        AssertAt(empty, 4, 3, "d");
        Assert.Equal("expected a single value but found nothing", empty.Message);
        Assert.Equal("give a value after the colon, or remove the field", empty.Suggestion);

        ScenarioDiagnostic emptyList = Single(() => root.OptionalSeq("d"));
        Assert.Equal("expected a list but found nothing", emptyList.Message);
        Assert.Equal("write [] for an empty list, or remove the field", emptyList.Suggestion);
    }

    [Fact]
    public void Missing_required_field_is_reported_at_the_map_with_the_field_path()
    {
        MapNode item = Doc("timeline:\n  - action: start\n").RequiredSeq("timeline")[0].AsMap();
        ScenarioDiagnostic d = Single(() => item.RequiredScalar("at"));
        AssertAt(d, 2, 5, "timeline[0].at");
        Assert.Equal("missing required field 'at'", d.Message);
    }

    [Fact]
    public void A_list_where_a_map_is_expected_is_reported_at_the_list()
    {
        MapNode root = Doc("cluster:\n  - replicas: 3\n");
        ScenarioDiagnostic d = Single(() => root.RequiredMap("cluster"));
        AssertAt(d, 2, 3, "cluster");
        Assert.Equal("expected a map of 'key: value' fields but found a list", d.Message);
        Assert.Equal("remove the '- ' in front of the fields", d.Suggestion);
    }

    [Fact]
    public void Other_wrong_kinds_are_reported_with_what_was_found()
    {
        MapNode root = Doc("a: {x: 1}\nb: text\nc: [1]\n");
        Assert.Equal("expected a single value but found a map", Single(() => root.RequiredScalar("a")).Message);
        ScenarioDiagnostic list = Single(() => root.RequiredSeq("b"));
        Assert.Equal("expected a list but found the value 'text'", list.Message);
        AssertAt(list, 2, 4, "b");
        Assert.Equal("expected a map of 'key: value' fields but found the value 'text'", Single(() => root.RequiredMap("b")).Message);
        Assert.Equal("expected a single value but found a list", Single(() => root.RequiredScalar("c")).Message);
    }

    [Fact]
    public void Unknown_keys_are_all_reported_with_did_you_mean()
    {
        MapNode root = Doc("name: x\ndns_ttll: 60 s\nreplicas: 3\nzzz_unrelated: 1\n");
        ScenarioException e = Fails(() => root.EnsureOnlyKnownKeys("name", "dns_ttl", "replicas"));
        Assert.Equal(2, e.Diagnostics.Count);
        AssertAt(e.Diagnostics[0], 2, 1, "dns_ttll");
        Assert.Equal("unknown field 'dns_ttll'; did you mean 'dns_ttl'?", e.Diagnostics[0].FullMessage);
        AssertAt(e.Diagnostics[1], 4, 1, "zzz_unrelated");
        Assert.Equal("unknown field 'zzz_unrelated'; expected one of: name, dns_ttl, replicas", e.Diagnostics[1].FullMessage);
        Assert.Contains("scenarios/test.yaml:2:1: error: dns_ttll: unknown field 'dns_ttll'; did you mean 'dns_ttl'?", e.Message, StringComparison.Ordinal);

        root.EnsureOnlyKnownKeys("name", "dns_ttll", "replicas", "zzz_unrelated");
    }

    [Fact]
    public void Unknown_nested_key_has_its_full_path()
    {
        MapNode cluster = Doc("cluster:\n  replicas: 3\n  Replicas: 4\n").RequiredMap("cluster");
        ScenarioDiagnostic d = Single(() => cluster.EnsureOnlyKnownKeys("replicas"));
        AssertAt(d, 3, 3, "cluster.Replicas");
        Assert.Equal("did you mean 'replicas'?", d.Suggestion);
    }

    [Fact]
    public void Duplicate_keys_are_all_reported_with_both_lines()
    {
        ScenarioException e = Fails(() => Doc("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n"));
        Assert.Equal(2, e.Diagnostics.Count);
        AssertAt(e.Diagnostics[0], 4, 3, "");
        Assert.Equal("duplicate key 'c' (first written at line 3)", e.Diagnostics[0].Message);
        AssertAt(e.Diagnostics[1], 5, 1, "");
        Assert.Equal("duplicate key 'a' (first written at line 1)", e.Diagnostics[1].Message);
    }

    [Fact]
    public void Same_key_in_different_maps_is_not_a_duplicate()
    {
        MapNode root = Doc("x:\n  - {at: 1}\n  - {at: 2}\ny:\n  at: 3\n");
        Assert.Equal(2, root.RequiredSeq("x").Count);
    }

    [Fact]
    public void Malformed_yaml_is_a_diagnostic_at_the_line_of_the_error()
    {
        ScenarioDiagnostic d = Single(() => Doc("name: x\ncluster:\n  replicas: 3\n dns_ttl: 60 s\n"));
        AssertAt(d, 4, 2, "");
        Assert.StartsWith("malformed YAML: ", d.Message, StringComparison.Ordinal);
        Assert.Equal("check this line's indentation against the lines above", d.Suggestion);
    }

    [Theory]
    [InlineData("a: b: c\n", 1, 5, "check the indentation, and put quotes around values that contain ': '")]
    [InlineData("a: {b: 1\n", 2, 1, "check for a missing ',' or closing bracket")]
    [InlineData("a: 'unterminated\n", 1, 4, "check for a missing closing quote")]
    [InlineData("key: value\n\tother: 1\n", 2, 1, "indent with spaces; YAML does not allow tabs for indentation")]
    [InlineData("- a\nb: 1\n", 2, 1, "check the indentation; a list and 'key: value' fields cannot share a level")]
    public void Malformed_yaml_forms_give_line_column_and_hint(string yaml, int line, int column, string hint)
    {
        ScenarioDiagnostic d = Single(() => Doc(yaml));
        AssertAt(d, line, column, "");
        Assert.StartsWith("malformed YAML: ", d.Message, StringComparison.Ordinal);
        Assert.Equal(hint, d.Suggestion);
    }

    [Fact]
    public void Parser_failures_without_a_yaml_exception_still_become_diagnostics()
    {
        // YamlDotNet throws InvalidOperationException here; the reader reports the last position it reached.
        ScenarioDiagnostic d = Single(() => Doc("a: [1, 2\nb: 3\n"));
        AssertAt(d, 1, 6, "");
        Assert.Contains("malformed YAML", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_alias_is_reported_where_it_is_used()
    {
        ScenarioDiagnostic d = Single(() => Doc("a: 1\nb: *missing\n"));
        AssertAt(d, 2, 4, "");
        Assert.Equal("the alias '*missing' refers to no anchor defined before it; define it earlier with '&missing'", d.FullMessage);
    }

    [Fact]
    public void Aliases_and_merge_keys_are_resolved_with_own_fields_winning()
    {
        MapNode root = Doc("""
            defaults: &d
              replicas: 3
              dns_ttl: 60 s
            a:
              <<: *d
              replicas: 5
            b: *d
            """);
        MapNode a = root.RequiredMap("a");
        Assert.Equal(["replicas", "dns_ttl"], a.Keys);
        Assert.Equal(5, a.RequiredScalar("replicas").AsCount());
        ScalarNode ttl = a.RequiredScalar("dns_ttl");
        Assert.Equal(("a.dns_ttl", 3, 12), (ttl.Path, ttl.Line, ttl.Column));
        Assert.Equal(3, root.RequiredMap("b").RequiredScalar("replicas").AsCount());
        Assert.Equal("b.replicas", root.RequiredMap("b").RequiredScalar("replicas").Path);
    }

    [Fact]
    public void A_merge_key_must_name_a_map()
    {
        ScenarioDiagnostic d = Single(() => Doc("a:\n  <<: 3\n  x: 1\n"));
        AssertAt(d, 2, 7, "a.<<");
    }

    [Fact]
    public void Complex_keys_are_refused()
    {
        ScenarioDiagnostic d = Single(() => Doc("? [1, 2]\n: x\n"));
        AssertAt(d, 1, 3, "");
        Assert.Equal("a key must be a plain name, not a list", d.Message);
    }

    [Fact]
    public void Recursive_alias_is_a_diagnostic_not_a_crash()
    {
        ScenarioDiagnostic d = Single(() => Doc("a: &a [1, *a]\n"));
        AssertAt(d, 1, 11, ""); // at the alias, found before the document is loaded
        Assert.Equal("the alias '*a' is inside the value it names, so the value would contain itself", d.Message);

        ScenarioDiagnostic merge = Single(() => Doc("a: &a\n  x: 1\n  <<: *a\n"));
        AssertAt(merge, 3, 7, ""); // at the alias
        Assert.Equal("the alias '*a' is inside the value it names, so the value would contain itself", merge.Message);
    }

    [Fact]
    public void Alias_bombs_are_stopped()
    {
        string yaml = "a: &a [1,1,1,1,1,1,1,1,1,1]\n";
        for (char c = 'b'; c <= 'g'; c++)
        {
            char prev = (char)(c - 1);
            yaml += $"{c}: &{c} [{string.Join(",", Enumerable.Repeat($"*{prev}", 10))}]\n";
        }

        ScenarioDiagnostic d = Single(() => Doc(yaml));
        Assert.Equal("the document expands to more than 1000000 values", d.Message);
        Assert.StartsWith("f[", d.FieldPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        string yaml = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        ScenarioDiagnostic d = Single(() => Doc(yaml));
        AssertAt(d, 1, 4 + YamlDocumentReader.MaxDepth - 1, "");
        Assert.Equal($"nested more than {YamlDocumentReader.MaxDepth} levels deep", d.Message);
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        Assert.Equal(["a"], Doc("\uFEFFa: 1\n").Keys);
    }

    [Fact]
    public void Empty_file_multiple_documents_and_non_map_root_are_reported()
    {
        ScenarioDiagnostic empty = Single(() => Doc("# nothing but a comment\n"));
        Assert.Equal("the file is empty (no YAML document, only blanks or comments)", empty.Message);
        AssertAt(empty, 1, 1, "");

        ScenarioDiagnostic two = Single(() => Doc("a: 1\n---\nb: 2\n"));
        AssertAt(two, 2, 1, "");
        Assert.Equal("the file holds 2 YAML documents; a scenario file holds one", two.Message);

        ScenarioDiagnostic list = Single(() => Doc("- a\n- b\n"));
        AssertAt(list, 1, 1, "");
        Assert.Equal("expected a map of 'key: value' fields but found a list at the top of the file", list.Message);

        ScenarioNode any = YamlDocumentReader.ParseNode("- a\n- b\n", FileName);
        Assert.Equal(["a", "b"], any.AsSeq().Scalars().Select(s => s.Value));
        Assert.Equal("[1]", any.AsSeq()[1].Path);
    }

    [Fact]
    public void Scalars_keep_their_text_and_know_null_and_quoting()
    {
        MapNode root = Doc("a: ~\nb: null\nc: 'null'\nd: \"90 s\"\ne: |\n  line\n");
        Assert.True(root.Get("a") is ScalarNode { IsNull: true });
        Assert.True(root.Get("b") is ScalarNode { IsNull: true });
        ScalarNode c = root.RequiredScalar("c");
        Assert.False(c.IsNull);
        Assert.True(c.IsQuoted);
        Assert.Equal("null", c.Value);
        Assert.Equal(90, root.RequiredScalar("d").AsSeconds());
        Assert.Equal("line\n", root.RequiredScalar("e").Value);
    }

    [Fact]
    public void Seq_helpers_check_counts_and_kinds()
    {
        SeqNode seq = Doc("l: [1, {a: 2}]\n").RequiredSeq("l");
        ScenarioDiagnostic kind = Single(() => seq.Scalars().ToList());
        AssertAt(kind, 1, 8, "l[1]");
        ScenarioDiagnostic count = Single(() => seq.RequireCount(3, 3));
        AssertAt(count, 1, 4, "l");
        Assert.Equal("expected exactly 3 items but found 2", count.Message);
        Assert.Same(seq, seq.RequireCount(1));
        Assert.Equal(2, seq.Count());
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_as_given()
    {
        string dir = Directory.CreateTempSubdirectory("hasim-yaml-").FullName;
        try
        {
            string path = Path.Combine(dir, "s.yaml");
            File.WriteAllText(path, "a: 1\nb: [oops\n");
            ScenarioDiagnostic d = Single(() => YamlDocumentReader.Load(path));
            Assert.Equal(path, d.FilePath);
            Assert.Equal(3, d.Line);

            File.WriteAllText(path, "a: 1\n");
            Assert.Equal(path, YamlDocumentReader.Load(path).RequiredScalar("a").FilePath);

            ScenarioDiagnostic missing = Single(() => YamlDocumentReader.Load(Path.Combine(dir, "nope.yaml")));
            Assert.Equal(0, missing.Line);
            Assert.Equal("cannot read the scenario file: file not found", missing.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
