using FsCheck.Fluent;
using Muon.Reference.Orthogonalizers;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;
using Muon.Verification.NegativeControls;
using Muon.Verification.Properties.Orthogonalizers;
using Muon.Verification.Statistics;
using Muon.Verification.Subjects;
using Muon.Verification.Xunit;
using Xunit.Abstractions;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Properties.Harness;

/// <summary>
/// A violation carries its numbers — measured value, bound, relation, verdict class, ratio — into the report, and its
/// message is rendered from them.
/// </summary>
public sealed class StructuredViolationTests(ITestOutputHelper output)
{
    private static PropertySpec OddSymmetry(IOrthogonalizer subject, MatrixGenOptions? generator = null)
        => OrthogonalizerLaws.OddSymmetry(subject, ExactPolar.Default, generator ?? new MatrixGenOptions()) with { Subject = subject.Name };

    [Fact]
    public void Violation_carries_measured_and_bound()
    {
        var report = PropertyAssert.Fails(OddSymmetry(BrokenOrthogonalizers.EvenPolar), output);
        var v = Assert.IsType<Violation>(report.Violation);
        Assert.Equal("‖O(−G) + O(G)‖_F", v.Quantity);
        Assert.Equal(BoundRelation.AtMost, v.Relation);
        Assert.True(double.IsFinite(v.Measured) && v.Measured > v.Bound, $"measured {R(v.Measured)}, bound {R(v.Bound)}");
        Assert.Null(v.BoundHigh);
        Assert.Equal(v.Measured / v.Bound, v.Ratio);
        Assert.True(v.Ratio > 1);
        Assert.Equal(ViolationClass.Structural, v.Class); // an even map misses the odd law by O(1), not in the last digits
    }

