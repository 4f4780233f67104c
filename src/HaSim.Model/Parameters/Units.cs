using System.Globalization;

namespace HaSim.Model.Parameters;

/// <summary>The one set of unit constants (the scenario parsers read units with these too) and the model's formatting.</summary>
public static class Units
{
    /// <summary>Seconds in a minute.</summary>
    public const double Minute = 60;

    /// <summary>Seconds in an hour.</summary>
    public const double Hour = 3600;

    /// <summary>Seconds in a day.</summary>
    public const double Day = 86400;

    /// <summary>Seconds in a week.</summary>
    public const double Week = 7 * Day;

    /// <summary>Seconds in a Julian year (365.25 days), the year used for rates and horizons.</summary>
    public const double SecondsPerYear = 365.25 * Day;

    /// <summary>Seconds in an average month (a twelfth of a Julian year).</summary>
    public const double SecondsPerMonth = SecondsPerYear / 12;

    /// <summary>One mebibyte.</summary>
    public const double MiB = 1024 * 1024;

    /// <summary>One gibibyte.</summary>
    public const double GiB = 1024 * MiB;

    /// <summary>One megabyte (10^6 bytes), the unit the seeds quote rates in.</summary>
    public const double MB = 1e6;

    /// <summary>One gigabyte (10^9 bytes).</summary>
    public const double GB = 1e9;

    /// <summary>Formats a byte count with a binary prefix, e.g. "16 MiB".</summary>
    public static string FormatBytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        int i = 0;
        double v = bytes;
        while (Math.Abs(v) >= 1024 && i < units.Length - 1)
        {
            v /= 1024;
            i++;
        }

        return v.ToString(i == 0 ? "0" : "0.##", CultureInfo.InvariantCulture) + " " + units[i];
    }

    /// <summary>Formats a byte rate in decimal megabytes per second, as the seeds quote rates ("40 MB/s").</summary>
    public static string FormatByteRate(double bytesPerSecond) =>
        (bytesPerSecond / MB).ToString(bytesPerSecond >= 10 * MB ? "0" : "0.##", CultureInfo.InvariantCulture) + " MB/s";

    /// <summary>Formats seconds for a timeline, e.g. "95.3 s", "12.5 min", "3.2 h".</summary>
    public static string FormatSeconds(double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        double a = Math.Abs(seconds);
        return a switch
        {
            < 120 => seconds.ToString("0.0", c) + " s",
            < 2 * Hour => (seconds / Minute).ToString("0.0", c) + " min",
            < 2 * Day => (seconds / Hour).ToString("0.0", c) + " h",
            _ => (seconds / Day).ToString("0.0", c) + " d",
        };
    }

    /// <summary>Formats a fraction as a percentage, e.g. "99.95%".</summary>
    public static string FormatPercent(double fraction) => (fraction * 100).ToString("G6", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a clock time since the run's start as h:mm:ss.s.</summary>
    public static string FormatClock(double seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds / 100}");
    }
}
