using HaSim.Kernel.Distributions;
using HaSim.Scenarios.Yaml;

namespace HaSim.Scenarios.Units;

/// <summary>
/// Shorthands so a binder reads naturally, e.g. <c>map.RequiredScalar("dns_ttl").AsSeconds()</c> or
/// <c>map.OptionalScalar("replicas")?.AsCount(min: 1)</c>. Each throws a located
/// <see cref="Diagnostics.ScenarioException"/> when the value is invalid.
/// </summary>
public static class NodeExtensions
{
    /// <summary>The duration in seconds (see <see cref="Durations"/>).</summary>
    public static double AsSeconds(this ScalarNode node) => Durations.Parse(node);

    /// <summary>The duration (see <see cref="Durations"/>).</summary>
    public static Duration AsDuration(this ScalarNode node) => Duration.Parse(node);

    /// <summary>The size in bytes (see <see cref="Sizes"/>).</summary>
    public static long AsBytes(this ScalarNode node) => Sizes.Parse(node);

    /// <summary>The data rate in bytes per second (see <see cref="ByteRates"/>).</summary>
    public static double AsBytesPerSecond(this ScalarNode node) => ByteRates.Parse(node);

    /// <summary>The event rate per second (see <see cref="EventRates"/>).</summary>
    public static double AsPerSecond(this ScalarNode node) => EventRates.Parse(node);

    /// <summary>The fraction in [0, 1] (see <see cref="Fractions"/>).</summary>
    public static double AsFraction(this ScalarNode node) => Fractions.Parse(node);

    /// <summary>The whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int AsCount(this ScalarNode node, int min = 0, int max = int.MaxValue) => Values.ParseCount(node, min, max);

    /// <summary>The plain number.</summary>
    public static double AsNumber(this ScalarNode node) => Values.ParseNumber(node);

    /// <summary>The boolean.</summary>
    public static bool AsBool(this ScalarNode node) => Values.ParseBool(node);

    /// <summary>The enumeration member, written in snake_case.</summary>
    public static TEnum AsEnum<TEnum>(this ScalarNode node)
        where TEnum : struct, Enum => Values.ParseEnum<TEnum>(node);

    /// <summary>One of <paramref name="allowed"/>, in its allowed spelling.</summary>
    public static string AsChoice(this ScalarNode node, params string[] allowed) => Values.ParseChoice(node, allowed);

    /// <summary>The distribution of durations in seconds (see <see cref="DistributionParser"/>).</summary>
    public static Distribution AsDurationDistribution(this ScenarioNode node) => DistributionParser.ParseDuration(node);
}
