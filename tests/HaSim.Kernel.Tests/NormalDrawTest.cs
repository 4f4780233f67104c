using HaSim.Kernel.Random;

namespace HaSim.Kernel.Tests;

/// <summary>
/// The stream's own normal and lognormal draws are MathNet's, draw for draw: recorded runs and
/// baselines depend on every sampled duration staying the same.
/// </summary>
public class NormalDrawTest
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(0xDEADBEEFUL)]
    public void A_standard_normal_draw_equals_MathNets_and_consumes_the_same_uniforms(ulong seed)
    {
        var ours = new RandomStream("a", seed);
        var theirs = new RandomStream("a", seed);
        for (int i = 0; i < 20_000; i++)
        {
            Assert.Equal(MathNet.Numerics.Distributions.Normal.Sample(theirs, 0, 1), ours.NextStandardNormal());
        }

        Assert.Equal(theirs.NextUInt64(), ours.NextUInt64());
    }

    [Theory]
    [InlineData(3.0, 0.8)]
    [InlineData(-1.5, 2.5)]
    [InlineData(10.0, 1e-6)]
    public void A_lognormal_duration_equals_MathNets_lognormal_draw(double mu, double sigma)
    {
        var distribution = Distributions.LogNormal.FromMedianAndP99(Math.Exp(mu), Math.Exp(mu + (sigma * 2.3263478740408408)));
        var ours = new RandomStream("d", 7);
        var theirs = new RandomStream("d", 7);
        for (int i = 0; i < 5_000; i++)
        {
            Assert.Equal(MathNet.Numerics.Distributions.LogNormal.Sample(theirs, distribution.Mu, distribution.Sigma), distribution.Sample(ours));
        }
    }

    [Fact]
    public void A_lognormal_draw_from_another_random_still_goes_through_MathNet()
    {
        var distribution = Distributions.LogNormal.FromMedianAndP99(30, 120);
        var expected = MathNet.Numerics.Distributions.LogNormal.Sample(new System.Random(5), distribution.Mu, distribution.Sigma);

        Assert.Equal(expected, distribution.Sample(new System.Random(5)));
    }
}
