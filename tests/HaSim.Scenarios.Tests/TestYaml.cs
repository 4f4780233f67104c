using HaSim.Scenarios.Diagnostics;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Tests;

internal static class TestYaml
{
    public const string FileName = "scenarios/test.yaml";

    public static MapNode Doc(string yaml) => YamlDocumentReader.Parse(yaml, FileName);

    /// <summary>The scalar at key <c>v</c> of <c>v: value</c> (line 1, column 4).</summary>
    public static ScalarNode Value(string value) => Doc($"v: {value}\n").RequiredScalar("v");

    public static ScenarioException Fails(Action action) => Assert.Throws<ScenarioException>(action);

    public static ScenarioDiagnostic Single(Action action)
    {
        ScenarioException e = Fails(action);
        return Assert.Single(e.Diagnostics);
    }

    public static ScenarioDiagnostic Single<T>(Func<T> func) => Single(() => { _ = func(); });

    public static void AssertAt(ScenarioDiagnostic d, int line, int column, string path)
    {
        Assert.Equal(FileName, d.FilePath);
        Assert.Equal((line, column, path), (d.Line, d.Column, d.FieldPath));
    }
}
