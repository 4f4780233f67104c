using System.Globalization;
using HaSim.Model.Parameters;

namespace HaSim.Reports.Text;

/// <summary>Number formats shared by reports; invariant culture so outputs do not depend on the machine.</summary>
public static class Format
{
    /// <summary>Seconds as "95.3 s" / "12.5 min" / "3.2 h", or "-" for none.</summary>
    public static string Seconds(double? seconds) => seconds is { } s ? Units.FormatSeconds(s) : "-";

    /// <summary>A clock time since the start of the run, or "-".</summary>
    public static string Clock(double? seconds) => seconds is { } s ? Units.FormatClock(s) : "-";

    /// <summary>Bytes with a binary prefix.</summary>
    public static string Bytes(double bytes) => Units.FormatBytes(bytes);

    /// <summary>A percentage with the given decimals.</summary>
    public static string Percent(double fraction, int decimals = 1) => (fraction * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>An invariant number.</summary>
    public static string Number(double value, string format = "G6") => value.ToString(format, CultureInfo.InvariantCulture);
}
