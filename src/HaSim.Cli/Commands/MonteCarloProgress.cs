using System.Diagnostics;
using System.Globalization;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Running;
using Spectre.Console;

namespace HaSim.Cli.Commands;

/// <summary>
/// Runs a Monte Carlo job while showing its progress on stderr: a Spectre.Console progress bar with
/// ETA when stderr is a terminal, plain progress lines every few seconds otherwise, nothing with
/// --quiet. A run expected to simulate many failures is announced first with its estimate. Ctrl+C or
/// SIGTERM (<see cref="CliSession.Token"/>) stops the workers within a few thousand events (exit 130 or
/// 143, nothing written).
/// </summary>
internal static class MonteCarloProgress
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>How often plain progress lines are written.</summary>
    public static TimeSpan PlainInterval { get; set; } = TimeSpan.FromSeconds(10);

    public static T Run<T>(string label, RunProgress progress, TextWriter error, bool quiet, double expectedFailures, double simulatedYears, Func<CancellationToken, T> job)
    {
        var token = CliSession.Token;
        if (!quiet && expectedFailures > RunBudget.AnnounceAbove)
        {
            error.WriteLine(string.Create(C, $"hasim: {label}: a large run: {WorkEstimate.Describe(expectedFailures, expectedFailures / simulatedYears, simulatedYears)}; progress and an estimate of the time left follow."));
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var work = Task.Factory.StartNew(() => job(token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (quiet)
            {
                work.Wait(CancellationToken.None);
            }
            else if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
            {
                Bar(label, progress, work, clock);
            }
            else
            {
                Plain(label, progress, error, work, clock);
            }

            var result = work.GetAwaiter().GetResult();
            if (!quiet)
            {
                error.WriteLine(string.Create(C, $"hasim: {label}: {progress.Completed} of {progress.Total} replications in {clock.Elapsed.TotalSeconds:0.0} s"));
            }

            return result;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    private static void Bar(string label, RunProgress progress, Task work, Stopwatch clock)
    {
        var eta = new EtaEstimator(progress.Total);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TimesColumn(eta), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, progress.Total));
                while (!work.IsCompleted)
                {
                    task.Value = progress.Completed;
                    eta.Observe(clock.Elapsed.TotalSeconds, progress.Completed);
                    ctx.Refresh();
                    work.Wait(TimeSpan.FromMilliseconds(200));
                }

                task.Value = progress.Completed;
            });
    }

    private static void Plain(string label, RunProgress progress, TextWriter error, Task work, Stopwatch clock)
    {
        var eta = new EtaEstimator(progress.Total);
        eta.Observe(0, 0);
        while (!work.Wait(PlainInterval))
        {
            long done = progress.Completed;
            eta.Observe(clock.Elapsed.TotalSeconds, done);
            error.WriteLine(string.Create(C, $"hasim: {label}: {done}/{progress.Total} replications ({100.0 * done / Math.Max(1, progress.Total):0}%), {eta.Describe()}"));
        }
    }

    /// <summary>The bar's labelled times ("elapsed 0:12, left ~0:40") from the estimator the loop feeds.</summary>
    private sealed class TimesColumn(EtaEstimator eta) : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(eta.Describe());
    }
}
