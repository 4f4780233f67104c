using System.Diagnostics;
using System.Security.Cryptography;
using HaSim.Cli.Tests.Fuzz;
using HaSim.Reports.Output;
using Xunit.Abstractions;

namespace HaSim.Cli.Tests;

/// <summary>
/// Result sets appear whole or not at all: interrupted at any moment (in-process at every stage of
/// the run and the write, and by real SIGINT, SIGTERM and SIGKILL), on a full disk or an unwritable
/// destination, a folder holds the previous complete result or the new one, never a mix, and no
/// temporary folder is left behind (a killed process's is cleaned up by the next write).
/// </summary>
[Collection(FuzzCollection.Name)]
public class OutputSafetyTests(ITestOutputHelper log)
{
    private const string Scenario = "preset: aiven-business\ntimeline:\n  - {at: 10 min, target: primary, fault: fail}\n  - {at: 2 h, target: az-1, fault: outage, duration: 1 h}\n";

    [Fact]
    public void Interrupted_at_any_point_a_folder_holds_the_previous_or_the_new_complete_result()
    {
        string dir = CliHarness.TempDirectory();
        string file = Path.Combine(dir, "s.yaml");
        File.WriteAllText(file, Scenario);
        string scripted = Path.Combine(dir, "scripted");
        string monteCarlo = Path.Combine(dir, "mc");
        Assert.Equal(0, Contract.Run("run", file, "--out", scripted, "--seed", "1").Exit);
        Assert.Equal(0, Contract.Run("run", file, "--years", "1", "--replications", "40", "--quiet", "--out", monteCarlo, "--seed", "1").Exit);
        var previous = (Snapshot(scripted), Snapshot(monteCarlo));
        var random = new Random(8);
        int trials = 0, previousKept = 0, newWritten = 0;
        for (int i = 0; i < 120; i++, trials++)
        {
            bool mc = i % 2 == 1;
            string target = mc ? monteCarlo : scripted;
            string[] args = mc
                ? ["run", file, "--years", "1", "--replications", "40", "--quiet", "--threads", "2", "--out", target, "--seed", (2 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)]
                : ["run", file, "--out", target, "--seed", (2 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            using var interruption = Interruption.Manual();
            int code = i % 3 == 0 ? ExitCodes.Terminated : ExitCodes.Cancelled;

            // Every fourth trial is interrupted before it starts and every fourth not at all, so both
            // outcomes occur; the rest at a random moment of the run or the write.
            int delayMicroseconds = random.Next(0, mc ? 20_000 : 3_000);
            var stopper = new Thread(() =>
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalMicroseconds < delayMicroseconds)
                {
                    Thread.SpinWait(50);
                }

                interruption.Request(code);
            });
            if (i % 4 == 0)
            {
                interruption.Request(code);
            }
            else if (i % 4 != 3)
            {
                stopper.Start();
            }

            int exit = HasimCli.Run(args, new StringWriter(), new StringWriter(), interruption);
            if (stopper.IsAlive || stopper.ThreadState != System.Threading.ThreadState.Unstarted)
            {
                stopper.Join();
            }
            Assert.True(exit == ExitCodes.Success || exit == code, $"trial {i}: exit {exit}");

            var now = Snapshot(target);
            var before = mc ? previous.Item2 : previous.Item1;
            AssertComplete(target, now);
            if (now.SequenceEqual(before))
            {
                previousKept++;
            }
            else
            {
                newWritten++;
                if (mc)
                {
                    previous.Item2 = now;
                }
                else
                {
                    previous.Item1 = now;
                }
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(dir, ".*", SearchOption.AllDirectories));
        }

        log.WriteLine($"{trials} interrupted runs: {previousKept} left the previous complete result, {newWritten} the new complete result, 0 mixed, 0 temporary folders left");
        Assert.True(previousKept > 0 && newWritten > 0, "the trials must interrupt both before and after the results are in place");
    }

