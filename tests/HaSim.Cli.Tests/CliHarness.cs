namespace HaSim.Cli.Tests;

/// <summary>Runs <c>hasim</c> in-process from the repository root and captures its output.</summary>
internal static class CliHarness
{
    internal static readonly object CurrentDirectoryLock = new();

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit;
        lock (CurrentDirectoryLock)
        {
            string previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(RepoPaths.Root);
            try
            {
                exit = HasimCli.Run(args, output, error);
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }

        return (exit, output.ToString(), error.ToString());
    }

    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hasim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteScenario(string yaml)
    {
        string path = Path.Combine(TempDirectory(), "scenario.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
