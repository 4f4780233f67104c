namespace HaSim.Reports.Schemas;

/// <summary>Every file kind with a JSON Schema (<c>hasim schema</c>, the files under <c>schemas/</c>).</summary>
public static class FileSchemas
{
    /// <summary>The file kinds, in the order <c>hasim schema --help</c> lists them.</summary>
    public static IReadOnlyList<FileSchema> All { get; } = [new ScenarioFileSchema(), new FleetFileSchema(), new BudgetsFileSchema()];

    /// <summary>The file kind named <paramref name="kind"/> (ignoring case), or null.</summary>
    public static FileSchema? Find(string kind) => All.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.OrdinalIgnoreCase));
}
