using MathNet.Numerics.LinearAlgebra;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Statistics;
using static Muon.Verification.Harness.Formatting;

namespace Muon.Verification.Specs.MatrixFactorization;

/// <summary>Small helpers shared by the matrix-factorization specs: violations with the draw, aligned matrices.</summary>
public static class MfCheck
{
    /// <summary>
    /// Throws a <see cref="SpecViolation"/> "quantity = value, bound ≤ b (subject; draw; detail)" when <paramref name="ok"/>
    /// (the caller's own test of the claim) is false; <paramref name="relation"/> and <paramref name="bound"/> state the
    /// claim in numbers (≤, ≥, &lt;, &gt;; an interval is <see cref="Within"/>). <paramref name="roundOff"/>: the bound is a
    /// round-off bound, so a violation small on the quantity's natural <paramref name="scale"/> is accuracy (<see cref="ViolationClassifier"/>).
    /// </summary>
    public static void That(bool ok, string quantity, double value, BoundRelation relation, double bound, string subject, MfCase c, string detail = "", bool roundOff = false, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (ok) return;
        var v = relation switch
        {
            BoundRelation.AtMost => Violation.AtMost(quantity, value, bound, roundOff, scale),
            BoundRelation.AtLeast => Violation.AtLeast(quantity, value, bound, roundOff, scale),
            BoundRelation.Below => Violation.Below(quantity, value, bound, roundOff, scale),
            BoundRelation.Above => Violation.Above(quantity, value, bound, roundOff, scale),
            _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, "one bound: AtMost, AtLeast, Below or Above (an interval is MfCheck.Within)."),
        };
        Fail(v, subject, c, detail);
    }

    /// <summary>Throws unless <paramref name="value"/> ≤ <paramref name="bound"/> (NaN fails); <paramref name="roundOff"/> and <paramref name="scale"/> as for <see cref="That"/>.</summary>
    public static void AtMost(double value, double bound, string quantity, string subject, MfCase c, string detail = "", bool roundOff = false, double scale = 1)
        => That(value <= bound, quantity, value, BoundRelation.AtMost, bound, subject, c, detail, roundOff, scale);

    /// <summary>Throws unless <paramref name="value"/> ≥ <paramref name="bound"/> (NaN fails); <paramref name="roundOff"/> and <paramref name="scale"/> as for <see cref="That"/>.</summary>
    public static void AtLeast(double value, double bound, string quantity, string subject, MfCase c, string detail = "", bool roundOff = false, double scale = 1)
        => That(value >= bound, quantity, value, BoundRelation.AtLeast, bound, subject, c, detail, roundOff, scale);

    /// <summary>Throws unless <paramref name="low"/> ≤ <paramref name="value"/> ≤ <paramref name="high"/> (NaN fails): "bound ∈ [lo, hi]".</summary>
    public static void Within(double value, double low, double high, string quantity, string subject, MfCase c, string detail = "")
    {
        ArgumentNullException.ThrowIfNull(c);
        if (value >= low && value <= high) return;
        Fail(Violation.Within(quantity, value, low, high), subject, c, detail);
    }

    private static void Fail(Violation violation, string subject, MfCase c, string detail)
    {
        var v = violation with { Context = $"{subject}; {Draw(c)}{(detail.Length > 0 ? "; " + detail : "")}" };
        throw new SpecViolation(v, $"{v.Quantity} = {R(v.Measured)}, bound {v.Comparison} ({v.Context})");
    }

    /// <summary>Returned by a rate judge for a draw outside the claim's scope (e.g. no window): not counted as a trial.</summary>
    public const string Discarded = "(discarded)";

    /// <summary>
    /// A rate claim over a batch: judges <paramref name="cases"/> in order (<paramref name="judge"/> returns null when the
    /// draw satisfies the claim, <see cref="Discarded"/> when the draw is outside its scope, otherwise what it violated)
    /// and requires the 99% Clopper–Pearson lower bound of the rate over the judged draws to be ≥
    /// <paramref name="claimed"/> (<see cref="StatAssert.RateAtLeast"/>). Stops as soon as the verdict is certain — more
    /// violations than a batch of the largest possible size can have and still pass — counting the draws not run as
    /// held, so the reported rate can only be too high. The message carries the first violation and
    /// <paramref name="summary"/> (evaluated after the run, e.g. the worst draw).
    /// </summary>
    public static void RateAtLeast(string what, IReadOnlyList<MfCase> cases, Func<MfCase, string?> judge, double claimed, string subject, Func<string>? summary = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(judge);
        int n = cases.Count, failures = 0, run = 0, discarded = 0;
        string? first = null;
        foreach (var c in cases)
        {
            run++;
            var verdict = judge(c);
            if (ReferenceEquals(verdict, Discarded))
            {
                discarded++;
                continue;
            }
            if (verdict is not null)
            {
                failures++;
                first ??= $"{verdict} at {Draw(c)}";
                if (failures > AllowedFailures(n - discarded, claimed)) break;
            }
        }
        int trials = n - discarded;
        string context = $"{subject}; batch of {n} draws{(discarded > 0 ? $" ({discarded} outside the claim's scope, not counted)" : "")}, first seed {cases[0].Seed}"
            + (run < n ? $"; stopped after {run} draws with {failures} violations (more than a pass allows), the {n - run} not run counted as held" : "")
            + (first is null ? "" : $"; first violation: {first}")
            + (summary is null ? "" : "; " + summary());
        if (trials == 0) throw new SpecViolation($"rate({what}): no draw of the batch is inside the claim's scope ({context})");
        StatAssert.RateAtLeast(what, trials - failures, trials, claimed, context);
    }

    /// <summary>The most violations a batch of <paramref name="n"/> draws can have with its 99% Clopper–Pearson lower bound still ≥ <paramref name="claimed"/> (−1: none).</summary>
    public static int AllowedFailures(int n, double claimed)
    {
        int f = -1;
        while (f + 1 < n && ClopperPearson.Lower(n - (f + 1), n, StatAssert.DefaultConfidence) >= claimed) f++;
        return f;
    }

    /// <summary>A one-line summary of the draw: dims, spectrum ends, init, scale, step, seed.</summary>
    public static string Draw(MfCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"m={c.M} n={c.N} d={c.D} r={c.Rank} s₁={Short(c.S1)} s_r={Short(c.Problem.S[^1])} κ={Short(c.Kappa)} init={c.Init} "
             + (c.Init == MfInit.Aligned ? $"p₀,q₀∈[{Short(c.InitLo)}, {Short(c.InitHi)}]" : $"α={Short(c.Alpha)}")
             + $" η={Short(c.Eta)} seed={c.Seed}";
    }

    /// <summary><c>X diag(x) Wᵀ</c>.</summary>
    public static Matrix<double> Aligned(Matrix<double> x, IReadOnlyList<double> diagonal, Matrix<double> w)
        => Muon.Reference.Numerics.MatrixFunctions.FromFactors(x, diagonal, w);

    /// <summary>The diagonal <c>xᵢᵀ A wᵢ</c>, i &lt; columns of X.</summary>
    public static double[] Diagonal(Matrix<double> x, Matrix<double> a, Matrix<double> w)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(w);
        var xa = x.TransposeThisAndMultiply(a) * w;
        return Enumerable.Range(0, x.ColumnCount).Select(i => xa[i, i]).ToArray();
    }
}
