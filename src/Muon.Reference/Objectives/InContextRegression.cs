using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Objectives;

/// <summary>
/// In-context linear regression with one-layer linear attention, reduced objective
/// <c>f(Q) = tr((S Q − I) S (S Q − I)ᵀ)</c> with a symmetric positive definite data covariance
/// <c>S ∈ R^{d×d}</c> and <c>Q ∈ R^{d×d}</c> (parameter "Q"); minimizer <c>Q* = S⁻¹</c>, <c>f(Q*) = 0</c>.
/// With <c>E = S Q − I</c>: <c>∇f = 2 S E S</c>, <c>H·dQ = 2 S² dQ S</c>.
/// </summary>
/// <remarks>
/// This is the <b>adopted reconstruction</b> of the in-context regression setting of Ma, Huang, Chi and Chen,
/// <i>Preconditioning Benefits of Spectral Orthogonalization in Muon</i> (arXiv 2601.13474): only that paper's
/// abstract could be read, so the reduced objective was chosen to reproduce its stated behaviour (spectral
/// decoupling <c>qᵢ ← qᵢ − η·sign(sᵢqᵢ − 1)</c> for <c>Q = V diag(q) Vᵀ</c>) and checked numerically; it is
/// not quoted from the paper.
/// </remarks>
public sealed class InContextRegression : ITwiceDifferentiableObjective
{
    /// <summary>Name of the parameter.</summary>
    public const string Q = "Q";

    private readonly ParameterSet _layout;

    /// <summary>Creates the objective; <paramref name="covariance"/> must be symmetric (relative 1e-12) and positive definite.</summary>
    public InContextRegression(Matrix<double> covariance)
    {
        S = SymmetricInput.Require(covariance, nameof(covariance));
        double smallest = S.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        if (!(smallest > 0))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"S is not positive definite: its smallest eigenvalue is {smallest:R}."), nameof(covariance));
        _layout = ParameterSet.Of((Q, Matrix<double>.Build.Dense(S.RowCount, S.RowCount)));
    }

    /// <summary>The covariance S (a private copy).</summary>
    public Matrix<double> S { get; }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"icl-regression({S.RowCount})");

    /// <inheritdoc />
    public ParameterSet Layout => _layout;

    /// <summary>The parameter set {Q} (finite; copied).</summary>
    public static ParameterSet Parameters(Matrix<double> q) => ParameterSet.Of((Q, Guard.Finite(q, nameof(q)).Clone()));

    /// <summary>The residual <c>E = S Q − I</c>.</summary>
    public Matrix<double> Residual(ParameterSet parameters)
    {
        Check(parameters, nameof(parameters));
        return S * parameters[Q] - Matrix<double>.Build.DenseIdentity(S.RowCount);
    }

    /// <inheritdoc />
    public double Loss(ParameterSet parameters)
    {
        var e = Residual(parameters);
        return MatrixFunctions.Inner(e * S, e);
    }

    /// <inheritdoc />
    public ParameterSet Gradient(ParameterSet parameters)
        => ParameterSet.Of((Q, 2.0 * (S * Residual(parameters) * S)));

    /// <inheritdoc />
    public ParameterSet HessianVectorProduct(ParameterSet at, ParameterSet direction)
    {
        Check(at, nameof(at));
        Check(direction, nameof(direction));
        return ParameterSet.Of((Q, 2.0 * (S * (S * direction[Q]) * S)));
    }

    private void Check(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters, what);
        _layout.RequireSameLayout(parameters, what);
        parameters.RequireFinite(what);
    }
}
