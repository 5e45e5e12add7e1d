using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Properties.Conformance;

/// <summary>The protocol's matrix encoding: exact round trip (incl. non-finite strings) and clear errors.</summary>
public sealed class MatrixJsonTests
{
    [Fact]
    public void RoundTrip_is_bit_exact_for_random_and_extreme_values()
    {
        var rng = new Rng(20261122);
        double[] extremes = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-308, 0.1, 1.0 / 3, Math.PI];
        var m = Matrix<double>.Build.Dense(7, 5, (i, j) => i * 5 + j < extremes.Length ? extremes[i * 5 + j] : (rng.NextDouble() - 0.5) * Math.Pow(10, 40 * (rng.NextDouble() - 0.5)));
        var back = MatrixJson.FromJson(MatrixJson.ToJson(m));
        Assert.Equal(7, back.RowCount);
        Assert.Equal(5, back.ColumnCount);
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 5; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(m[i, j]), BitConverter.DoubleToInt64Bits(back[i, j]));
    }

    [Fact]
    public void NonFinite_entries_travel_as_the_three_strings()
    {
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN, double.PositiveInfinity }, { double.NegativeInfinity, 2.5 } });
        string json = MatrixJson.ToJson(m);
        Assert.Equal("{\"rows\":2,\"cols\":2,\"data\":[\"NaN\",\"Infinity\",\"-Infinity\",2.5]}", json);
        var back = MatrixJson.FromJson(json);
        Assert.True(double.IsNaN(back[0, 0]));
        Assert.Equal(double.PositiveInfinity, back[0, 1]);
        Assert.Equal(double.NegativeInfinity, back[1, 0]);
        Assert.Equal(2.5, back[1, 1]);
    }

    [Fact]
    public void Data_is_row_major()
    {
        var m = MatrixJson.FromJson("{\"rows\":2,\"cols\":3,\"data\":[1,2,3,4,5,6]}");
        Assert.Equal(3.0, m[0, 2]);
        Assert.Equal(4.0, m[1, 0]);
    }

    [Theory]
    [InlineData("{\"rows\":2,\"cols\":2,\"data\":[1,2,3]}", "has 3 entries (expected 4")]
    [InlineData("{\"rows\":2,\"data\":[1,2]}", "has no \"cols\"")]
    [InlineData("{\"rows\":0,\"cols\":2,\"data\":[]}", "rows = 0 is not a positive integer")]
    [InlineData("{\"rows\":1.5,\"cols\":2,\"data\":[1,2]}", "rows = 1.5 is not a positive integer")]
    [InlineData("{\"rows\":1,\"cols\":2,\"data\":[1,\"nan\"]}", "data[1] is the string \"nan\"")]
    [InlineData("{\"rows\":1,\"cols\":2,\"data\":[1,true]}", "data[1] is a JSON true, not a number")]
    [InlineData("{\"rows\":1,\"cols\":1,\"data\":[1e999]}", "does not fit a float64")]
    [InlineData("[1,2]", "is a JSON array, not a matrix object")]
    [InlineData("{\"rows\":1,\"cols\":1}", "has no \"data\" array")]
    public void Malformed_matrices_are_rejected_naming_the_problem(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => MatrixJson.FromJson(json, "g"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
