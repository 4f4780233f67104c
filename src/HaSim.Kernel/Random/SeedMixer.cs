using System.Text;

namespace HaSim.Kernel.Random;

/// <summary>Stable, platform-independent seed derivation (SplitMix64 and FNV-1a over UTF-8).</summary>
/// <remarks>string.GetHashCode is randomised per process, so it must never feed a seed.</remarks>
public static class SeedMixer
{
    /// <summary>One SplitMix64 step: a well-mixed 64-bit value from any 64-bit input.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A 64-bit FNV-1a hash of a name's UTF-8 bytes.</summary>
    public static ulong Hash(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong h = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            h ^= b;
            h *= 0x100000001B3UL;
        }

        return h;
    }

    /// <summary>The seed of child <paramref name="name"/> of <paramref name="parentSeed"/>.</summary>
    public static ulong Derive(ulong parentSeed, string name) => Mix(Mix(parentSeed) ^ Hash(name));

    /// <summary>The seed of numbered child <paramref name="index"/> of <paramref name="parentSeed"/> (for example a replication).</summary>
    public static ulong Derive(ulong parentSeed, long index) => Mix(Mix(parentSeed ^ 0xD1B54A32D192ED03UL) + (ulong)index);
}
