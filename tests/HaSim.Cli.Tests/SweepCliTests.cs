namespace HaSim.Cli.Tests;

public class SweepCliTests
{
    private const string Fleet = """
        name: sweep-cli
        seed: 5
        fleet:
          groups:
            - {name: endpoints, preset: serverless, count: 45}
          capacity:
            compute.spare_slots_per_az: 0
            compute.warm_pool_per_az: 0
        timeline:
          - {at: 10 min, target: az-1, fault: outage, duration: 1 h}
        cost:
          prices: example
          currency: USD
          server_vm_per_hour: 0.04
          spare_slot_per_hour: 0.01
          sla_credit:
            monthly_bill: 50
        """;

    [Fact]
    public void Sweep_files_are_byte_identical_for_any_thread_count()
    {
        string file = CliHarness.WriteScenario(Fleet);
        string a = Path.Combine(CliHarness.TempDirectory(), "a");
        string b = Path.Combine(CliHarness.TempDirectory(), "b");
        string[] args = ["sweep", file, "--param", "compute.spare_slots_per_az=0,4,8", "--param", "compute.warm_pool_per_az=0,2", "--replications", "6", "--goal", "max client_rto <= 4 min", "--figure", "mean client_rto"];
        var one = CliHarness.Run([.. args, "--threads", "1", "--out", a]);
        var three = CliHarness.Run([.. args, "--threads", "3", "--out", b]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(0, three.Exit);
        foreach (var name in new[] { "sweep.csv", "sweep.json", "sweep.txt" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, name)), File.ReadAllBytes(Path.Combine(b, name)));
        }

        string csv = File.ReadAllText(Path.Combine(a, "sweep.csv"));
        Assert.Equal(7, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 6 points
        Assert.Contains("\"format\": \"hasim.sweep/1\"", File.ReadAllText(Path.Combine(a, "sweep.json")), StringComparison.Ordinal);
        Assert.Equal(one.Out.Replace(a, b, StringComparison.Ordinal), three.Out);
        Assert.Contains("cheapest point whose whole interval meets it", one.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_no_point_meets_exits_1()
    {
        string file = CliHarness.WriteScenario(Fleet);
        var r = CliHarness.Run("sweep", file, "--param", "compute.spare_slots_per_az=0,1", "--replications", "4", "--goal", "max client_rto <= 10 s", "--no-files");
        Assert.Equal(1, r.Exit);
        Assert.Contains("no point meets it", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute.spare_slot_per_az=1,2", "did you mean 'compute.spare_slots_per_az'")]
    [InlineData("compute.spare_slots_per_az=8..0", "before it starts")]
    [InlineData("compute.spare_slots_per_az", "has no '='")]
    [InlineData("compute.spare_slots_per_az=0..300", "at most 256 points")]
    [InlineData("compute.spare_slots_per_az=1,many", "many")]
    [InlineData("endpoints.count=0", "endpoints.count")]
    public void Bad_parameters_exit_2_naming_the_option(string param, string message)
    {
        string file = CliHarness.WriteScenario(Fleet);
        var r = CliHarness.Run("sweep", file, "--param", param, "--no-files");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--param", r.Err, StringComparison.Ordinal);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicting_or_unmeasurable_requests_exit_2()
    {
        string file = CliHarness.WriteScenario(Fleet);
        Assert.Equal(2, CliHarness.Run("sweep", file, "--param", "compute.spare_slots_per_az=1", "--grid", "--one-at-a-time", "--no-files").Exit);
        var years = CliHarness.Run("sweep", file, "--param", "compute.spare_slots_per_az=1", "--figure", "availability", "--no-files");
        Assert.Equal(2, years.Exit);
        Assert.Contains("--years", years.Err, StringComparison.Ordinal);
        var goal = CliHarness.Run("sweep", file, "--param", "compute.spare_slots_per_az=1", "--goal", "p99 client_rtoo <= 5 min", "--no-files");
        Assert.Equal(2, goal.Exit);
        Assert.Contains("--goal:1:", goal.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_cost_section_exits_2_with_its_line_and_field()
    {
        string file = CliHarness.WriteScenario(Fleet.Replace("server_vm_per_hour: 0.04", "server_vm_per_hour: -1", StringComparison.Ordinal));
        var r = CliHarness.Run("sweep", file, "--param", "compute.spare_slots_per_az=1", "--no-files");
        Assert.Equal(2, r.Exit);
        Assert.Matches(@"scenario\.yaml:14:\d+: error: cost\.server_vm_per_hour: '-1' is not a price", r.Err);
    }

    [Fact]
    public void Help_shows_examples()
    {
        var r = CliHarness.Run("sweep", "--help");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Examples:", r.Out, StringComparison.Ordinal);
        Assert.Contains("--one-at-a-time", r.Out, StringComparison.Ordinal);
    }
}
