namespace Muon.Verification.Laws;

/// <summary>The range of output singular values seen by the band property (thread-safe).</summary>
public sealed class BandObservation
{
    private readonly Lock _lock = new();

    /// <summary>Smallest output singular value seen (+∞ before any case).</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest output singular value seen (−∞ before any case).</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Records one output's extreme singular values.</summary>
    public void Record(double lo, double hi)
    {
        lock (_lock)
        {
            if (lo < Min || double.IsNaN(lo)) Min = lo;
            if (hi > Max || double.IsNaN(hi)) Max = hi;
        }
    }
}
