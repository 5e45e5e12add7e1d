using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Trajectories;

namespace Muon.Reference.Tests.Trajectories;

/// <summary>Every MF metric names the bad factor (NaN in P or Q, a missing or mismatched target) instead of returning NaN.</summary>
public sealed class MetricInputValidationTests
{
    private static readonly Matrix<double> Good = MatrixFunctions.Gaussian(4, 3, 1.0, new Rng(1));
    private static readonly TargetSvd Target = TargetSvd.Of(MatrixFunctions.Gaussian(4, 4, 1.0, new Rng(2)));

    private static Matrix<double> WithNaN()
    {
        var m = Good.Clone();
        m[2, 1] = double.NaN;
        return m;
    }

    public static TheoryData<string> Metrics() => new() { "delta1", "delta2", "mu-out", "mu-co", "mis-in", "mode-projections", "snapshot" };

    private static object Apply(string metric, Matrix<double> p, Matrix<double> q, TargetSvd target) => metric switch
    {
        "delta1" => MatrixFactorizationMetrics.Delta1(p, q),
        "delta2" => MatrixFactorizationMetrics.Delta2(p, q),
        "mu-out" => MatrixFactorizationMetrics.MuOut(p, q, target),
        "mu-co" => MatrixFactorizationMetrics.MuCo(p, q, target),
        "mis-in" => MatrixFactorizationMetrics.MisIn(p, q),
        "mode-projections" => MatrixFactorizationMetrics.ModeProjections(p, q, target),
        _ => MatrixFactorizationSnapshot.Of(p, q, target),
    };

    [Theory]
    [MemberData(nameof(Metrics))]
    public void NaN_in_either_factor_is_named(string metric)
    {
        var e = Assert.Throws<ArgumentException>(() => Apply(metric, WithNaN(), Good, Target));
        Assert.StartsWith("P has NaN at (2, 1)", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Apply(metric, Good, WithNaN(), Target));
        Assert.StartsWith("Q has NaN at (2, 1)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mu-out")]
    [InlineData("mu-co")]
    [InlineData("mode-projections")]
    public void A_missing_or_mismatched_target_is_named(string metric)
    {
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Apply(metric, Good, Good, null!)).ParamName);
        var wide = TargetSvd.Of(MatrixFunctions.Gaussian(4, 5, 1.0, new Rng(3)));
        var e = Assert.Throws<ArgumentException>(() => Apply(metric, Good, Good, wide));
        Assert.Equal("target", e.ParamName);
    }

    [Theory]
    [InlineData("mu-out")]
    [InlineData("mu-co")]
    [InlineData("mode-projections")]
    [InlineData("snapshot")]
    public void A_missing_target_is_named_before_a_bad_factor(string metric)
        // The target-taking metrics check the target first; the snapshot reports the same problem as its metrics.
        => Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Apply(metric, WithNaN(), Good, null!)).ParamName);

    [Fact]
    public void Relative_drift_names_its_arguments()
    {
        Assert.Equal("atA", Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.RelativeDrift(WithNaN(), Good)).ParamName);
        Assert.Equal("atB", Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.RelativeDrift(Good, WithNaN())).ParamName);
        Assert.Equal("atB", Assert.Throws<ArgumentException>(() => MatrixFactorizationMetrics.RelativeDrift(Good, Good.Transpose())).ParamName);
    }

    [Fact]
    public void Scalar_finiteness_check_prints_the_value_in_round_trip_form()
    {
        var e = Assert.Throws<ArgumentException>(() => Guard.Finite(double.NaN, "eta"));
        Assert.Equal("eta", e.ParamName);
        Assert.StartsWith("eta must be finite but is NaN", e.Message, StringComparison.Ordinal);
    }
}
