namespace HaSim.Kernel.Random;

/// <summary>
/// The named random streams of one run, all derived from one root seed. A stream's draws
/// depend only on the root seed and its name, so adding a component (and its streams) never
/// shifts the draws of any other.
/// </summary>
public sealed class RandomStreams
{
    private readonly Dictionary<string, RandomStream> _streams = new(StringComparer.Ordinal);

    /// <summary>Creates the stream family of <paramref name="rootSeed"/>.</summary>
    public RandomStreams(ulong rootSeed) => RootSeed = rootSeed;

    /// <summary>The seed every stream derives from.</summary>
    public ulong RootSeed { get; }

    /// <summary>The stream named <paramref name="name"/>, created on first use.</summary>
    public RandomStream Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_streams.TryGetValue(name, out var stream))
        {
            stream = new RandomStream(name, SeedMixer.Derive(RootSeed, name));
            _streams.Add(name, stream);
        }

        return stream;
    }

    /// <summary>A child family, for example one per replication: <c>streams.Child(17)</c>.</summary>
    public RandomStreams Child(long index) => new(SeedMixer.Derive(RootSeed, index));

    /// <summary>A named child family: <c>streams.Child("fleet")</c>.</summary>
    public RandomStreams Child(string name) => new(SeedMixer.Derive(RootSeed, name));
}
