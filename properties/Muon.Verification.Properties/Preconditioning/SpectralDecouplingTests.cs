using Muon.Reference.Orthogonalizers;
using Muon.Verification.NegativeControls;
using Muon.Verification.Specs;
using Muon.Verification.Specs.Preconditioning;
using Muon.Verification.Xunit;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Preconditioning;

/// <summary>C2 for simplified Muon (exact polar) in the three settings, and the sheet's negative controls.</summary>
public sealed class SpectralDecouplingTests(ITestOutputHelper output)
{
    private static readonly OptimizerFactory Muon = Subjects.Muon();

    [Theory]
    [InlineData(SpectralSetting.SymmetricMatrixFactorization)]
    [InlineData(SpectralSetting.InContextRegression)]
    [InlineData(SpectralSetting.Quadratic)]
    public void Muon_decouples_into_scalar_sign_recursions(SpectralSetting setting)
        => PropertyAssert.Holds(SpectralDecouplingSpecs.Decoupling(Muon, setting), output);

    [Theory]
    [InlineData(SpectralSetting.SymmetricMatrixFactorization)]
    [InlineData(SpectralSetting.InContextRegression)]
    [InlineData(SpectralSetting.Quadratic)]
    public void Decoupling_rejects_a_non_aligned_init(SpectralSetting setting)
        => PropertyAssert.Fails(SpectralDecouplingSpecs.Decoupling(Muon, setting, initNoise: 1e-3), output);

    [Theory]
    [InlineData(SpectralSetting.SymmetricMatrixFactorization)]
    [InlineData(SpectralSetting.InContextRegression)]
    [InlineData(SpectralSetting.Quadratic)]
    public void Decoupling_rejects_the_gd_map(SpectralSetting setting)
        => PropertyAssert.Fails(SpectralDecouplingSpecs.Decoupling(Subjects.GradientDescent(), setting), output);

    [Theory]
    [InlineData(SpectralSetting.SymmetricMatrixFactorization)]
    [InlineData(SpectralSetting.InContextRegression)]
    [InlineData(SpectralSetting.Quadratic)]
    public void Decoupling_rejects_quintic_newton_schulz(SpectralSetting setting)
        => PropertyAssert.Fails(SpectralDecouplingSpecs.Decoupling(Subjects.Muon(NewtonSchulz.KellerQuintic()), setting), output);

    [Fact]
    public void Decoupling_rejects_the_wrong_icl_target()
        => PropertyAssert.Fails(SpectralDecouplingSpecs.Decoupling(Muon, SpectralSetting.InContextRegression, iclTarget: BrokenClaims.IclTargetInverseSquare), output);
}
