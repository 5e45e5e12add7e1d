using Muon.Reference.Optimizers;
using Muon.Verification.Conformance.Protocol;

namespace Muon.Verification.Conformance;

/// <summary>
/// The optimizer conventions the oracle holds an implementation to: declared where declared, otherwise
/// measured by a probe step (and reported as measured), never assumed silently.
/// </summary>
/// <param name="Convention">Momentum convention of the reference (EMA when undeclared: after orthogonalization EMA and heavy ball give the same update).</param>
/// <param name="Betas">Momentum coefficients sent (only 0 when the implementation declares <c>momentum: none</c>).</param>
/// <param name="NesterovValues">Nesterov flags sent (the declared one, or both).</param>
/// <param name="Scale">Shape scale (declared or measured), or null when undeclared and no known convention fits.</param>
/// <param name="ScaleSource">"declared", "measured" or the probe's failure.</param>
/// <param name="DecoupledDecay">Whether weight decay is decoupled (declared or measured), or null when undeclared and neither form fits.</param>
/// <param name="DecaySource">"declared", "measured" or the probe's failure.</param>
public sealed record OptimizerConventions(
    MomentumConvention Convention,
    double[] Betas,
    bool[] NesterovValues,
    ShapeScale? Scale,
    string ScaleSource,
    bool? DecoupledDecay,
    string DecaySource)
{
    /// <summary>The protocol name of a shape scale.</summary>
    public static string ScaleName(ShapeScale s) => s switch
    {
        ShapeScale.None => "none",
        ShapeScale.SqrtMax1RowsOverCols => "sqrt-max-1-rows-over-cols",
        ShapeScale.Rms02 => "rms-0.2",
        ShapeScale.SqrtRowsOverCols => "sqrt-rows-over-cols",
        _ => "sqrt-max-rows-cols",
    };

    /// <summary>The shape scale a protocol name stands for.</summary>
    public static ShapeScale ParseScale(string name) => Enum.GetValues<ShapeScale>().Single(s => ScaleName(s) == name);

    /// <summary>Conventions from the declarations alone (scale and decay left to <see cref="WithMeasured"/> when undeclared).</summary>
    public static OptimizerConventions FromDeclarations(Declarations d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var convention = d.Momentum == "heavy-ball" ? MomentumConvention.HeavyBall : MomentumConvention.Ema;
        double[] betas = d.Momentum == "none" ? [0.0] : [0.0, 0.5, 0.9, 0.95];
        bool[] nesterov = d.Momentum == "none" ? [false] : d.Nesterov is bool n ? [n] : [false, true];
        return new OptimizerConventions(convention, betas, nesterov,
            d.Scale is null ? null : ParseScale(d.Scale), d.Scale is null ? "undeclared" : "declared",
            d.WeightDecay is null ? null : d.WeightDecay == "decoupled", d.WeightDecay is null ? "undeclared" : "declared");
    }

    /// <summary>Fills undeclared scale / decay with measured values (null when the probe found no known convention).</summary>
    public OptimizerConventions WithMeasured(ShapeScale? scale, string scaleProbe, bool? decoupled, string decayProbe) => this with
    {
        Scale = ScaleSource == "declared" ? Scale : scale,
        ScaleSource = ScaleSource == "declared" ? ScaleSource : scaleProbe,
        DecoupledDecay = DecaySource == "declared" ? DecoupledDecay : decoupled,
        DecaySource = DecaySource == "declared" ? DecaySource : decayProbe,
    };

    /// <summary>One-line account for the report.</summary>
    public string Describe() =>
        $"momentum {(Convention == MomentumConvention.HeavyBall ? "heavy-ball" : "ema")} (β ∈ {{{string.Join(", ", Betas)}}}), nesterov ∈ {{{string.Join(", ", NesterovValues.Select(b => b ? "true" : "false"))}}}, " +
        $"scale {(Scale is { } s ? ScaleName(s) : "unrecognized")} ({ScaleSource}), weight decay {(DecoupledDecay switch { true => "decoupled", false => "none", _ => "unrecognized" })} ({DecaySource})";
}
