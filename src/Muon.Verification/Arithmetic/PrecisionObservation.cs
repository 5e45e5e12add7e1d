using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Orthogonalizers;

namespace Muon.Verification.Arithmetic;

/// <summary>
/// The working precision of an orthogonalizer as seen from outside: the narrowest <see cref="FloatFormat"/> that represents
/// every nonzero output entry observed. A 16-bit iteration's outputs are exactly 16-bit numbers (e.g. 1.109375), while a
/// float64 computation's are not even float32 numbers (a random float64 is a float32 number with probability 2⁻²⁹), so
/// a few hundred entries identify the format. A float64-declared implementation whose outputs are bfloat16 numbers is a
/// finding, and so is a narrower declaration over float64 outputs (the declaration buys looser tolerances); float32 outputs
/// under a 16-bit declaration are not (a bf16 iteration whose last product is written in float32). Thread-safe.
/// </summary>
public sealed class PrecisionObservation
{
    /// <summary>Entries needed before a format is named (below it, <see cref="Measured"/> is null).</summary>
    public const int MinimumEntries = 100;

    private readonly object _gate = new();
    private readonly int[] _misses = new int[FloatFormat.All.Count];
    private int _entries;

    /// <summary>Counts the nonzero entries of <paramref name="output"/> each format represents.</summary>
    public void Observe(Matrix<double> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_gate)
            foreach (double v in output.Enumerate())
            {
                if (v == 0 || !double.IsFinite(v)) continue;
                _entries++;
                for (int i = 0; i < _misses.Length; i++)
                    if (!FloatFormat.All[i].Represents(v)) _misses[i]++;
            }
    }

    /// <summary>Nonzero finite entries observed.</summary>
    public int Entries { get { lock (_gate) return _entries; } }

    /// <summary>The narrowest format representing every observed entry, or null with fewer than <see cref="MinimumEntries"/> entries.</summary>
    public FloatFormat? Measured
    {
        get
        {
            lock (_gate)
            {
                if (_entries < MinimumEntries) return null;
                FloatFormat narrowest = FloatFormat.Float64;
                for (int i = 0; i < _misses.Length; i++)
                    if (_misses[i] == 0 && FloatFormat.All[i].Precision < narrowest.Precision) narrowest = FloatFormat.All[i];
                return narrowest;
            }
        }
    }

    /// <summary>A one-line statement of what was measured against what was declared, and whether it is a finding.</summary>
    public string Describe(FloatFormat declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return Measured switch
        {
            null => $"working precision not measured ({Entries} nonzero output entries, {MinimumEntries} needed)",
            { } m when m.Precision < declared.Precision => $"FINDING: outputs are {m} numbers (all {Entries} nonzero entries), declared {declared}",
            { } m when m == FloatFormat.Float64 && declared != FloatFormat.Float64 =>
                $"FINDING: outputs are float64 numbers ({Entries} nonzero entries), declared {declared}: judged with {declared}'s tolerances, looser than this implementation needs — declare the arithmetic it computes in",
            { } m => $"measured working precision {m} ({Entries} entries)",
        };
    }

    /// <summary>An orthogonalizer that reports every output of <paramref name="inner"/> to <paramref name="observation"/>.</summary>
    public static IOrthogonalizer Observing(IOrthogonalizer inner, PrecisionObservation observation) => new Observed(inner, observation);

    private sealed class Observed(IOrthogonalizer inner, PrecisionObservation observation) : IOrthogonalizer
    {
        public string Name => inner.Name;

        public Matrix<double> Orthogonalize(Matrix<double> g)
        {
            var result = inner.Orthogonalize(g);
            if (result is not null) observation.Observe(result);
            return result!;
        }
    }
}
