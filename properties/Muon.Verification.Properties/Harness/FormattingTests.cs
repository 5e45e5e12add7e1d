using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Harness;

namespace Muon.Verification.Properties.Harness;

/// <summary>The documented text forms of numbers, vectors and matrices in counterexamples and reports.</summary>
public sealed class FormattingTests
{
    [Fact]
    public void A_number_prints_in_invariant_round_trip_form()
    {
        Assert.Equal("0.1", Formatting.R(0.1));
        Assert.Equal("1E-300", Formatting.R(1e-300));
        Assert.Equal("-0", Formatting.R(-0.0));
        Assert.Equal(0.30000000000000004, double.Parse(Formatting.R(0.1 + 0.2), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_short_number_has_four_significant_digits()
    {
        Assert.Equal("3.142", Formatting.Short(Math.PI));
        Assert.Equal("1.235E+05", Formatting.Short(123456.0));
    }

    [Fact]
    public void A_vector_prints_as_a_bracketed_comma_separated_list()
    {
        Assert.Equal("[1, 0.5, -2]", Formatting.R([1.0, 0.5, -2.0]));
        Assert.Equal("[]", Formatting.R(Array.Empty<double>()));
    }

    [Fact]
    public void A_matrix_prints_as_nested_rows_pasteable_into_numpy()
    {
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 0.5, -3 } });
        Assert.Equal("[[1, 2], [0.5, -3]]", Formatting.R(m));
        Assert.Equal("[[7]]", Formatting.R(Matrix<double>.Build.Dense(1, 1, 7.0)));
    }

    [Fact]
    public void A_null_matrix_is_named()
        => Assert.Equal("m", Assert.Throws<ArgumentNullException>(() => Formatting.R((Matrix<double>)null!)).ParamName);
}
