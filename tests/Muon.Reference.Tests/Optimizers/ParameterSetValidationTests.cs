using Muon.Reference.Optimizers;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Optimizers;

public sealed class ParameterSetValidationTests
{
    private static readonly ParameterSet Abc = ParameterSet.Of(("A", Ones(2, 2)), ("B", Ones(2, 3)), ("C", Ones(1, 1)));

    [Fact]
    public void Null_items_are_rejected()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new ParameterSet(null!));
        Assert.Equal("items", e.ParamName);
    }

    [Fact]
    public void Duplicate_name_is_rejected_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => ParameterSet.Of(("P", Ones(1, 1)), ("P", Ones(1, 1))));
        Assert.Equal("items", e.ParamName);
        Assert.Contains("parameter 'P' appears twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_matrix_is_rejected_naming_its_parameter()
    {
        var e = Assert.Throws<ArgumentNullException>(() => ParameterSet.Of(("P", Ones(1, 1)), ("Q", null!)));
        Assert.Equal("Q", e.ParamName);
    }

    [Fact]
    public void Layout_check_of_null_is_rejected()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Abc.RequireSameLayout(null!, "gradients"));
        Assert.Equal("other", e.ParamName);
    }

    [Fact]
    public void Different_parameter_count_lists_both_name_lists()
    {
        var ab = ParameterSet.Of(("A", Ones(2, 2)), ("B", Ones(2, 3)));
        var e = Assert.Throws<ArgumentException>(() => Abc.RequireSameLayout(ab, "gradients"));
        Assert.Equal("gradients", e.ParamName);
        Assert.StartsWith("gradients has 2 parameters (A, B) but 3 were expected (A, B, C).", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, ParameterSet, string> Mismatches() => new()
    {
        { "fewer", ParameterSet.Of(("A", Ones(2, 2))), "other has 1 parameters (A) but 3 were expected" },
        { "renamed", ParameterSet.Of(("A", Ones(2, 2)), ("X", Ones(2, 3)), ("C", Ones(1, 1))), "other: parameter 1 is 'X' but 'B' was expected" },
        { "reshaped", ParameterSet.Of(("A", Ones(2, 2)), ("B", Ones(2, 2)), ("C", Ones(1, 1))), "other: 'B' is 2×2 but 2×3 was expected" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Zip_with_a_different_layout_names_the_difference(string kind, ParameterSet other, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Abc.Zip(other, (_, a, _) => a));
        Assert.Equal("other", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(kind);
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Inner_with_a_different_layout_names_the_difference(string kind, ParameterSet other, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Abc.Inner(other));
        Assert.Equal("other", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(kind);
    }
}
