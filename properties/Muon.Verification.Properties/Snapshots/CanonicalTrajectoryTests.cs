using Muon.Verification.Reporting;

namespace Muon.Verification.Properties.Snapshots;

/// <summary>
/// Snapshot-verified trajectories: a numerical regression anywhere in the reference implementation (SVD,
/// polar, optimizers, objectives, metrics) changes one of these files and turns CI red.
/// </summary>
public sealed class CanonicalTrajectoryTests
{
    private const string Class = nameof(CanonicalTrajectoryTests);

    [Fact]
    public void Matrix_factorization_mode_learning()
        => SnapshotAssert.Matches($"{Class}.{nameof(Matrix_factorization_mode_learning)}", CanonicalExperiments.MatrixFactorizationModes().ToText());

    [Fact]
    public void Matrix_factorization_conserved_quantities()
        => SnapshotAssert.Matches($"{Class}.{nameof(Matrix_factorization_conserved_quantities)}", CanonicalExperiments.ConservedQuantities().ToText());

    [Fact]
    public void Quadratic_grid_confinement()
        => SnapshotAssert.Matches($"{Class}.{nameof(Quadratic_grid_confinement)}", CanonicalExperiments.GridConfinement().ToText());

    [Fact]
    public void Matrix_factorization_two_step_alignment()
        => SnapshotAssert.Matches($"{Class}.{nameof(Matrix_factorization_two_step_alignment)}", CanonicalExperiments.TwoStepAlignment().ToText());

    [Fact]
    public void Matrix_factorization_rank_one_alignment()
        => SnapshotAssert.Matches($"{Class}.{nameof(Matrix_factorization_rank_one_alignment)}", CanonicalExperiments.RankOneAlignment().ToText());

    [Fact]
    public void Noisy_sign_hitting_time_medians()
        => SnapshotAssert.Matches($"{Class}.{nameof(Noisy_sign_hitting_time_medians)}", CanonicalExperiments.NoisySignHittingTimes().ToText());

    [Fact]
    public void Quadratic_spectrum_family_scores()
        => SnapshotAssert.Matches($"{Class}.{nameof(Quadratic_spectrum_family_scores)}", CanonicalExperiments.SpectrumFamilyScores().ToText());

    /// <summary>
    /// Negative control of the snapshot comparison: the same experiments with every step size multiplied by
    /// (1 + 1e-6) must differ from the verified files beyond the tolerance.
    /// </summary>
    [Theory]
    [InlineData(nameof(Matrix_factorization_mode_learning))]
    [InlineData(nameof(Matrix_factorization_conserved_quantities))]
    [InlineData(nameof(Quadratic_grid_confinement))]
    [InlineData(nameof(Matrix_factorization_two_step_alignment))]
    [InlineData(nameof(Matrix_factorization_rank_one_alignment))]
    public void A_relative_perturbation_of_1e_6_in_the_optimizer_is_caught(string method)
    {
        const double perturbed = 1 + 1e-6;
        var text = method switch
        {
            nameof(Matrix_factorization_mode_learning) => CanonicalExperiments.MatrixFactorizationModes(perturbed),
            nameof(Matrix_factorization_conserved_quantities) => CanonicalExperiments.ConservedQuantities(perturbed),
            nameof(Matrix_factorization_two_step_alignment) => CanonicalExperiments.TwoStepAlignment(perturbed),
            nameof(Matrix_factorization_rank_one_alignment) => CanonicalExperiments.RankOneAlignment(perturbed),
            _ => CanonicalExperiments.GridConfinement(perturbed),
        };
        var verified = File.ReadAllText(Path.Combine(SnapshotAssert.Directory(), $"{Class}.{method}.verified.txt"));
        var diffs = SnapshotText.Differences(verified, text.ToText(), SnapshotTolerance.Default);
        Assert.NotEmpty(diffs);
    }
}
