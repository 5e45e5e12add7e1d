using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

public sealed class BadInputTests
{
    public static TheoryData<string> Orthogonalizers() => new() { "exact", "cubic", "quintic", "polar-express" };

    private static IOrthogonalizer Make(string name) => name switch
    {
        "exact" => ExactPolar.Default,
        "cubic" => NewtonSchulz.Cubic(),
        "quintic" => NewtonSchulz.KellerQuintic(),
        _ => NewtonSchulz.PolarExpress(),
    };

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void NaN_entry_is_named_with_its_position(string name)
    {
        var g = Matrix<double>.Build.Dense(3, 2, 1.0);
        g[2, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Make(name).Orthogonalize(g));
        Assert.Contains("NaN at (2, 1)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Infinite_entry_is_named(string name)
    {
        var g = Matrix<double>.Build.Dense(2, 2, 1.0);
        g[0, 1] = double.NegativeInfinity;
        var e = Assert.Throws<ArgumentException>(() => Make(name).Orthogonalize(g));
        Assert.Contains("−∞ at (0, 1)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Empty_matrix_is_rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Make(name).Orthogonalize(Matrix<double>.Build.Dense(0, 3)));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orthogonalizers))]
    public void Zero_matrix_gives_zero_without_NaN(string name)
    {
        var o = Make(name).Orthogonalize(Matrix<double>.Build.Dense(4, 2));
        Assert.All(o.Enumerate(), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Threshold_outside_unit_interval_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactPolar(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactPolar(double.NaN));
    }

    [Fact]
    public void Newton_schulz_rejects_zero_steps_and_negative_eps()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewtonSchulz.Cubic(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NewtonSchulz(CoefficientSchedule.Cubic, 3, eps: -1));
    }
}
