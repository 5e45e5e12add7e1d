using Muon.Verification.Harness;

namespace Muon.Verification.Conformance;

/// <summary>Runs one conformance level against a session, writing one progress mark per property: the signature every level shares.</summary>
public delegate LevelResult LevelRunner(ConformanceSession session, RunSettings settings, TextWriter? progress);

/// <summary>A level of the conformance suite.</summary>
/// <param name="Name">The level's name in the report's mode (<c>orthogonalizer</c>, <c>optimizer</c>, <c>dynamics</c>).</param>
/// <param name="PropertyIds">Its property ids, in table order.</param>
/// <param name="Run">Runs it.</param>
public sealed record ConformanceLevel(string Name, IReadOnlyList<string> PropertyIds, LevelRunner Run);
