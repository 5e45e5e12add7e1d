using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Objectives;

/// <summary>
/// Matrix factorization (Rhee, Simon, Karkada): target <c>M* ∈ R^{m×n}</c>, factors <c>P ∈ R^{m×d}</c> and
/// <c>Q ∈ R^{n×d}</c> (parameters "P" and "Q"), model <c>P Qᵀ</c>, loss <c>L_half = ½‖P Qᵀ − M*‖²_F</c>
/// (<see cref="LossConvention.Full"/> doubles loss, gradient and Hessian). With the residual
/// <c>R = P Qᵀ − M*</c>: <c>∇_P = R Q</c>, <c>∇_Q = Rᵀ P</c>.
/// </summary>
/// <remarks>The instance layout is exposed as <see cref="IObjective.Layout"/>; the static
/// <see cref="Layout(int, int, int)"/> builds the same layout from the dimensions.</remarks>
public sealed class MatrixFactorization : ITwiceDifferentiableObjective
{
    /// <summary>Name of the left factor.</summary>
    public const string P = "P";

    /// <summary>Name of the right factor.</summary>
    public const string Q = "Q";

    private readonly ParameterSet _layout;

    /// <summary>Creates the objective for a finite, non-empty target and hidden width <paramref name="width"/> ≥ 1.</summary>
    public MatrixFactorization(Matrix<double> target, int width, LossConvention convention = LossConvention.Half)
    {
        Target = Guard.Finite(target, nameof(target)).Clone();
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, "the hidden width d must be ≥ 1.");
        _ = convention.Coefficient();
        Width = width;
        Convention = convention;
        _layout = Layout(Rows, Columns, width);
    }

    /// <summary>The target M* (a private copy).</summary>
    public Matrix<double> Target { get; }

    /// <summary>m, the number of rows of M* (and of P).</summary>
    public int Rows => Target.RowCount;

    /// <summary>n, the number of columns of M* (rows of Q).</summary>
    public int Columns => Target.ColumnCount;

    /// <summary>d, the hidden width (columns of P and Q).</summary>
    public int Width { get; }

    /// <summary>Half (default) or full squared Frobenius norm.</summary>
    public LossConvention Convention { get; }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"mf({Rows}×{Columns}, d={Width}, {Convention.ToString().ToLowerInvariant()})");

    ParameterSet IObjective.Layout => _layout;

    /// <summary>Zero P (m×d) and Q (n×d): the layout of a factorization of an m×n target at width d.</summary>
    public static ParameterSet Layout(int m, int n, int d)
    {
        if (m < 1 || n < 1 || d < 1)
            throw new ArgumentOutOfRangeException(nameof(m), $"matrix factorization dimensions must be ≥ 1 but are m={m}, n={n}, d={d}.");
        return ParameterSet.Of((P, Matrix<double>.Build.Dense(m, d)), (Q, Matrix<double>.Build.Dense(n, d)));
    }

    /// <summary>The parameter set {P, Q} (finite, same width; copied).</summary>
    public static ParameterSet Parameters(Matrix<double> p, Matrix<double> q)
    {
        Guard.Finite(p, nameof(p));
        Guard.Finite(q, nameof(q));
        if (p.ColumnCount != q.ColumnCount)
            throw new ArgumentException($"P is {p.RowCount}×{p.ColumnCount} and Q is {q.RowCount}×{q.ColumnCount}: the widths (columns) differ.", nameof(q));
        return ParameterSet.Of((P, p.Clone()), (Q, q.Clone()));
    }

    /// <summary>The residual <c>R = P Qᵀ − M*</c> (m×n).</summary>
    public Matrix<double> Residual(ParameterSet parameters)
    {
        Check(parameters, nameof(parameters));
        return Gemm.Product(parameters[P], parameters[Q], transposeB: true) - Target;
    }

    /// <inheritdoc />
    public double Loss(ParameterSet parameters)
    {
        double r = Residual(parameters).FrobeniusNorm();
        return Convention.Coefficient() * r * r;
    }

    /// <inheritdoc />
    public ParameterSet Gradient(ParameterSet parameters)
    {
        var r = Residual(parameters);
        double c = Convention.RelativeToHalf();
        var gp = Gemm.Product(r, parameters[Q]);
        var gq = Gemm.Product(r.Transpose(), parameters[P]);
        return ParameterSet.Of((P, c * gp), (Q, c * gq));
    }

    /// <summary>
    /// Exact <c>H·(dP, dQ) = (dR Q + R dQ, dRᵀ P + Rᵀ dP)</c> with <c>dR = dP Qᵀ + P dQᵀ</c> (×2 for
    /// <see cref="LossConvention.Full"/>).
    /// </summary>
    public ParameterSet HessianVectorProduct(ParameterSet at, ParameterSet direction)
    {
        Check(at, nameof(at));
        var r = Residual(at);
        Check(direction, nameof(direction));
        Matrix<double> p = at[P], q = at[Q], dp = direction[P], dq = direction[Q];
        var dr = dp.TransposeAndMultiply(q) + p.TransposeAndMultiply(dq);
        double c = Convention.RelativeToHalf();
        var hp = dr * q + r * dq;
        var hq = dr.TransposeThisAndMultiply(p) + r.TransposeThisAndMultiply(dp);
        return ParameterSet.Of((P, c * hp), (Q, c * hq));
    }

    private void Check(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters, what);
        _layout.RequireSameLayout(parameters, what);
        parameters.RequireFinite(what);
    }
}
