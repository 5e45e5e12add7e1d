namespace Muon.Verification.Claims;

/// <summary>The paper a claim comes from (each has a theory sheet in <c>shared/theory/</c> and a table in <c>docs/</c>).</summary>
public enum Paper
{
    /// <summary>Muon learns balanced solutions in matrix factorization without slow saddle-to-saddle dynamics (Rhee, Simon, Karkada; arXiv 2606.30509).</summary>
    MatrixFactorization,

    /// <summary>Insights on Muon from simple quadratics (Gonon, Muşat, Boumal; arXiv 2602.11948).</summary>
    Quadratics,

    /// <summary>Preconditioning benefits of spectral orthogonalization (adopted reconstructions).</summary>
    Preconditioning,
}
