using Muon.Reference.Numerics;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>The eigenvalue families of B4 (sorted decreasing, endpoints λ_max and λ_min forced).</summary>
public enum SpectrumFamily
{
    /// <summary>All λ_max but the last.</summary>
    MaxSpiked,
    /// <summary>All λ_min but the first.</summary>
    MinSpiked,
    /// <summary>U[λ_min, λ_max].</summary>
    Uniform,
    /// <summary>N(mid, (range/6)²) truncated to [λ_min, λ_max] (by resampling).</summary>
    Gaussian,
    /// <summary>λ_max·qⁱ clamped at λ_min, q = 0.9^{128/n} (the shape of q = 0.9 at n = 128).</summary>
    Geometric,
    /// <summary>λ_max − range·√u.</summary>
    LinearDecayToMax,
    /// <summary>λ_min + range·Beta(0.2, 0.2).</summary>
    UShaped,
    /// <summary>Log-uniform in [λ_min, λ_max].</summary>
    LogUniform,
}

/// <summary>Draws B4 spectra.</summary>
public static class SpectrumFamilies
{
    /// <summary>n eigenvalues of <paramref name="family"/> in [min, max], sorted decreasing, with both endpoints present.</summary>
    public static double[] Draw(SpectrumFamily family, int n, double max, double min, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double range = max - min;
        var l = new double[n];
        for (int i = 0; i < n; i++)
        {
            l[i] = family switch
            {
                SpectrumFamily.MaxSpiked => max,
                SpectrumFamily.MinSpiked => min,
                SpectrumFamily.Uniform => rng.Uniform(min, max),
                SpectrumFamily.Gaussian => TruncatedNormal(min + range / 2, range / 6, min, max, rng),
                SpectrumFamily.Geometric => Math.Max(min, max * Math.Pow(Math.Pow(0.9, 128.0 / n), i)),
                SpectrumFamily.LinearDecayToMax => max - range * Math.Sqrt(rng.NextDouble()),
                SpectrumFamily.UShaped => min + range * Beta(0.2, 0.2, rng),
                _ => rng.LogUniform(min, max),
            };
        }
        Array.Sort(l, (a, b) => b.CompareTo(a));
        l[0] = max;
        l[^1] = min;
        return l;
    }

    private static double TruncatedNormal(double mean, double sd, double lo, double hi, Rng rng)
    {
        while (true)
        {
            double x = mean + sd * rng.Normal();
            if (x >= lo && x <= hi) return x;
        }
    }

    private static double Beta(double a, double b, Rng rng)
    {
        double x = Gamma(a, rng), y = Gamma(b, rng);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    /// <summary>Marsaglia–Tsang, with the U^{1/a} boost for shape a &lt; 1.</summary>
    private static double Gamma(double shape, Rng rng)
    {
        if (shape < 1) return Gamma(shape + 1, rng) * Math.Pow(rng.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z = rng.Normal(), v = Math.Pow(1 + c * z, 3);
            if (v <= 0) continue;
            double u = rng.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
