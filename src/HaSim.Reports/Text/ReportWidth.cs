namespace HaSim.Reports.Text;

/// <summary>
/// The width text reports are fitted to: <see cref="Terminal"/> columns by default, unlimited with
/// <c>--wide</c>. Held per call chain (an <see cref="AsyncLocal{T}"/>), so a command sets it once
/// around its work instead of passing it through every renderer.
/// </summary>
public static class ReportWidth
{
    /// <summary>The default width: a standard terminal.</summary>
    public const int Terminal = 80;

    /// <summary>No limit: every table in full (<c>--wide</c>).</summary>
    public const int Unlimited = int.MaxValue;

    private static readonly AsyncLocal<int?> Width = new();

    /// <summary>The width in force.</summary>
    public static int Current => Width.Value ?? Terminal;

    /// <summary>Sets the width until the result is disposed.</summary>
    public static IDisposable Use(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        int? previous = Width.Value;
        Width.Value = width;
        return new Scope(previous);
    }

    private sealed class Scope(int? previous) : IDisposable
    {
        public void Dispose() => Width.Value = previous;
    }
}
