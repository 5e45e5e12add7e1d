using Muon.Reference.Optimizers;
using Muon.Reference.Objectives;
using Muon.Verification.Subjects;

namespace Muon.Verification.NegativeControls;

/// <summary>
/// Deliberately broken optimizer subjects for the theorem specs: each wraps a correct factory and breaks one
/// thing a spec's hypothesis depends on. The properties project asserts that the spec rejects them.
/// </summary>
public static class BrokenSubjects
{
    /// <summary>Steps with <c>factor·η_t</c> while the spec predicts with η_t (e.g. a(1 + 1e-3), or a budget
    /// η₀/(1−ρ) shrunk below the distance to travel).</summary>
    public static OptimizerSubject ScaledStep(OptimizerSubject inner, double factor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        string prefix = $"broken:step×{factor.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        return new($"{prefix}[{inner.Name}]", schedule => new Renamed(prefix, inner.Create(new ScaledStepSize(schedule, factor))));
    }

    /// <summary>Ignores the prescribed schedule and keeps its first value η₀ forever (a fixed step).</summary>
    public static OptimizerSubject FixedStep(OptimizerSubject inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        const string prefix = "broken:fixed-step";
        return new($"{prefix}[{inner.Name}]", schedule => new Renamed(prefix, inner.Create(StepSize.Constant(schedule.At(0)))));
    }

    /// <summary>Secretly multiplies η_t by ρᵗ (an implementation that applies its own decay on top of the schedule).</summary>
    public static OptimizerSubject HiddenDecay(OptimizerSubject inner, double rho)
    {
        ArgumentNullException.ThrowIfNull(inner);
        string prefix = $"broken:hidden-decay({rho.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
        return new($"{prefix}[{inner.Name}]", schedule => new Renamed(prefix, inner.Create(new DecayedStepSize(schedule, rho))));
    }

    /// <summary>Muon with schedule (B) at s₁ = 1, ignoring the constant step it is given: converges in ≈ 250 steps for every κ
    /// (the κ-independent subject that the GD-baseline claim of D3 must reject).</summary>
    public static OptimizerSubject AnnealedMuon { get; } = new("muon[exact-polar]+schedule-b(ignores η)", _ => MuonOptimizer.WithStepSize(StepSize.Geometric(0.05, 0.97)));

    /// <summary>The L_full matrix-factorization objective declared as L_half (its λ_max is 4s₁, not the declared 2s₁).</summary>
    public static MfObjectiveSubject FullDeclaredHalf { get; } = new("mf-objective[full, declared half]", (t, d) => new Muon.Reference.Objectives.MatrixFactorization(t, d, LossConvention.Full), LossConvention.Half);

    /// <summary>Prefixes the inner optimizer's name, so reports and seeds tell the control from the reference.</summary>
    private sealed class Renamed(string prefix, IOptimizer inner) : IOptimizer
    {
        public string Name => $"{prefix}[{inner.Name}]";

        public OptimizerState Start(ParameterSet parameters) => inner.Start(parameters);

        public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state) => inner.Step(parameters, gradients, state);
    }

    /// <summary>η_t·ρᵗ.</summary>
    private sealed record DecayedStepSize(StepSize Inner, double Rho) : StepSize
    {
        public override double At(int t) => Inner.At(t) * Math.Pow(Rho, t);

        public override string ToString() => $"{Inner}·{R(Rho)}^t";
    }

    /// <summary>η_t multiplied by a constant factor.</summary>
    private sealed record ScaledStepSize(StepSize Inner, double Factor) : StepSize
    {
        public override double At(int t) => Factor * Inner.At(t);

        public override string ToString() => $"{R(Factor)}×{Inner}";
    }
}
