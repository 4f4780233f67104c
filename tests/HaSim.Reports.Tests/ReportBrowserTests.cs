using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace HaSim.Reports.Tests;

/// <summary>
/// Opens each report in a real browser (headless Chromium from Debian, installed by .ci/run) and
/// checks what a reader sees: every chart is on the page and drawn, nothing is fetched from outside
/// the file, and the page logs no error.
/// </summary>
[Collection(ReportResultsCollection.Name)]
public sealed class ReportBrowserTests(ReportResults results)
{
    /// <summary>The browser: HASIM_CHROMIUM, else Debian's chromium.</summary>
    private static string Chromium => Environment.GetEnvironmentVariable("HASIM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task EveryChartOfEveryReportIsDrawnInABrowserWithoutErrors()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: the browser test needs Chromium (.ci/run installs Debian's 'chromium'; or set HASIM_CHROMIUM)");
        var launch = new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium,
            // Root in CI has no user namespace sandbox; a small /dev/shm in containers crashes tabs.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--font-render-hinting=none"],
            Timeout = 180_000, // a safety net on a loaded 2-core machine, not a measurement
        };
        await using var browser = await Puppeteer.LaunchAsync(launch);
        foreach (var files in results.All)
        {
            await using var page = await browser.NewPageAsync();
            page.DefaultTimeout = 180_000;
            var problems = new List<string>();
            page.Console += (_, e) =>
            {
                if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
                {
                    problems.Add($"console {e.Message.Type}: {e.Message.Text}");
                }
            };
            page.PageError += (_, e) => problems.Add("page error: " + e.Message);
            page.Request += (_, e) =>
            {
                if (!e.Request.Url.StartsWith("file://", StringComparison.Ordinal) && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    problems.Add("request outside the file: " + e.Request.Url);
                }
            };
            await page.SetViewportAsync(new ViewPortOptions { Width = 1366, Height = 900 });
            var response = await page.GoToAsync(new Uri(files.Html).AbsoluteUri, WaitUntilNavigation.Load);
            Assert.True(response is null || response.Ok, $"{files.Html}: the browser could not open it");

            var figures = await page.QuerySelectorAllAsync("figure[data-chart]");
            Assert.Equal(files.Charts, figures.Length);
            foreach (var figure in figures)
            {
                string id = await figure.EvaluateFunctionAsync<string>("f => f.dataset.chart");
                var svg = await figure.QuerySelectorAsync("svg");
                Assert.True(svg is not null, $"{files.Html}: chart {id} has no SVG");
                var box = await svg.BoundingBoxAsync();
                Assert.True(box is not null && box.Width > 400 && box.Height > 150, $"{files.Html}: chart {id} is {box?.Width}x{box?.Height} px on the page");
                string name = await svg.EvaluateFunctionAsync<string>("s => s.querySelector('title').textContent + ' | ' + s.querySelector('desc').textContent");
                Assert.True(name.Length > 20, $"{files.Html}: chart {id} has no accessible title and description");
                byte[] shot = await svg.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png });
                ImageStats.Of(shot).AssertNotBlank($"{files.Html}: chart {id} as the browser drew it");
            }

            // The tables next to the charts are there too, and the page is not wider than a laptop screen.
            Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('table').length") >= files.Charts);
            Assert.True(await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth") <= 1366, $"{files.Html}: the page scrolls sideways at 1366 px");
            Assert.True(problems.Count == 0, $"{files.Html}: " + string.Join("; ", problems));
        }
    }
}
