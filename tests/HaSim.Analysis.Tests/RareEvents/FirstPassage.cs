using MathNet.Numerics.LinearAlgebra;

namespace HaSim.Analysis.Tests.RareEvents;

/// <summary>Exact transient probabilities of a small continuous-time Markov chain, by uniformization.</summary>
internal static class FirstPassage
{
    /// <summary>
    /// P(the chain with generator <paramref name="q"/>, started in <paramref name="from"/>, is in the
    /// absorbing state <paramref name="to"/> at time <paramref name="t"/>) = [exp(Qt)]_{from,to}, summed
    /// as Σ Poisson(n; Λt) Pⁿ with P = I + Q/Λ until the Poisson tail is below 1e-16.
    /// </summary>
    public static double Probability(Matrix<double> q, int from, int to, double t)
    {
        double rate = Enumerable.Range(0, q.RowCount).Max(i => -q[i, i]);
        var step = Matrix<double>.Build.DenseIdentity(q.RowCount) + (q / rate);
        var row = Vector<double>.Build.Dense(q.RowCount);
        row[from] = 1;
        double lt = rate * t;
        double weight = Math.Exp(-lt);
        double sum = 0, mass = 0;
        for (int n = 0; mass < 1 - 1e-16 && n < 100_000; n++)
        {
            sum += weight * row[to];
            mass += weight;
            row = step.TransposeThisAndMultiply(row);
            weight *= lt / (n + 1);
        }

        return sum;
    }

    /// <summary>
    /// The generator of a k-of-n system of identical exponential components counted by how many are down,
    /// with failure rate λ each, repair rate μ each (one repair crew: μ in every state; independent repairs:
    /// j·μ), and the state "more than n − k down" absorbing.
    /// </summary>
    public static Matrix<double> KOfN(int n, int k, double lambda, double mu, bool oneCrew)
    {
        int absorbing = n - k + 1;
        var q = Matrix<double>.Build.Dense(absorbing + 1, absorbing + 1);
        for (int down = 0; down < absorbing; down++)
        {
            q[down, down + 1] = (n - down) * lambda;
            if (down > 0)
            {
                q[down, down - 1] = oneCrew ? mu : down * mu;
            }

            q[down, down] = -(q[down, down + 1] + (down > 0 ? q[down, down - 1] : 0));
        }

        return q;
    }
}
