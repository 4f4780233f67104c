using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace HaSim.Cli.Tests;

/// <summary>Validates JUnit XML against the common JUnit schema (junit/junit.xsd) and checks that its counts agree with its test cases.</summary>
internal static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(RepoPaths.Root, "tests", "HaSim.Cli.Tests", "junit", "junit.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    /// <summary>Every schema error of <paramref name="path"/>, and every count that disagrees with the test cases (none for a valid report).</summary>
    public static List<string> Problems(string path)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using (var reader = XmlReader.Create(path, settings))
        {
            while (reader.Read())
            {
            }
        }

        var doc = XDocument.Load(path);
        foreach (var suite in doc.Root!.Elements("testsuite").Append(doc.Root!))
        {
            var cases = suite.DescendantsAndSelf("testcase").ToList();
            Check(suite, "tests", cases.Count, problems);
            Check(suite, "failures", cases.Count(c => c.Element("failure") is not null), problems);
            Check(suite, "errors", cases.Count(c => c.Element("error") is not null), problems);
            Check(suite, "skipped", cases.Count(c => c.Element("skipped") is not null), problems);
        }

        return problems;
    }

    private static void Check(XElement suite, string attribute, int actual, List<string> problems)
    {
        if (suite.Attribute(attribute) is { } a && a.Value != actual.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            problems.Add($"{suite.Name.LocalName} {attribute}=\"{a.Value}\" but {actual} test cases");
        }
    }
}
