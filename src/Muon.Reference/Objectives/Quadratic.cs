using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Optimizers;

namespace Muon.Reference.Objectives;

/// <summary>
/// The quadratic of Gonon, Muşat and Boumal: <c>L(W) = ½⟨W − W*, A(W − W*)⟩</c> with a symmetric positive
/// semidefinite <c>A ∈ R^{m×m}</c> acting on the left of <c>W ∈ R^{m×n}</c> (parameter "W"). Gradient
/// <c>A(W − W*)</c>, Hessian-vector product <c>A·dW</c> (the Hessian is <c>I_n ⊗ A</c>).
/// </summary>
/// <remarks>A is checked to be square and symmetric (relative 1e-12), not to be semidefinite: an indefinite A
/// gives a saddle, which is sometimes wanted.</remarks>
public sealed class Quadratic : ITwiceDifferentiableObjective
{
    /// <summary>Name of the parameter.</summary>
    public const string W = "W";

    private readonly ParameterSet _layout;

    /// <summary>Creates the quadratic with curvature <paramref name="a"/> (m×m) and minimizer <paramref name="minimizer"/> (m×n).</summary>
    public Quadratic(Matrix<double> a, Matrix<double> minimizer)
    {
        A = SymmetricInput.Require(a, nameof(a));
        Guard.Finite(minimizer, nameof(minimizer));
        if (minimizer.RowCount != A.RowCount)
            throw new ArgumentException($"W* is {minimizer.RowCount}×{minimizer.ColumnCount} but A is {A.RowCount}×{A.ColumnCount}: W* needs {A.RowCount} rows.", nameof(minimizer));
        Minimizer = minimizer.Clone();
        _layout = ParameterSet.Of((W, Matrix<double>.Build.Dense(Minimizer.RowCount, Minimizer.ColumnCount)));
    }

    /// <summary>A centred at the origin: <c>½⟨W, AW⟩</c> with W m×<paramref name="columns"/>.</summary>
    public static Quadratic Centered(Matrix<double> a, int columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "W needs at least one column.");
        return new Quadratic(a, Matrix<double>.Build.Dense(a.RowCount, columns));
    }

    /// <summary>The curvature A (a private copy).</summary>
    public Matrix<double> A { get; }

    /// <summary>The minimizer W* (a private copy).</summary>
    public Matrix<double> Minimizer { get; }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"quadratic({Minimizer.RowCount}×{Minimizer.ColumnCount})");

    /// <inheritdoc />
    public ParameterSet Layout => _layout;

    /// <summary>The parameter set {W} (finite; copied).</summary>
    public static ParameterSet Parameters(Matrix<double> w) => ParameterSet.Of((W, Guard.Finite(w, nameof(w)).Clone()));

    /// <inheritdoc />
    public double Loss(ParameterSet parameters)
    {
        var d = Displacement(parameters, nameof(parameters));
        return 0.5 * MatrixFunctions.Inner(d, A * d);
    }

    /// <inheritdoc />
    public ParameterSet Gradient(ParameterSet parameters)
        => ParameterSet.Of((W, A * Displacement(parameters, nameof(parameters))));

    /// <inheritdoc />
    public ParameterSet HessianVectorProduct(ParameterSet at, ParameterSet direction)
    {
        Check(at, nameof(at));
        Check(direction, nameof(direction));
        return ParameterSet.Of((W, A * direction[W]));
    }

    private Matrix<double> Displacement(ParameterSet parameters, string what)
    {
        Check(parameters, what);
        return parameters[W] - Minimizer;
    }

    private void Check(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters, what);
        _layout.RequireSameLayout(parameters, what);
        parameters.RequireFinite(what);
    }
}
