using HaSim.Analysis.RareEvents;
using HaSim.Model.Architectures.Servers;
using HaSim.Model.Incidents;
using HaSim.Model.Parameters;

namespace HaSim.Analysis.Tests.RareEvents;

public sealed class YearMarksTests
{
    private const double Year = Units.SecondsPerYear;

    private static Incident At(double start, double downSeconds, double rpo = 0, bool recovered = true) =>
        Incident.Recorded(1, ServerNames.Modes.All[0], start, start + 1, start + downSeconds, recovered ? start + downSeconds : null, rpoBytes: rpo);

    [Fact]
    public void Each_whole_year_counts_once_and_the_partial_year_not_at_all()
    {
        var marks = new YearMarks(RareEvent.YearEvents, 2.5);
        Assert.Equal(2, marks.YearsPerReplication);
        marks.Record(At(100, 20 * 60, rpo: 5));        // year 0: loss, over 15 min
        marks.Record(At(200, 2 * 3600, rpo: 7));       // year 0 again: over 1 h too
        marks.Record(At(Year + 10, 5 * 3600));         // year 1: over 4 h, no loss
        marks.Record(At((2 * Year) + 10, 10 * 3600, rpo: 1)); // the trailing half year: not a year
        Assert.Equal([1L, 2, 2, 1], Enumerable.Range(0, 4).Select(marks.YearsWith));

        marks.Begin();
        Assert.Equal([0L, 0, 0, 0], Enumerable.Range(0, 4).Select(marks.YearsWith));
    }

    [Fact]
    public void An_unrecovered_incident_is_down_to_the_end_and_the_failure_mode_filter_applies()
    {
        var marks = new YearMarks([RareEvent.OutageOver4Hours, RareEvent.AnyIncident], 1, ServerNames.Modes.All[0].Key);
        marks.Record(At(Year - 3600, 60, recovered: false)); // an hour before the end: not over 4 h
        Assert.Equal(0, marks.YearsWith(0));
        Assert.Equal(1, marks.YearsWith(1));

        var other = new YearMarks([RareEvent.AnyIncident], 1, "no_such_mode");
        other.Record(At(10, 60));
        Assert.Equal(0, other.YearsWith(0));
    }
}