    [Fact]
    public void Violation_message_is_rendered_from_the_numbers()
    {
        var report = PropertyAssert.Fails(OddSymmetry(BrokenOrthogonalizers.EvenPolar), output);
        var v = report.Violation!;
        Assert.Equal(v.Describe(), report.Message);
        Assert.StartsWith($"‖O(−G) + O(G)‖_F = {R(v.Measured)}, bound {R(v.Bound)} (shape ", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Violation_is_that_of_the_shrunk_case()
    {
        // FsCheck shrinks 100 → … → 50; the reported violation must be the shrunk case's, not the first failure's.
        var spec = new PropertySpec("meta/structured-int-below-50", "every drawn integer is below 50", "meta-test", "exact", 200,
            () => Prop.ForAll(Arb.From(Gen.Choose(0, 100), x => x > 0 ? new[] { x / 2, x - 1 } : []), x =>
            {
                if (!(x <= 49)) throw new SpecViolation(Violation.AtMost("x", x, 49));
            }));
        var report = PropertyRunner.Run(spec, RunSettings.Standard);
        Assert.Equal("50", report.Counterexample);
        Assert.True(report.Shrinks > 0 || report.Tests == 1, "the failure was expected to shrink");
        Assert.Equal(50, report.Violation!.Measured);
        Assert.Equal(49, report.Violation.Bound);
        Assert.Equal("x = 50, bound 49", report.Message);
    }

    [Fact]
    public void Matrix_factorization_lower_bound_violation_carries_its_numbers()
    {
        var control = ControlTable.MatrixFactorization.Single(c => c.Name == "D1 λ_max ≥ 2s₁ claimed at (P/2, Q/2), not a minimum");
        var report = PropertyAssert.Fails(control.Spec(), output);
        var v = report.Violation!;
        Assert.Equal(BoundRelation.AtLeast, v.Relation);
        Assert.True(double.IsFinite(v.Measured) && v.Measured < v.Bound, $"measured {R(v.Measured)}, bound {R(v.Bound)}");
        Assert.Equal(v.Bound / v.Measured, v.Ratio);
        Assert.Equal(ViolationClass.Structural, v.Class); // a theorem's floor, not a round-off bound
        Assert.StartsWith($"λ_max at a global minimum = {R(v.Measured)}, bound ≥ {R(v.Bound)} (", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_factorization_upper_bound_violation_of_a_round_off_bound_is_structural_when_large()
    {
        var control = ControlTable.MatrixFactorization.Single(c => c.Name == "D1 L_full Hessian declared as L_half");
        var v = PropertyAssert.Fails(control.Spec(), output).Violation!;
        Assert.Equal(BoundRelation.AtMost, v.Relation);
        Assert.True(v.Measured > v.Bound);
        Assert.Equal(ViolationClass.Structural, v.Class); // a factor-2 Hessian misses the Weyl (round-off) bound by O(λ_max)
    }

    [Fact]
    public void Rate_claim_violation_holds_the_confidence_bound_against_the_claim()
    {
        var e = Assert.Throws<SpecViolation>(() => StatAssert.RateAtLeast("hit", 1, 4, 0.9, "ctx", 0.95));
        var v = e.Violation!;
        Assert.Equal(BoundRelation.AtLeast, v.Relation);
        Assert.Equal(ClopperPearson.Lower(1, 4, 0.95), v.Measured);
        Assert.Equal(0.9, v.Bound);
        Assert.Equal(0.9 / v.Measured, v.Ratio);
        Assert.Equal(ViolationClass.Structural, v.Class);
        Assert.Equal("95% Clopper–Pearson lower bound of rate(hit)", v.Quantity);
        Assert.Equal("ctx", v.Context);
        Assert.Equal("99% Clopper–Pearson upper bound of rate(miss)", Assert.Throws<SpecViolation>(() => StatAssert.RateAtMost("miss", 3, 4, 0.1, "ctx")).Violation!.Quantity);
        Assert.Equal($"rate(hit) = 1/4 = 0.25; 95% Clopper–Pearson lower bound {Short(v.Measured)} < claimed 0.9 (ctx)", e.Message);
    }

    [Fact]
    public void Median_claim_violation_holds_the_order_statistic_bound_against_the_claim()
    {
        var e = Assert.Throws<SpecViolation>(() => StatAssert.MedianAtMost("t", Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 55, "ctx", 0.975));
        var v = e.Violation!;
        Assert.Equal(BoundRelation.AtMost, v.Relation);
        Assert.Equal(61, v.Measured);
        Assert.Equal(55, v.Bound);
        Assert.Equal("97.5% order-statistic upper bound of median(t)", v.Quantity);
        var lower = Assert.Throws<SpecViolation>(() => StatAssert.MedianAtLeast("t", Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 45, "ctx", 0.975)).Violation!;
        Assert.Equal((BoundRelation.AtLeast, 40.0, 45.0, "97.5% order-statistic lower bound of median(t)"), (lower.Relation, lower.Measured, lower.Bound, lower.Quantity));
    }

    [Fact]
    public void Tiny_violation_of_a_round_off_bound_is_accuracy()
    {
        // Holds to 12 digits on a scale of 2, but the round-off analysis allows 1e-13: accuracy, ratio 20.
        var v = Violation.AtMost("‖ΔO‖_F", 2e-12, 1e-13, roundOff: true, scale: 2);
        Assert.Equal(ViolationClass.Accuracy, v.Class);
        Assert.Equal(20, v.Ratio, 12);
        Assert.Equal(ViolationClass.Structural, Violation.AtMost("‖ΔO‖_F", 2e-12, 1e-13).Class); // a theorem's bound: structural
        Assert.Equal(ViolationClass.Structural, Violation.AtMost("‖ΔO‖_F", 0.5, 1e-13, roundOff: true, scale: 2).Class); // O(1): structural
        Assert.Equal(ViolationClass.Structural, Violation.AtMost("‖ΔO‖_F", double.NaN, 1e-13, roundOff: true).Class);
    }

    [Fact]
    public void Accuracy_threshold_is_three_digits_on_the_natural_scale()
    {
        Assert.Equal(1e-3, ViolationClassifier.AccuracyThreshold);
        Assert.Equal(ViolationClass.Accuracy, ViolationClassifier.Classify(excess: 1e-3, roundOff: true, scale: 1));
        Assert.Equal(ViolationClass.Structural, ViolationClassifier.Classify(excess: 1.0001e-3, roundOff: true, scale: 1));
        Assert.Equal(ViolationClass.Accuracy, ViolationClassifier.Classify(excess: 1e-3, roundOff: true, scale: 10));
        Assert.Equal(ViolationClass.Structural, ViolationClassifier.Classify(excess: 1e-6, roundOff: true, scale: 0));
        Assert.Equal(ViolationClass.Structural, ViolationClassifier.Classify(excess: -1e-6, roundOff: true, scale: 0)); // no scale, no accuracy
        Assert.Equal(ViolationClass.Structural, ViolationClassifier.Classify(excess: 1e-6, roundOff: false, scale: 1));
    }

    [Fact]
    public void Near_correct_orthogonalizer_violates_a_law_by_an_accuracy_margin()
    {
        // The unrefined Gram polar errs by O(u·κ²) instead of O(u·κ): at κ ≤ 1e5 it exceeds the exact-polar spectral-map
        // tolerance, yet the law still holds to many digits: an accuracy violation, not a structural one.
        var generator = new MatrixGenOptions { MaxKappa = 1e5, AllowRankDeficient = false };
        var law = OrthogonalizerLaws.SpectralMap(BrokenOrthogonalizers.GramUnrefined, ExactPolar.Default, generator) with { Subject = BrokenOrthogonalizers.GramUnrefined.Name };
        var v = PropertyAssert.Fails(law, output).Violation!;
        Assert.True(v.Measured > v.Bound && v.Ratio > 1, $"measured {R(v.Measured)}, bound {R(v.Bound)}");
        Assert.Equal(ViolationClass.Accuracy, v.Class);
    }

    [Fact]
    public void Violation_without_numbers_carries_none()
    {
        Assert.Null(new SpecViolation("stopped after 3 of 20 steps").Violation);
        var report = PropertyAssert.Fails(OrthogonalizerLaws.ZeroInZeroOut(LawSubject.ExtraRow, new MatrixGenOptions()) with { Subject = LawSubject.ExtraRow.Name }, output, by: FailureKind.Contract);
        Assert.Null(report.Violation);
    }

    [Fact]
    public void Exact_zero_law_violation_is_an_equality_with_the_offending_entry()
    {
        var report = PropertyAssert.Fails(OrthogonalizerLaws.ZeroInZeroOut(LawSubject.OnesOnZero, new MatrixGenOptions()) with { Subject = LawSubject.OnesOnZero.Name }, output);
        var v = report.Violation!;
        Assert.Equal(BoundRelation.Equal, v.Relation);
        Assert.Equal(1, v.Measured);
        Assert.Equal(0, v.Bound);
        Assert.Equal(double.PositiveInfinity, v.Ratio);
        Assert.Matches(@"^O\(0\)\[\d+, \d+\] = 1, expected exactly 0 \(shape \d+×\d+\)$", report.Message);
    }

    [Fact]
    public void Ratio_at_zero_and_signed_zero_is_defined_by_the_relation_not_by_the_quotient()
    {
        // Upper: a measured 0 (either sign) under a positive bound holds with ratio 0; a zero bound is held only by 0.
        Assert.Equal(0, Violation.AtMost("q", 0.0, 1).Ratio);
        Assert.Equal(0, Violation.AtMost("q", -0.0, 1).Ratio);
        Assert.Equal(0, Violation.AtMost("q", 0.0, 0).Ratio);
        Assert.Equal(double.PositiveInfinity, Violation.AtMost("q", 1e-300, 0).Ratio);
        // Lower: a measured 0 (either sign) under a positive bound is violated without end (+∞, never −∞).
        Assert.Equal(double.PositiveInfinity, Violation.AtLeast("q", 0.0, 0.9).Ratio);
        Assert.Equal(double.PositiveInfinity, Violation.AtLeast("q", -0.0, 0.9).Ratio);
        Assert.Equal(0, Violation.AtLeast("q", 0.5, 0).Ratio);
        Assert.Equal(0, Violation.AtLeast("q", 0.0, 0).Ratio);
    }

    [Fact]
    public void Pairing_law_classes_its_violation_on_the_nuclear_norm_scale()
    {
        // ⟨O(G), G⟩ off by 1e-4 relative: three digits short of exact, so accuracy on the scale ‖G‖_*; on the scale √rank it
        // would read as structural for ‖G‖_* ≫ √rank (σ₁ up to 1e4 here).
        var slightlyLong = new NamedOrthogonalizer("exact-polar×(1+1e-4)", g => ExactPolar.Default.Orthogonalize(g) * (1 + 1e-4));
        var generator = new MatrixGenOptions { ScaleLog10 = (3, 4) };
        var law = OrthogonalizerLaws.NuclearNormPairing(slightlyLong, ExactPolar.Default, generator) with { Subject = slightlyLong.Name };
        var v = PropertyAssert.Fails(law, output).Violation!;
        Assert.True(v.Measured > 1e-3 * Math.Sqrt(12), $"measured {R(v.Measured)}: must exceed the √rank threshold for the test to discriminate");
        Assert.Equal(ViolationClass.Accuracy, v.Class);
    }

    public static TheoryData<string, double> Ratios() => new()
    {
        { "at-most", Violation.AtMost("q", 3, 2).Ratio },
        { "at-least", Violation.AtLeast("q", 0.45, 0.9).Ratio },
        { "above-zero", Violation.Above("q", -0.3, 0).Ratio },
        { "below-zero", Violation.Below("q", 2, 0).Ratio },
        { "within-low", Violation.Within("q", 0.3, 0.6, 1.25).Ratio },
        { "within-high", Violation.Within("q", 2.5, 0.6, 1.25).Ratio },
        { "near", Violation.Near("q", 2.4, 2, 0.1).Ratio },
        { "equal", Violation.Equal("q", 3, 2).Ratio },
    };

    [Theory]
    [MemberData(nameof(Ratios))]
    public void Ratio_above_one_means_violated(string name, double ratio)
        => Assert.True(ratio > 1, $"{name}: ratio {ratio}");

    [Fact]
    public void Ratio_is_the_quotient_where_it_has_a_meaning()
    {
        Assert.Equal(1.5, Violation.AtMost("q", 3, 2).Ratio);
        Assert.Equal(2, Violation.AtLeast("q", 0.45, 0.9).Ratio, 12);
        Assert.Equal(2, Violation.Within("q", 0.3, 0.6, 1.25).Ratio, 12);
        Assert.Equal(2, Violation.Within("q", 2.5, 0.6, 1.25).Ratio, 12);
        Assert.Equal(2, Violation.Near("q", 2.4, 2, 0.1).Ratio, 12);
        Assert.Equal(double.PositiveInfinity, Violation.Above("q", -0.3, 0).Ratio);
        Assert.True(double.IsNaN(Violation.AtMost("q", double.NaN, 1).Ratio));
        Assert.Equal(0.5, Violation.AtMost("q", 1, 2).Ratio); // a relation that holds has ratio ≤ 1
    }

    [Fact]
    public void Describe_renders_each_relation_in_the_established_wording()
    {
        Assert.Equal("q = 3, bound 2 (ctx)", (Violation.AtMost("q", 3, 2) with { Context = "ctx" }).Describe());
        Assert.Equal("q = 1, lower bound 2; d (ctx)", (Violation.AtLeast("q", 1, 2) with { Detail = "d", Context = "ctx" }).Describe());
        Assert.Equal("q = -0.5, bound > 0", Violation.Above("q", -0.5, 0).Describe());
        Assert.Equal("q = 0.5, bound [0.6, 1.25]", Violation.Within("q", 0.5, 0.6, 1.25).Describe());
        Assert.Equal("q = 2.5, bound 2 ± 0.1 relative", Violation.Near("q", 2.5, 2, 0.1).Describe());
        Assert.Equal("q = 1, expected exactly 0", Violation.Equal("q", 1, 0).Describe());
        Assert.Equal("∈ [0.6, 1.25]", Violation.Within("q", 0.5, 0.6, 1.25).Comparison);
        Assert.Equal("[0.6, 1.25]", Violation.Within("q", 0.5, 0.6, 1.25).BoundText);
        Assert.Equal("1.0658141036401503E-14", Violation.AtMost("q", 1, 1.0658141036401503E-14).BoundText);
    }
    public static TheoryData<string, bool, double> HoldsAndExcess() => new()
    {
        // (relation case, holds, excess)
        { "at-most 3 ≤ 2", false, 1 },
        { "at-most 2 ≤ 2", true, 0 },
        { "at-least 1 ≥ 2", false, 1 },
        { "at-least 2 ≥ 2", true, 0 },
        { "below 2 < 2", false, 0 },
        { "below 1 < 2", true, -1 },
        { "above 2 > 2", false, 0 },
        { "above 3 > 2", true, -1 },
        { "within 0.5 ∈ [1, 2]", false, 0.5 },
        { "within 2.5 ∈ [1, 2]", false, 0.5 },
        { "within 1.5 ∈ [1, 2]", true, -0.5 },
        { "near 2.5 = 2 ± 0.1", false, 0.3 },
        { "near 2.1 = 2 ± 0.1", true, -0.1 },
        { "equal 3 = 2", false, 1 },
        { "equal 2 = 2", true, 0 },
    };

    private static Violation Case(string name) => name switch
    {
        "at-most 3 ≤ 2" => Violation.AtMost("q", 3, 2),
        "at-most 2 ≤ 2" => Violation.AtMost("q", 2, 2),
        "at-least 1 ≥ 2" => Violation.AtLeast("q", 1, 2),
        "at-least 2 ≥ 2" => Violation.AtLeast("q", 2, 2),
        "below 2 < 2" => Violation.Below("q", 2, 2),
        "below 1 < 2" => Violation.Below("q", 1, 2),
        "above 2 > 2" => Violation.Above("q", 2, 2),
        "above 3 > 2" => Violation.Above("q", 3, 2),
        "within 0.5 ∈ [1, 2]" => Violation.Within("q", 0.5, 1, 2),
        "within 2.5 ∈ [1, 2]" => Violation.Within("q", 2.5, 1, 2),
        "within 1.5 ∈ [1, 2]" => Violation.Within("q", 1.5, 1, 2),
        "near 2.5 = 2 ± 0.1" => Violation.Near("q", 2.5, 2, 0.1),
        "near 2.1 = 2 ± 0.1" => Violation.Near("q", 2.1, 2, 0.1),
        "equal 3 = 2" => Violation.Equal("q", 3, 2),
        _ => Violation.Equal("q", 2, 2),
    };

    [Theory]
    [MemberData(nameof(HoldsAndExcess))]
    public void Holds_and_excess_follow_the_relation(string name, bool holds, double excess)
    {
        var v = Case(name);
        Assert.Equal(holds, v.Holds);
        Assert.Equal(excess, v.Excess, 12);
        if (!holds && excess > 0) Assert.True(v.Ratio > 1, $"{name}: ratio {v.Ratio}");
        if (holds) Assert.True(v.Ratio <= 1, $"{name}: ratio {v.Ratio}");
    }

    [Fact]
    public void Ratio_covers_every_branch()
    {
        Assert.Equal(1.5, Violation.Below("q", 3, 2).Ratio);
        Assert.Equal(2.0 / 3, Violation.Above("q", 3, 2).Ratio, 12);       // holds: below 1
        Assert.Equal(0.8, Violation.Within("q", 1, 0.8, 2).Ratio, 12);    // inside: the nearer end's ratio, max(0.8/1, 1/2)
        Assert.Equal(0.75, Violation.Within("q", 1.5, 0.8, 2).Ratio, 12); // max(0.8/1.5, 1.5/2)
        Assert.Equal(0, Violation.AtMost("q", -1, 2).Ratio);              // holds with a negative measured value: 0
        Assert.Equal(double.PositiveInfinity, Violation.AtMost("q", -1, -2).Ratio); // violated, no meaningful quotient
        Assert.Equal(0, Violation.AtLeast("q", 1, -2).Ratio);
        Assert.Equal(double.PositiveInfinity, Violation.AtLeast("q", -3, -2).Ratio);
        Assert.Equal(double.PositiveInfinity, Violation.AtLeast("q", 0, 2).Ratio);
        Assert.Equal(0, Violation.Near("q", 0, 0, 0.1).Ratio);            // zero allowed, holds
        Assert.Equal(double.PositiveInfinity, Violation.Near("q", 1, 0, 0.1).Ratio);
        Assert.Equal(0.5, Violation.Near("q", 2.1, 2, 0.1).Ratio, 12);
        Assert.Equal(1, Violation.Equal("q", 2, 2).Ratio);
        Assert.True(double.IsNaN(Violation.AtMost("q", 1, double.NaN).Ratio));
        Assert.Equal(double.PositiveInfinity, Violation.AtMost("q", double.PositiveInfinity, 1).Ratio);
        Assert.Equal(0, Violation.AtMost("q", 0, 0).Ratio);                 // holds at a zero bound: no 0/0
        Assert.Equal(double.PositiveInfinity, Violation.Within("q", -1, 0.6, 1.25).Ratio); // below the interval, no meaningful quotient
        Assert.Equal(0, Violation.Within("q", 0, 0, 1).Ratio);              // at the lower end 0: holds
        Assert.Equal(0.5, Violation.Within("q", 0.5, 0, 1).Ratio, 12);     // inside, lower end 0: the upper end's ratio
        Assert.Equal(0, Violation.Within("q", -0.5, -1, 1).Ratio);          // inside, no meaningful quotient at either end
        Assert.Equal(double.PositiveInfinity, Violation.Within("q", 2, -2, -1).Ratio); // above a non-positive upper end
        Assert.Equal(0, Violation.Within("q", -1, -2, -1).Ratio);           // at a non-positive upper end: holds
        Assert.True(Violation.Within("q", 1, 1, 2).Holds);                  // both ends are inclusive
        Assert.True(Violation.Within("q", 2, 1, 2).Holds);
    }

    [Fact]
    public void Comparison_names_every_relation()
    {
        Assert.Equal("≤ 2", Violation.AtMost("q", 3, 2).Comparison);
        Assert.Equal("≥ 2", Violation.AtLeast("q", 1, 2).Comparison);
        Assert.Equal("< 0", Violation.Below("q", 1, 0).Comparison);
        Assert.Equal("> 1E-10", Violation.Above("q", 0, 1e-10).Comparison);
        Assert.Equal("= 2 ± 0.1 relative", Violation.Near("q", 3, 2, 0.1).Comparison);
        Assert.Equal("= 2", Violation.Equal("q", 3, 2).Comparison);
        Assert.Equal("q = 1, bound < 0", Violation.Below("q", 1, 0).Describe());
        Assert.Equal("q = 1, bound < 0", Violation.Below("q", 1, 0).ToString());
        Assert.Equal("2", Violation.Near("q", 3, 2, 0.1).BoundText);
    }

    [Fact]
    public void Factories_record_relation_ends_and_tolerance()
    {
        var within = Violation.Within("q", 3, 1, 2);
        Assert.Equal((BoundRelation.Within, 1.0, (double?)2.0, (double?)null), (within.Relation, within.Bound, within.BoundHigh, within.Tolerance));
        var near = Violation.Near("q", 3, 2, 0.1);
        Assert.Equal((BoundRelation.Near, 2.0, (double?)null, (double?)0.1), (near.Relation, near.Bound, near.BoundHigh, near.Tolerance));
        Assert.Equal(BoundRelation.Below, Violation.Below("q", 3, 2).Relation);
        Assert.Equal(BoundRelation.Above, Violation.Above("q", 1, 2).Relation);
        Assert.Equal(ViolationClass.Accuracy, Violation.AtLeast("q", 1 - 1e-6, 1, roundOff: true).Class);
        Assert.Equal(ViolationClass.Accuracy, Violation.Below("q", 1e-9, 0, roundOff: true).Class);
        Assert.Equal(ViolationClass.Accuracy, Violation.Above("q", -1e-9, 0, roundOff: true).Class);
        Assert.Equal(ViolationClass.Accuracy, Violation.Within("q", 1 + 1e-9, 0, 1, roundOff: true).Class);
        Assert.Equal(ViolationClass.Accuracy, Violation.Near("q", 1.1 + 1e-9, 1, 0.1, roundOff: true).Class);
        Assert.Equal(ViolationClass.Structural, Violation.Equal("q", 1e-300, 0).Class); // exact claims are never round-off bounds
        Assert.Throws<ArgumentNullException>(() => Violation.AtMost(null!, 1, 0));
        Assert.Throws<ArgumentNullException>(() => new SpecViolation((Violation)null!));
        Assert.Throws<ArgumentNullException>(() => new SpecViolation(null!, "message"));
        var thrown = new SpecViolation(Violation.AtMost("q", 3, 2), "own wording");
        Assert.Equal("own wording", thrown.Message);
        Assert.Equal(3, thrown.Violation!.Measured);
        Assert.Equal(ViolationKind.Law, thrown.Kind);
    }
}