    [Theory]
    [InlineData("SIGINT", ExitCodes.Cancelled)]
    [InlineData("SIGTERM", ExitCodes.Terminated)]
    public void A_real_signal_stops_a_run_with_its_exit_code_and_a_message(string signal, int expected)
    {
        if (signal == "SIGINT" && SigIntIgnored())
        {
            // Started as a background job: SIGINT is ignored for this process and its children, so
            // no program here can see it; SIGTERM below is delivered all the same.
            log.WriteLine("SIGINT is ignored in this process (a background job); only SIGTERM is sent");
            return;
        }

        string dir = CliHarness.TempDirectory();
        string file = Path.Combine(dir, "s.yaml");
        File.WriteAllText(file, "preset: serverless\n");
        string output = Path.Combine(dir, "out");
        using var process = StartHasim(["run", file, "--years", "100", "--replications", "1000000", "--out", output, "--max-events", "100000000000"], dir);

        // Wait (by its own output, not the clock) until the run has started, then signal it.
        Assert.Contains("a large run", process.StandardError.ReadLine(), StringComparison.Ordinal);
        Assert.Equal(0, Kill(process.Id, signal));
        process.WaitForExit();
        string err = process.StandardError.ReadToEnd();
        Assert.Equal(expected, process.ExitCode);
        Assert.Contains($"interrupted by {(signal == "SIGTERM" ? "SIGTERM" : "SIGINT")}", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir, ".*"));
    }

    [Fact]
    public void After_a_kill_the_next_write_cleans_up_and_the_previous_result_is_intact()
    {
        string dir = CliHarness.TempDirectory();
        string file = Path.Combine(dir, "s.yaml");
        File.WriteAllText(file, "preset: serverless\n");
        string output = Path.Combine(dir, "out");
        Assert.Equal(0, Contract.Run("run", file, "--years", "1", "--replications", "4", "--quiet", "--out", output).Exit);
        var before = Snapshot(output);
        using (var process = StartHasim(["run", file, "--years", "100", "--replications", "1000000", "--out", output, "--max-events", "100000000000"], dir))
        {
            Assert.Contains("a large run", process.StandardError.ReadLine(), StringComparison.Ordinal);
            process.Kill();
            process.WaitForExit();
        }

        Assert.Equal(before, Snapshot(output));
        Assert.Single(Directory.EnumerateDirectories(dir, ".out.hasim-tmp-*")); // what a kill leaves
        Assert.Equal(0, Contract.Run("run", file, "--years", "1", "--replications", "4", "--quiet", "--out", output).Exit);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir, ".*"));
        AssertComplete(output, Snapshot(output));
    }

    [Fact]
    public void A_full_disk_leaves_the_previous_result_intact_and_nothing_else()
    {
        string dir = CliHarness.TempDirectory();
        string output = Path.Combine(dir, "out");
        using (var first = ResultFolder.Create(output))
        {
            first.WriteText("summary.json", "{}\n");
            first.WriteText("trace.jsonl", "a\n");
            first.Commit();
        }

        var before = Snapshot(output);
        foreach (int room in new[] { 0, 3, 10, 100 })
        {
            using var folder = ResultFolder.Create(output, stream => new FullDisk(stream, room));
            var e = Record.Exception(() =>
            {
                folder.WriteText("trace.jsonl", new string('x', 60));
                folder.WriteText("summary.json", "{\"new\": true}\n");
                folder.Commit();
            });
            Assert.IsType<IOException>(e);
            Assert.Contains("No space left on device", e.Message, StringComparison.Ordinal);
            folder.Dispose();
            Assert.Equal(before, Snapshot(output));
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir, ".*"));
        }
    }

    [Fact]
    public void A_full_disk_under_the_command_line_exits_74_and_keeps_the_previous_result()
    {
        // A real full filesystem where the machine lets us mount one (CI runs as root); the same
        // outcome is shown for any machine by the injected full disk above.
        string dir = CliHarness.TempDirectory();
        string mount = Path.Combine(dir, "tiny");
        Directory.CreateDirectory(mount);
        if (!Mount(mount))
        {
            log.WriteLine("tmpfs could not be mounted here; the injected full disk covers this case");
            return;
        }

        try
        {
            string file = Path.Combine(dir, "s.yaml");
            File.WriteAllText(file, "preset: serverless\ntimeline:\n  - {at: 1 min, target: compute, fault: crash}\n");
            string output = Path.Combine(mount, "out");
            Assert.Equal(0, Contract.Run("run", file, "--out", output).Exit);
            var before = Snapshot(output);
            File.WriteAllBytes(Path.Combine(mount, "filler"), new byte[FreeBytes(mount)]);
            var full = Contract.Run("run", file, "--out", output, "--seed", "9");
            Assert.Equal(ExitCodes.OutputFailed, full.Exit);
            Assert.Contains("Earlier results are untouched", full.Err, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(output));
            Assert.Empty(Directory.EnumerateFileSystemEntries(mount, ".*"));
        }
        finally
        {
            RunTool("umount", mount);
        }
    }

    [Theory]
    [InlineData("../../../escaped", "escaped")]
    [InlineData("/etc/hasim-escaped", "etc-hasim-escaped")]
    [InlineData("..", "scenario")]
    [InlineData(".", "scenario")]
    [InlineData("\"a\\0b\"", "a-b")]
    [InlineData("\"tab\\there\"", "tab-here")]
    [InlineData("x/../../y", "x-..-..-y")]
    public void A_scenario_name_never_chooses_the_path(string name, string folder)
    {
        string dir = CliHarness.TempDirectory();
        string work = Path.Combine(dir, "a", "b", "c");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "s.yaml"), $"name: {name}\npreset: serverless\n");
        var (exit, _, err) = InDirectory(work, "run", "s.yaml");
        Assert.True(exit == ExitCodes.Success, err);
        Assert.True(File.Exists(Path.Combine(work, "results", folder, "summary.json")), string.Join(", ", Directory.EnumerateFileSystemEntries(Path.Combine(work, "results"))));
        Assert.Equal(["a"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal(["results", "s.yaml"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists("/etc/hasim-escaped/summary.json"));
    }

    [Fact]
    public void A_long_name_gives_a_bounded_folder_name()
    {
        Assert.Equal(ResultFolder.MaxSlugLength, ResultFolder.Slug(new string('n', 500)).Length);
        Assert.Equal("a-b", ResultFolder.Slug("a\u0000\u0001b"));
        Assert.Equal("x", ResultFolder.Slug("..x"));
    }

    [Theory]
    [InlineData("", "the output directory is empty")]
    [InlineData(" ", "the output directory is empty")]
    [InlineData("/", "is a filesystem root")]
    [InlineData(".", "is the working directory or contains it")]
    [InlineData("..", "is the working directory or contains it")]
    public void An_unusable_out_is_refused_before_the_run(string output, string message)
    {
        string dir = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "s.yaml"), "preset: serverless\n");
        var before = WorkCountersEvents();
        var (exit, _, err) = InDirectory(dir, "run", "s.yaml", "--out", output);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Equal(before, WorkCountersEvents()); // refused before anything ran
    }

    [Fact]
    public void An_unwritable_or_foreign_out_is_refused_before_the_run_and_left_as_it_was()
    {
        string dir = CliHarness.TempDirectory();
        string file = Path.Combine(dir, "s.yaml");
        File.WriteAllText(file, "preset: serverless\n");
        string notes = Path.Combine(dir, "notes");
        Directory.CreateDirectory(notes);
        File.WriteAllText(Path.Combine(notes, "mine.txt"), "keep me");
        long before = WorkCountersEvents();

        var underFile = Contract.Run("run", file, "--years", "1", "--out", Path.Combine(file, "out"));
        Assert.Equal(ExitCodes.BadInput, underFile.Exit);
        Assert.Contains("cannot write to", underFile.Err, StringComparison.Ordinal);

        var foreign = Contract.Run("run", file, "--out", notes);
        Assert.Equal(ExitCodes.BadInput, foreign.Exit);
        Assert.Contains("holds files HaSim did not write (mine.txt)", foreign.Err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(notes, "mine.txt")));

        var isFile = Contract.Run("merge", dir, "--out", file);
        Assert.Equal(ExitCodes.BadInput, isFile.Exit);
        Assert.Equal(before, WorkCountersEvents());
    }

    [Fact]
    public void A_scripted_run_keeps_the_monte_carlo_result_nested_in_its_folder()
    {
        string dir = CliHarness.TempDirectory();
        string file = Path.Combine(dir, "s.yaml");
        File.WriteAllText(file, Scenario);
        string output = Path.Combine(dir, "out");
        Assert.Equal(0, Contract.Run("run", file, "--out", output).Exit);
        Assert.Equal(0, Contract.Run("run", file, "--years", "1", "--replications", "4", "--quiet", "--out", Path.Combine(output, "monte-carlo")).Exit);
        var nested = Snapshot(Path.Combine(output, "monte-carlo"));
        Assert.Equal(0, Contract.Run("run", file, "--out", output, "--seed", "5").Exit);
        Assert.Equal(nested, Snapshot(Path.Combine(output, "monte-carlo")));
        AssertComplete(output, Snapshot(output));
    }

    /// <summary>Every file the manifest lists is there with its digest, and nothing else but nested result folders.</summary>
    internal static void AssertComplete(string folder, IReadOnlyList<(string Path, string Sha)> files)
    {
        var manifest = ResultFolder.ReadManifest(folder);
        Assert.NotNull(manifest);
        var listed = manifest!.Select(kv => (kv.Key, kv.Value.Sha256)).Append((ResultFolder.ManifestFile, Sha(Path.Combine(folder, ResultFolder.ManifestFile))));
        Assert.Equal(listed.Order(), files.Where(f => !f.Path.Contains('/', StringComparison.Ordinal) || manifest.ContainsKey(f.Path)).Order());
    }

    internal static List<(string Path, string Sha)> Snapshot(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), Sha(f)))
            .Order()];

    private static string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    private static long WorkCountersEvents() => HaSim.Scenarios.Running.WorkCounters.Runs;

    internal static (int Exit, string Out, string Err) InDirectory(string dir, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        lock (CliHarness.CurrentDirectoryLock)
        {
            string previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(dir);
            try
            {
                using var interruption = Interruption.Manual();
                return (HasimCli.Run(args, output, error, interruption), output.ToString(), error.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }

    private static Process StartHasim(string[] args, string dir)
    {
        string hasim = Path.Combine(AppContext.BaseDirectory, "hasim.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(hasim);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(info)!;
    }

    private static bool SigIntIgnored()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
    }

    private static int Kill(int pid, string signal) => RunTool("kill", "-" + signal[3..], pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool Mount(string path) => OperatingSystem.IsLinux() && RunTool("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", path) == 0;

    private static long FreeBytes(string path) => new DriveInfo(path).AvailableFreeSpace;

    private static int RunTool(string tool, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    /// <summary>A stream that takes <c>room</c> bytes, then fails as a full disk does.</summary>
    private sealed class FullDisk(Stream inner, int room) : Stream
    {
        private int _left = room;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            int take = Math.Min(_left, count);
            inner.Write(buffer, offset, take);
            _left -= take;
            if (take < count)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
