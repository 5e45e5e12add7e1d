using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Objectives;

/// <summary>
/// Symmetric matrix factorization (the preconditioning paper's first setting):
/// <c>f(U) = ¼‖U Uᵀ − M*‖²_F</c> with a symmetric target <c>M* ∈ R^{n×n}</c> and <c>U ∈ R^{n×d}</c>
/// (parameter "U"). With <c>E = U Uᵀ − M*</c>: <c>∇f = E U</c> and <c>H·dU = (dU Uᵀ + U dUᵀ) U + E dU</c>.
/// </summary>
public sealed class SymmetricMatrixFactorization : ITwiceDifferentiableObjective
{
    /// <summary>Name of the parameter.</summary>
    public const string U = "U";

    private readonly ParameterSet _layout;

    /// <summary>Creates the objective for a symmetric target (relative 1e-12) and width <paramref name="width"/> ≥ 1.</summary>
    public SymmetricMatrixFactorization(Matrix<double> target, int width)
    {
        Target = SymmetricInput.Require(target, nameof(target));
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, "the width d must be ≥ 1.");
        Width = width;
        _layout = ParameterSet.Of((U, Matrix<double>.Build.Dense(Target.RowCount, width)));
    }

    /// <summary>The symmetric target M* (a private copy).</summary>
    public Matrix<double> Target { get; }

    /// <summary>d, the number of columns of U.</summary>
    public int Width { get; }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"symmetric-mf({Target.RowCount}, d={Width})");

    /// <inheritdoc />
    public ParameterSet Layout => _layout;

    /// <summary>The parameter set {U} (finite; copied).</summary>
    public static ParameterSet Parameters(Matrix<double> u) => ParameterSet.Of((U, Guard.Finite(u, nameof(u)).Clone()));

    /// <summary>The residual <c>E = U Uᵀ − M*</c>.</summary>
    public Matrix<double> Residual(ParameterSet parameters)
    {
        Check(parameters, nameof(parameters));
        var u = parameters[U];
        return u.TransposeAndMultiply(u) - Target;
    }

    /// <inheritdoc />
    public double Loss(ParameterSet parameters)
    {
        double e = Residual(parameters).FrobeniusNorm();
        return 0.25 * e * e;
    }

    /// <inheritdoc />
    public ParameterSet Gradient(ParameterSet parameters)
        => ParameterSet.Of((U, Residual(parameters) * parameters[U]));

    /// <inheritdoc />
    public ParameterSet HessianVectorProduct(ParameterSet at, ParameterSet direction)
    {
        Check(at, nameof(at));
        var e = Residual(at);
        Check(direction, nameof(direction));
        Matrix<double> u = at[U], du = direction[U];
        var de = du.TransposeAndMultiply(u) + u.TransposeAndMultiply(du);
        return ParameterSet.Of((U, de * u + e * du));
    }

    private void Check(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters, what);
        _layout.RequireSameLayout(parameters, what);
        parameters.RequireFinite(what);
    }
}
