using System.Runtime.InteropServices;
using HaSim.Analysis.MonteCarlo;
using HaSim.Model.Presets;
using HaSim.Scenarios.Binding;
using HaSim.Scenarios.Running;

namespace HaSim.Benchmarks;

/// <summary>
/// <c>--worker-cpu [replications] [rounds] [filter]</c>: where the CPU of a second thread goes. Runs
/// each preset's replications on 1 and on 2 worker threads (alternated, after a warm-up), each worker
/// with its own tally as <see cref="MonteCarloRunner"/> has, and reads both the process's CPU time and
/// each worker's own (<c>CLOCK_THREAD_CPUTIME_ID</c>). If the workers' own CPU does not grow with the
/// second thread but the process's does, the extra is in the runtime's threads (GC, JIT), not in
/// contention between the workers.
/// </summary>
public static class WorkerCpuRun
{
    private const double Years = 100;
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    public static int Run(int replications, int rounds, string? filter)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("--worker-cpu reads each thread's CPU clock, which needs Linux.");
            return 2;
        }

        Console.WriteLine($"worker CPU: {replications} replications x {Years} years, 1 and 2 workers alternated {rounds} times after a warm-up; medians");
        Console.WriteLine();
        Console.WriteLine($"{"preset",-26} {"1: workers s",13} {"1: process s",13} {"2: workers s",13} {"2: process s",13} {"workers 2/1",12} {"process 2/1",12}");
        foreach (var preset in PresetCatalog.All.Where(p => filter is null || p.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            var scenario = ScenarioLoader.Parse($"preset: {preset.Name}\n", $"{preset.Name}.yaml");
            var settings = MonteCarloSettings.For(scenario, Years, replications, seed: 1);
            PresetQuickRun.WarmUp(scenario, settings, Math.Max(1, replications / 10));
            var one = new List<(double Workers, double Process)>();
            var two = new List<(double Workers, double Process)>();
            for (int r = 0; r < rounds; r++)
            {
                one.Add(Measure(scenario, settings, replications, 1));
                two.Add(Measure(scenario, settings, replications, 2));
            }

            double w1 = Median(one.Select(x => x.Workers)), p1 = Median(one.Select(x => x.Process));
            double w2 = Median(two.Select(x => x.Workers)), p2 = Median(two.Select(x => x.Process));
            double wr = Median(one.Zip(two, (a, b) => b.Workers / a.Workers)), pr = Median(one.Zip(two, (a, b) => b.Process / a.Process));
            Console.WriteLine($"{preset.Name,-26} {w1,13:F2} {p1,13:F2} {w2,13:F2} {p2,13:F2} {wr,12:F2} {pr,12:F2}");
        }

        return 0;
    }

    /// <summary>Runs the replications on <paramref name="workers"/> threads; returns the workers' summed CPU seconds and the process's.</summary>
    private static (double Workers, double Process) Measure(Scenario scenario, MonteCarloSettings settings, int replications, int workers)
    {
        GC.Collect();
        long next = -1;
        var cpu = new double[workers];
        var threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            int worker = w;
            threads[w] = new Thread(() =>
            {
                double start = ThreadCpu();
                var tally = new ReplicationTally(new MonteCarloAccumulator(settings));
                for (long k = Interlocked.Increment(ref next); k < replications; k = Interlocked.Increment(ref next))
                {
                    tally.Begin();
                    ReplicationRunner.Run(scenario, settings.Seed, k, settings.Years, tally);
                    tally.Complete();
                }

                cpu[worker] = ThreadCpu() - start;
            });
        }

        double process = PresetQuickRun.Cpu(() =>
        {
            foreach (var t in threads)
            {
                t.Start();
            }

            foreach (var t in threads)
            {
                t.Join();
            }
        });
        return (cpu.Sum(), process);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double ThreadCpu()
    {
        if (clock_gettime(ThreadCpuClock, out var now) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: error {Marshal.GetLastPInvokeError()}.");
        }

        return now.Seconds + (now.Nanoseconds * 1e-9);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
