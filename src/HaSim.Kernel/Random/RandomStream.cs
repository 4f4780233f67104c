using System.Runtime.CompilerServices;

namespace HaSim.Kernel.Random;

/// <summary>
/// A named, seeded stream of random numbers (xoshiro256**). It is a <see cref="System.Random"/>,
/// so MathNet.Numerics distributions can draw from it.
/// </summary>
/// <remarks>Not thread-safe: each simulation (and so each thread) owns its streams.</remarks>
public sealed class RandomStream : System.Random
{
    private const double Inv53 = 1.0 / (1UL << 53);
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream from a 64-bit seed.</summary>
    public RandomStream(string name, ulong seed)
    {
        Name = name;
        Seed = seed;
        ulong x = seed;
        _s0 = SeedMixer.Mix(x++);
        _s1 = SeedMixer.Mix(x++);
        _s2 = SeedMixer.Mix(x++);
        _s3 = SeedMixer.Mix(x);
    }

    /// <summary>The stream's name, unique within its <see cref="RandomStreams"/>.</summary>
    public string Name { get; }

    /// <summary>The seed the stream started from.</summary>
    public ulong Seed { get; }

    /// <summary>The next raw 64-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform draw in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextUInt64() >> 11) * Inv53;

    /// <summary>A uniform draw in (0, 1]: safe to take the logarithm of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * Inv53;

    /// <summary>
    /// A standard normal draw by Marsaglia's polar method, the same method, uniforms and arithmetic
    /// as MathNet.Numerics' <c>Normal.Sample</c> (so the draws are the same), without its virtual
    /// calls: lognormal recovery times draw it on every stage.
    /// </summary>
    public double NextStandardNormal()
    {
        while (true)
        {
            double v1 = (2.0 * NextDouble()) - 1.0;
            double v2 = (2.0 * NextDouble()) - 1.0;
            double r = (v1 * v1) + (v2 * v2);
            if (r < 1.0 && r != 0.0)
            {
                return v1 * Math.Sqrt(-2.0 * Math.Log(r) / r);
            }
        }
    }

    /// <inheritdoc/>
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc/>
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(NextDouble() * maxValue);
    }

    /// <inheritdoc/>
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(NextDouble() * ((long)maxValue - minValue));
    }

    /// <inheritdoc/>
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc/>
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    /// <inheritdoc/>
    protected override double Sample() => NextDouble();

    /// <inheritdoc/>
    public override string ToString() => $"RandomStream({Name}, seed {Seed})";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
