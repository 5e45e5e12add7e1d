using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Objectives;
using Muon.Reference.Optimizers;
using static Muon.Reference.Tests.Support.TestMatrices;

namespace Muon.Reference.Tests.Objectives;

/// <summary>Every entry point of every objective rejects null, a foreign layout and non-finite parameters, naming the argument.</summary>
public sealed class ObjectiveParameterCheckTests
{
    private static (ITwiceDifferentiableObjective F, ParameterSet X) Make(string objective) => objective switch
    {
        "mf" => (new MatrixFactorization(Ones(3, 2), 2), MatrixFactorization.Parameters(Ones(3, 2), Ones(2, 2))),
        "quadratic" => (new Quadratic(Matrix<double>.Build.DenseIdentity(3), Ones(3, 2)), Quadratic.Parameters(Ones(3, 2))),
        "symmetric-mf" => (new SymmetricMatrixFactorization(Matrix<double>.Build.DenseIdentity(3), 2), SymmetricMatrixFactorization.Parameters(Ones(3, 2))),
        _ => (new InContextRegression(Matrix<double>.Build.DenseIdentity(2)), InContextRegression.Parameters(Ones(2, 2))),
    };

    private static object Call(string entry, ITwiceDifferentiableObjective f, ParameterSet? bad, ParameterSet good) => entry switch
    {
        "loss" => f.Loss(bad!),
        "gradient" => f.Gradient(bad!),
        "hvp-at" => f.HessianVectorProduct(bad!, good),
        "hvp-direction" => f.HessianVectorProduct(good, bad!),
        _ => f switch
        {
            MatrixFactorization mf => mf.Residual(bad!),
            SymmetricMatrixFactorization smf => smf.Residual(bad!),
            InContextRegression icl => icl.Residual(bad!),
            _ => throw new InvalidOperationException("no residual"),
        },
    };

    private static string ArgumentOf(string entry) => entry switch
    {
        "hvp-at" => "at",
        "hvp-direction" => "direction",
        _ => "parameters",
    };

    public static TheoryData<string, string> EntryPoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var objective in new[] { "mf", "quadratic", "symmetric-mf", "icl" })
            foreach (var entry in new[] { "loss", "gradient", "residual", "hvp-at", "hvp-direction" })
                if (!(objective == "quadratic" && entry == "residual"))
                    data.Add(objective, entry);
        return data;
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Null_parameters_are_rejected_naming_the_argument(string objective, string entry)
    {
        var (f, x) = Make(objective);
        var e = Assert.Throws<ArgumentNullException>(() => Call(entry, f, null, x));
        Assert.Equal(ArgumentOf(entry), e.ParamName);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Foreign_layout_is_rejected_naming_the_argument_and_the_difference(string objective, string entry)
    {
        var (f, x) = Make(objective);
        var first = x[0].Key;
        var renamed = new ParameterSet(x.Select((kv, i) => i == 0 ? new KeyValuePair<string, Matrix<double>>("Z", kv.Value) : kv));
        var e = Assert.Throws<ArgumentException>(() => Call(entry, f, renamed, x));
        Assert.Equal(ArgumentOf(entry), e.ParamName);
        Assert.StartsWith($"{ArgumentOf(entry)}: parameter 0 is 'Z' but '{first}' was expected", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Reshaped_parameter_is_rejected_naming_both_shapes(string objective, string entry)
    {
        var (f, x) = Make(objective);
        var (first, m) = x[0];
        var reshaped = new ParameterSet(x.Select((kv, i) => i == 0 ? new KeyValuePair<string, Matrix<double>>(kv.Key, Ones(m.RowCount, m.ColumnCount + 1)) : kv));
        var e = Assert.Throws<ArgumentException>(() => Call(entry, f, reshaped, x));
        Assert.Equal(ArgumentOf(entry), e.ParamName);
        Assert.StartsWith($"{ArgumentOf(entry)}: '{first}' is {m.RowCount}×{m.ColumnCount + 1} but {m.RowCount}×{m.ColumnCount} was expected", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void NaN_parameter_is_rejected_naming_argument_parameter_and_entry(string objective, string entry)
    {
        var (f, x) = Make(objective);
        var (first, m) = x[0];
        var nan = m.Clone();
        nan[1, 0] = double.NaN;
        var bad = new ParameterSet(x.Select((kv, i) => i == 0 ? new KeyValuePair<string, Matrix<double>>(first, nan) : kv));
        var e = Assert.Throws<ArgumentException>(() => Call(entry, f, bad, x));
        Assert.Equal($"{ArgumentOf(entry)}['{first}']", e.ParamName);
        Assert.StartsWith($"{ArgumentOf(entry)}['{first}'] has NaN at (1, 0)", e.Message, StringComparison.Ordinal);
    }
}
