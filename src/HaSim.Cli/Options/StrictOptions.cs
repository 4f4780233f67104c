using System.CommandLine;
using System.CommandLine.Parsing;
using HaSim.Analysis.MonteCarlo;
using HaSim.Scenarios.Units;

namespace HaSim.Cli.Options;

/// <summary>
/// Numeric options parsed strictly and culture-invariantly (<see cref="PlainNumbers"/>): digits only,
/// no group separators or signs, the range checked at parse time; every verb builds its numeric flags here.
/// </summary>
internal static class StrictOptions
{
    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<long> Whole(string name, string alias, string description, long min, long max, Func<long> defaultValue) =>
        new(name, [.. Aliases(alias)])
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue(),
            CustomParser = r => r.Tokens.Count == 0 ? defaultValue() : (long)ParseWhole(r, (ulong)min, (ulong)max),
        };

    /// <summary>An optional whole-number option (null when absent) from 0 to <see cref="ulong.MaxValue"/>, e.g. a seed.</summary>
    public static Option<ulong?> OptionalWhole(string name, string alias, string description) =>
        new(name, [.. Aliases(alias)])
        {
            Description = description,
            CustomParser = r => r.Tokens.Count == 0 ? null : ParseWhole(r, 0, ulong.MaxValue),
        };

    /// <summary>An optional positive decimal option at most <paramref name="max"/> (null when absent), e.g. years.</summary>
    public static Option<double?> OptionalPositive(string name, string alias, string description, double max) =>
        new(name, [.. Aliases(alias)])
        {
            Description = description,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0)
                {
                    return null;
                }

                string text = r.Tokens[0].Value;
                if (PlainNumbers.TryParsePositive(text, max, out double value) is { } problem)
                {
                    r.AddError($"{OptionName(r)}: {problem}.");
                }

                return value;
            },
        };

    /// <summary>A positive decimal option at most <paramref name="max"/> with a default.</summary>
    public static Option<double> Positive(string name, string alias, string description, double max, double defaultValue) =>
        new(name, [.. Aliases(alias)])
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0)
                {
                    return defaultValue;
                }

                string text = r.Tokens[0].Value;
                if (PlainNumbers.TryParsePositive(text, max, out double value) is { } problem)
                {
                    r.AddError($"{OptionName(r)}: {problem}.");
                }

                return value;
            },
        };

    /// <summary>An optional shard option, exactly <c>i/N</c> with digits only.</summary>
    public static Option<ShardSpec?> Shard(string description) =>
        new("--shard")
        {
            Description = description,
            CustomParser = r =>
            {
                if (r.Tokens.Count == 0)
                {
                    return null;
                }

                try
                {
                    return ShardSpec.Parse(r.Tokens[0].Value);
                }
                catch (FormatException e)
                {
                    r.AddError($"--shard {e.Message}");
                    return null;
                }
            },
        };

    /// <summary>Parse errors for every option given more than once (the last would silently win, or a missing value hide behind the first).</summary>
    public static IEnumerable<string> Repeated(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                foreach (var option in command.Children.OfType<OptionResult>())
                {
                    // A list option (--param, --figure) is meant to be repeated.
                    if (option.IdentifierTokenCount > 1 && option.Option.Arity.MaximumNumberOfValues <= 1)
                    {
                        yield return $"{option.Option.Name} is given {option.IdentifierTokenCount} times; give it once.";
                    }
                }
            }
        }
    }

    private static ulong ParseWhole(ArgumentResult r, ulong min, ulong max)
    {
        string text = r.Tokens[0].Value;
        if (PlainNumbers.TryParseWhole(text, min, max, out ulong value) is { } problem)
        {
            r.AddError($"{OptionName(r)}: {problem}.");
        }

        return value;
    }

    private static string OptionName(ArgumentResult r) => r.Parent is OptionResult o ? o.Option.Name : "value";

    private static string[] Aliases(string alias) => alias.Length == 0 ? [] : [alias];
}
