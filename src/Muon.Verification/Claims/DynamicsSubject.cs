using Muon.Reference.Orthogonalizers;
using Muon.Verification.Subjects;

namespace Muon.Verification.Claims;

/// <summary>What a dynamics-level property is instantiated for: an implementation's own optimizer and what it declares.</summary>
/// <param name="Muon">The optimizer under test (over the protocol: momentum-free, lr = η_t / shape scale).</param>
/// <param name="Declared">The declared Newton–Schulz iteration, or null for a declared exact polar.</param>
/// <param name="U">Unit roundoff of the declared working precision (round-off bounds δ_t use it).</param>
public sealed record DynamicsSubject(OptimizerSubject Muon, NewtonSchulz? Declared, double U);
