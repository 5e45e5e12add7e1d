using System.Runtime.CompilerServices;

namespace Muon.Reference.Numerics;

/// <summary>
/// Runs MathNet.Numerics single-threaded in every process that loads the reference implementation.
/// </summary>
/// <remarks>
/// MathNet's managed linear algebra runs element-wise operations and products on matrices of a few hundred entries and
/// more through <c>Parallel.For</c>, which completes only when a thread-pool worker picks up its work. A caller that
/// waits synchronously on a pool thread — a test runner's test, an in-process protocol peer's client — can then leave
/// no worker free, and the pool adds one only through its starvation detector (≥ 0.5 s per thread, none while the CPU
/// is saturated): a step that takes 2 ms took 0.6–0.95 s on a quiet machine and more than the oracle's 10 s request
/// timeout under load. The reference's matrices are small, its hot products are its own <see cref="Gemm"/>, and its
/// callers parallelize at a coarser grain (test classes, benchmark threads), so intra-operation parallelism buys nothing
/// here and costs determinism of timing. Results do not change: MathNet's parallel loops partition rows, each entry is
/// computed by one thread in the same order either way.
/// </remarks>
internal static class SingleThreadedMathNet
{
#pragma warning disable CA2255 // a library module initializer: the setting must hold before any reference numerics runs, whoever calls them
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => MathNet.Numerics.Control.MaxDegreeOfParallelism = 1;
}
