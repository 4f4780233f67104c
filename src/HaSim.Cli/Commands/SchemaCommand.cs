using System.CommandLine;
using HaSim.Reports.Output;
using HaSim.Reports.Schemas;
using HaSim.Scenarios.Diagnostics;

namespace HaSim.Cli.Commands;

/// <summary><c>hasim schema</c>: prints the JSON Schema of a kind of HaSim file, or writes all of them.</summary>
internal static class SchemaCommand
{
    public static (Command, string[]) Create()
    {
        string kinds = string.Join(", ", FileSchemas.All.Select(s => s.Kind));
        var kind = new Argument<string?>("kind") { Description = $"The kind of file: {kinds}.", Arity = ArgumentArity.ZeroOrOne };
        var outDir = new Option<string?>("--out") { HelpName = "DIR", Description = "Write the schema (every kind's, without KIND) into this folder as hasim-KIND.schema.json instead of printing it." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of a kind of HaSim file, written from the grammar the loaders read and the parameter catalog, for editors and other tools. The repository publishes them under schemas/.")
        {
            kind,
            outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string? name = parse.GetValue(kind);
            string? folder = parse.GetValue(outDir);
            IReadOnlyList<FileSchema> chosen = name is null ? FileSchemas.All : [Find(name)];
            if (folder is null)
            {
                if (name is null)
                {
                    throw new CliInputException($"name the kind of file: hasim schema KIND (kinds: {kinds}), or write every schema with 'hasim schema --out schemas'");
                }

                output.Write(chosen[0].Write());
                return ExitCodes.Success;
            }

            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"cannot create the folder '{folder}': {e.Message}");
            }

            foreach (var schema in chosen)
            {
                string path = Path.Combine(folder, schema.FileName);
                AtomicFile.WriteAllText(path, schema.Write());
                output.WriteLine($"wrote {path}");
            }

            return ExitCodes.Success;
        });
        return (command, ["hasim schema scenario", "hasim schema budgets > budgets.schema.json", "hasim schema --out schemas"]);
    }

    private static FileSchema Find(string name)
    {
        if (FileSchemas.Find(name) is { } schema)
        {
            return schema;
        }

        string kinds = string.Join(", ", FileSchemas.All.Select(s => s.Kind));
        if (string.Equals(name, "sweep", StringComparison.OrdinalIgnoreCase))
        {
            // Sweep files have no grammar in this version; the kind appears here once one is declared.
            throw new CliInputException($"sweep files have no schema: this version of hasim has no sweep file format (kinds: {kinds})");
        }

        throw new CliInputException($"unknown kind of file '{name}'; " + (DidYouMean.Phrase(name, FileSchemas.All.Select(s => s.Kind)) ?? "kinds: " + kinds));
    }
}
