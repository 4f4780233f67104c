using System.Diagnostics;
using HaSim.Benchmarks.Models;

namespace HaSim.Benchmarks;

/// <summary>
/// <c>--quick</c>: runs each model once per round (after one warm-up round) and prints wall
/// time, events, events per second and allocated bytes per event, without BenchmarkDotNet.
/// Each round runs a model's bare loop and kernel version back to back, so the kernel/bare
/// ratio is taken within a round (the median over rounds is shown) and drifts in machine load
/// affect both sides alike. An optional filter (<c>--quick 5 timeouts</c>) keeps only the
/// models whose name contains it.
/// </summary>
public static class QuickRun
{
    private static readonly Model[] Models =
    [
        new("machine-repair", () => MachineRepair.RunBare(), () => MachineRepair.RunKernel(), ModelChecks.MachineRepair),
        new("timeouts-only", () => TimeoutsOnly.RunBare(), () => TimeoutsOnly.RunKernel(), ModelChecks.TimeoutsOnly),
    ];

    public static int Run(int rounds, string? filter = null)
    {
        var models = Models.Where(m => filter is null || m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToArray();
        Console.WriteLine($"quick mode: {rounds} timed round(s) after 1 warm-up; wall ms is the best round, ratio the median of per-round kernel/bare ratios");
        Console.WriteLine();
        Console.WriteLine($"{"model",-22} {"wall ms",9} {"events",11} {"events/s",13} {"ratio",6} {"B/event",9} {"steady B/event",15} {"throughput",11} {"mean wait",10}");
        foreach (var model in models)
        {
            model.Check(model.Bare());
            model.Check(model.Kernel());
            var bare = new Timing[rounds];
            var kernel = new Timing[rounds];
            for (int round = 0; round < rounds; round++)
            {
                bare[round] = Time(model.Bare, model.Check);
                kernel[round] = Time(model.Kernel, model.Check);
            }

            var ratios = bare.Zip(kernel, (b, k) => k.Milliseconds / b.Milliseconds).Order().ToArray();
            double medianRatio = ratios[ratios.Length / 2];
            Print(model.Name + " bare", bare, 1.0);
            Print(model.Name + " kernel", kernel, medianRatio);
        }

        return 0;
    }

    private static Timing Time(Func<ModelResult> run, Func<ModelResult, double> check)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        check(result);
        return new Timing(watch.Elapsed.TotalMilliseconds, bytes, result);
    }

    private static void Print(string name, Timing[] timings, double ratio)
    {
        var best = timings.MinBy(t => t.Milliseconds);
        var r = best.Result;
        Console.WriteLine(
            $"{name,-22} {best.Milliseconds,9:F1} {r.Events,11:N0} {r.Events / (best.Milliseconds / 1000),13:N0} {ratio,6:F2} {(double)best.Bytes / r.Events,9:F3} {(double)r.SteadyAllocatedBytes / r.SteadyEvents,15:F4} {r.Throughput,11:F4} {r.MeanWait,10:F2}");
    }

    private sealed record Model(string Name, Func<ModelResult> Bare, Func<ModelResult> Kernel, Func<ModelResult, double> Check);

    private readonly record struct Timing(double Milliseconds, long Bytes, ModelResult Result);
}
