using Muon.Reference.Optimizers;
using static Muon.Verification.Specs.SpecSupport;

using Muon.Verification.Subjects;

namespace Muon.Verification.Specs.Quadratics;

/// <summary>The per-draw outcomes a B2 rate spec counts: distance from the exact-polar grid and whether the loss beat the floor.</summary>
internal sealed record GridDraw(GridCase Case, double MaxGridDeviation, bool BelowFloor)
{
    /// <summary>Runs <paramref name="steps"/> fixed steps; the grid deviation is measured over the first 40.</summary>
    public static GridDraw Run(OptimizerSubject subject, GridCase c, int steps)
    {
        var w0 = c.W0;
        var s0 = Sigma(w0);
        double floor = GridConfinementSpecs.Floor(s0, c.Step);
        var orbit = GridOrbit.Run(subject.Create(StepSize.Constant(c.Step)), w0, steps, _ => c.Step, c.ToString());
        double deviation = 0;
        bool below = false;
        for (int t = 0; t <= steps; t++)
        {
            if (t <= 40)
                foreach (var x in orbit.Sigma[t]) deviation = Math.Max(deviation, GridDistance(x, s0, c.Step));
            if (orbit.Loss[t] < floor - orbit.LossError(t)) below = true;
        }
        return new GridDraw(c, deviation, below);
    }

    /// <summary>dist(x, ∪ⱼ{|sⱼ − ka| : k ∈ ℤ}): the points |sⱼ − ka| are sⱼ − ka (k ≤ sⱼ/a) and their reflections ka − sⱼ.</summary>
    public static double GridDistance(double x, IReadOnlyList<double> s0, double a)
    {
        double best = double.PositiveInfinity;
        foreach (var s in s0)
        {
            // x = s − ka ⇒ k = (s − x)/a; x = ka − s ⇒ k = (s + x)/a; check the nearest integers.
            foreach (double k in new[] { Math.Round((s - x) / a), Math.Round((s + x) / a) })
                best = Math.Min(best, Math.Abs(x - Math.Abs(s - k * a)));
        }
        return best;
    }
}
