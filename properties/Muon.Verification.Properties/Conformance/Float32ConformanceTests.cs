using Muon.Reference.Orthogonalizers;
using Muon.Verification.Conformance;
using Muon.Verification.Conformance.Protocol;
using Muon.Verification.Harness;
using Xunit.Abstractions;

namespace Muon.Verification.Properties.Conformance;

/// <summary>
/// float32 implementations are judged by the laws with tolerances derived for u = 2⁻²⁴ (not NOT APPLICABLE): correct
/// float32 implementations pass every law, broken ones still fail the named law, and the same correct float32
/// implementation judged with float64 tolerances fails (the derived tolerance is needed, not decorative).
/// </summary>
public sealed class Float32ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Correct() => new() { "exact", "keller", "you5", "polar-express" };

    [Theory]
    [MemberData(nameof(Correct))]
    public void Correct_float32_implementation_passes_every_law(string which)
    {
        var (o, declared) = Subject(which);
        var results = Check(o, declared, "float32");
        Assert.All(results, r => Assert.True(r.Verdict is ConformanceVerdict.Pass or ConformanceVerdict.NotApplicable, $"{r.Property}: {r.Verdict.Text()} {r.Message}"));
        Assert.Equal(ConformanceVerdict.Pass, results.Single(r => r.Property == "orthogonalizer/spectral-map").Verdict);
        Assert.Equal(ConformanceVerdict.Pass, results.Single(r => r.Property == "orthogonalizer/odd-symmetry").Verdict);
    }

    [Fact]
    public void Correct_float32_exact_polar_fails_when_judged_with_float64_tolerances()
    {
        var results = Check(Float32Orthogonalizers.ExactPolar, OrthogonalizerDeclaration.Exact, "float64");
        Assert.Contains(results, r => r.Verdict == ConformanceVerdict.Fail);
    }

    [Fact]
    public void Float32_frobenius_normalization_declared_exact_fails_partial_isometry()
    {
        var results = Check(Float32Orthogonalizers.FrobeniusNormalized, OrthogonalizerDeclaration.Exact, "float32");
        Assert.Equal(ConformanceVerdict.Fail, results.Single(r => r.Property == "exact-polar/partial-isometry").Verdict);
    }

    [Fact]
    public void Float32_exact_polar_with_the_float64_rank_threshold_fails_rank_preservation()
    {
        var results = Check(Float32Orthogonalizers.UnthresholdedExactPolar, OrthogonalizerDeclaration.Exact, "float32");
        Assert.Equal(ConformanceVerdict.Fail, results.Single(r => r.Property == "exact-polar/rank-preservation").Verdict);
    }

    [Fact]
    public void Float32_quintic_with_4_steps_declared_5_fails_spectral_map()
    {
        var broken = Float32Orthogonalizers.NewtonSchulz(NewtonSchulz.KellerQuintic(4), "float32:broken:quintic-4-steps");
        var results = Check(broken, OrthogonalizerDeclaration.Of(NewtonSchulz.KellerQuintic()), "float32");
        Assert.Equal(ConformanceVerdict.Fail, results.Single(r => r.Property == "orthogonalizer/spectral-map").Verdict);
    }

    [Fact]
    public void A_bfloat16_declaration_is_judged_by_calibrated_laws_with_only_rank_preservation_not_applicable()
    {
        // A float32 exact polar declaring bfloat16 is a correct bf16-or-better implementation: calibrated laws pass.
        var results = Check(Float32Orthogonalizers.ExactPolar, OrthogonalizerDeclaration.Exact, "bfloat16");
        Assert.Equal(["exact-polar/rank-preservation", "orthogonalizer/orthogonalized-band"],
            results.Where(r => r.Verdict == ConformanceVerdict.NotApplicable).Select(r => r.Property).Order(StringComparer.Ordinal));
        Assert.Contains("bfloat16", results.Single(r => r.Property == "exact-polar/rank-preservation").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.Verdict is ConformanceVerdict.Fail or ConformanceVerdict.ProtocolError);
    }

    private static (IOrthogonalizer O, OrthogonalizerDeclaration Declared) Subject(string which) => which switch
    {
        "exact" => (Float32Orthogonalizers.ExactPolar, OrthogonalizerDeclaration.Exact),
        "keller" => (Float32Orthogonalizers.NewtonSchulz(NewtonSchulz.KellerQuintic()), OrthogonalizerDeclaration.Of(NewtonSchulz.KellerQuintic())),
        "you5" => (Float32Orthogonalizers.NewtonSchulz(NewtonSchulz.You5()), OrthogonalizerDeclaration.Of(NewtonSchulz.You5())),
        _ => (Float32Orthogonalizers.NewtonSchulz(NewtonSchulz.PolarExpress()), OrthogonalizerDeclaration.Of(NewtonSchulz.PolarExpress())),
    };

    private IReadOnlyList<ConformanceResult> Check(IOrthogonalizer o, OrthogonalizerDeclaration declared, string dtype)
    {
        var server = new ProtocolServer(o.Name, o, declared) { Dtype = dtype, OffersOptimizer = false };
        using var implementation = ProcessImplementation.InProcess(server, FakePeers.Fast with { RequestTimeout = TimeSpan.FromSeconds(10) });
        var report = OrthogonalizerConformance.Check(implementation, o.Name, RunSettings.Standard);
        output.WriteLine(ConformanceTable.Render(report));
        return report.Results;
    }
}
