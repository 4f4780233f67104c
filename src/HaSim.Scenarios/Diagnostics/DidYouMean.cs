namespace HaSim.Scenarios.Diagnostics;

/// <summary>
/// "Did you mean ...?" suggestions for misspelt names (fields, presets, targets, units, enumeration
/// values). Names are compared case-insensitively by optimal-string-alignment Damerau-Levenshtein
/// distance (insertions, deletions, substitutions and swaps of neighbouring letters each cost 1),
/// and only close matches are suggested: at most 1 edit for names of up to 2 letters, 2 for up to
/// 5 letters, 3 beyond, and never more than half the length of the longer name.
/// </summary>
public static class DidYouMean
{
    /// <summary>The case-insensitive optimal-string-alignment (restricted Damerau-Levenshtein) distance between two names.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string s = a.ToLowerInvariant();
        string t = b.ToLowerInvariant();
        int n = s.Length;
        int m = t.Length;
        int[,] d = new int[n + 1, m + 1];
        for (int i = 0; i <= n; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= m; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= m; j++)
            {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                int best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[n, m];
    }

    /// <summary>
    /// The candidate closest to <paramref name="input"/> if it is close enough to be a likely
    /// misspelling, else null. Ties go to the earliest candidate.
    /// </summary>
    public static string? Suggest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            if (candidate is null || candidate.Length == 0)
            {
                continue;
            }

            int distance = Distance(input, candidate);
            if (distance < bestDistance && IsClose(input, candidate, distance))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// <c>did you mean 'x'?</c> for the closest candidate, or null when none is close; for use as
    /// a <see cref="ScenarioDiagnostic.Suggestion"/>.
    /// </summary>
    public static string? Phrase(string input, IEnumerable<string> candidates) =>
        Suggest(input, candidates) is { } match ? $"did you mean '{match}'?" : null;

    private static bool IsClose(string input, string candidate, int distance)
    {
        int longest = Math.Max(input.Length, candidate.Length);
        int allowed = input.Length <= 2 ? 1 : input.Length <= 5 ? 2 : 3;
        return distance <= allowed && 2 * distance <= longest;
    }
}
