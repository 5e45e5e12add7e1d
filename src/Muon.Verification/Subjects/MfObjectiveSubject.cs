using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Objectives;
using MfObjective = Muon.Reference.Objectives.MatrixFactorization;

namespace Muon.Verification.Subjects;

/// <summary>
/// An implementation of the matrix-factorization objective with Hessian-vector products, and the loss convention it
/// declares. A third-party objective plugs in here; the reference is <see cref="Reference"/>.
/// </summary>
/// <param name="Name">Stable name.</param>
/// <param name="Create">Builds the objective for a target and a width.</param>
/// <param name="Declared">The convention the implementation claims (L_half: λ_max = 2s₁; L_full: 4s₁).</param>
public sealed record MfObjectiveSubject(string Name, Func<Matrix<double>, int, ITwiceDifferentiableObjective> Create, LossConvention Declared)
{
    /// <summary>The reference objective in <paramref name="convention"/>, declared as such.</summary>
    public static MfObjectiveSubject Reference(LossConvention convention = LossConvention.Half)
        => new($"mf-objective[{convention.ToString().ToLowerInvariant()}]", (t, d) => new MfObjective(t, d, convention), convention);
}
