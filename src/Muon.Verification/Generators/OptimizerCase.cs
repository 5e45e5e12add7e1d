using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Arithmetic;
using Muon.Verification.Harness;

namespace Muon.Verification.Generators;

/// <summary>
/// A generated optimizer scenario: parameter shapes (rows = out, cols = in), hyper-parameters and a number of
/// steps; parameters and per-step gradients are Gaussian matrices rebuilt deterministically from the seed.
/// With a <see cref="Format"/>, every parameter and gradient entry is rounded to it (a bfloat16 optimizer then receives
/// numbers it represents exactly, so its own cast adds no error).
/// <see cref="ToString"/> prints the recipe and every matrix at full precision.
/// </summary>
/// With <see cref="ParametersScaledByLr"/>, the initial parameters are η times the Gaussian draw (16-bit parameters: one
/// update must not fall below the rounding of the parameters themselves).
public sealed record OptimizerCase(IReadOnlyList<(int Rows, int Cols)> Shapes, int Steps, double Lr, double Beta, bool Nesterov, double WeightDecay, ulong Seed, FloatFormat? Format = null, bool ParametersScaledByLr = false)
{
    /// <summary>The initial parameters (fresh copies).</summary>
    public IReadOnlyList<Matrix<double>> Parameters()
    {
        var rng = new Rng(Seed);
        double scale = ParametersScaledByLr ? Lr : 1;
        return Shapes.Select(s => Represented(scale * MatrixFunctions.Gaussian(s.Rows, s.Cols, 1.0, rng))).ToArray();
    }

    /// <summary>The gradients of step <paramref name="t"/> (0-based; fresh copies).</summary>
    public IReadOnlyList<Matrix<double>> Gradients(int t)
    {
        var rng = new Rng(Seed ^ (0x9E3779B97F4A7C15UL * (ulong)(t + 1)));
        return Shapes.Select(s => Represented(MatrixFunctions.Gaussian(s.Rows, s.Cols, 1.0, rng))).ToArray();
    }

    private Matrix<double> Represented(Matrix<double> x) => Format is null || Format == FloatFormat.Float64 ? x : x.Map(Format.Round);

    /// <inheritdoc />
    public override string ToString()
    {
        var shapes = string.Join(", ", Shapes.Select(s => $"{s.Rows}×{s.Cols}"));
        var text = string.Create(CultureInfo.InvariantCulture, $"params [{shapes}], {Steps} step(s), lr={Formatting.R(Lr)}, momentum={Formatting.R(Beta)}, nesterov={Nesterov.ToString().ToLowerInvariant()}, weight_decay={Formatting.R(WeightDecay)}, seed={Seed}{(Format is null ? "" : $", entries in {Format}")}{(ParametersScaledByLr ? ", P0 scaled by lr" : "")}");
        text += "; P0=[" + string.Join(", ", Parameters().Select(Formatting.R)) + "]";
        for (int t = 0; t < Steps; t++) text += $"; grads[{t}]=[" + string.Join(", ", Gradients(t).Select(Formatting.R)) + "]";
        return text;
    }
}

/// <summary>Generators and shrinkers for <see cref="OptimizerCase"/>.</summary>
public static class OptimizerCases
{
    /// <summary>
    /// Cases with 1–<paramref name="maxParams"/> parameters of 1…6 × 1…6, 1–<paramref name="maxSteps"/> steps,
    /// lr log-uniform in [1e-3, 1e-1], β from <paramref name="betas"/>, Nesterov from <paramref name="nesterov"/>,
    /// weight decay from <paramref name="weightDecays"/>, at least <paramref name="minParams"/> parameters; with
    /// <paramref name="repeatShapes"/>, half the cases give every parameter the same shape (as the layers of a
    /// network do), which exposes state shared between same-shaped parameters. Shrinks toward fewer/smaller parameters, one step, β = 0, λ = 0.
    /// <paramref name="format"/> rounds every entry (see <see cref="OptimizerCase.Format"/>); <paramref name="lrRange"/> replaces [1e-3, 1e-1];
    /// <paramref name="parametersScaledByLr"/> sets <see cref="OptimizerCase.ParametersScaledByLr"/>.
    /// </summary>
    public static Arbitrary<OptimizerCase> Arbitrary(int maxParams, int maxSteps, double[] betas, bool[] nesterov, double[] weightDecays, int minParams = 1, bool repeatShapes = false,
        FloatFormat? format = null, (double Min, double Max)? lrRange = null, bool parametersScaledByLr = false)
    {
        var (lrMin, lrMax) = lrRange ?? (1e-3, 1e-1);
        ArgumentNullException.ThrowIfNull(betas);
        ArgumentNullException.ThrowIfNull(nesterov);
        ArgumentNullException.ThrowIfNull(weightDecays);
        var shape = from r in Gen.Choose(1, 6) from c in Gen.Choose(1, 6) select (r, c);
        var gen =
            from k in Gen.Choose(minParams, maxParams)
            from drawn in shape.ListOf(k)
            from same in repeatShapes ? Gen.Elements(false, true) : Gen.Constant(false)
            let shapes = same ? drawn.Select(_ => drawn[0]).ToArray() : drawn.ToArray()
            from steps in Gen.Choose(1, maxSteps)
            from lr in MatrixGenerators.LogUniform(lrMin, lrMax)
            from beta in Gen.Elements(betas)
            from n in Gen.Elements(nesterov)
            from wd in Gen.Elements(weightDecays)
            from seed in MatrixGenerators.Seed()
            select new OptimizerCase(shapes, steps, lr, beta, n, wd, seed, format, parametersScaledByLr);
        return Arb.From(gen, c => Shrink(c, betas, nesterov, weightDecays, minParams));
    }

    private static IEnumerable<OptimizerCase> Shrink(OptimizerCase c, double[] betas, bool[] nesterov, double[] weightDecays, int minParams)
    {
        if (c.Shapes.Count > minParams) yield return c with { Shapes = c.Shapes.Take(c.Shapes.Count - 1).ToArray() };
        if (c.Steps > 1) yield return c with { Steps = c.Steps - 1 };
        for (int i = 0; i < c.Shapes.Count; i++)
        {
            var (r, k) = c.Shapes[i];
            if (r > 1) yield return c with { Shapes = c.Shapes.Select((s, j) => j == i ? (r - 1, k) : s).ToArray() };
            if (k > 1) yield return c with { Shapes = c.Shapes.Select((s, j) => j == i ? (r, k - 1) : s).ToArray() };
        }
        if (c.Beta != 0 && betas.Contains(0.0)) yield return c with { Beta = 0 };
        if (c.Nesterov && nesterov.Contains(false)) yield return c with { Nesterov = false };
        if (c.WeightDecay != 0 && weightDecays.Contains(0.0)) yield return c with { WeightDecay = 0 };
    }
}
