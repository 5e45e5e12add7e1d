using MathNet.Numerics;
using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Numerics;

/// <summary>
/// The reference runs MathNet.Numerics single-threaded (its parallel loops need thread-pool workers, which a caller
/// waiting on a pool thread — a test, an in-process protocol peer's client — may leave none of).
/// </summary>
public sealed class SingleThreadedMathNetTests
{
    [Fact]
    public void Mathnet_runs_single_threaded_once_the_reference_is_loaded()
    {
        _ = ExactPolar.Default.Name; // loads Muon.Reference, whose module initializer runs first
        Assert.Equal(1, Control.MaxDegreeOfParallelism);
    }
}
