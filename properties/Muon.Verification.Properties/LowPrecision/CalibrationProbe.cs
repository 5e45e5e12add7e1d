using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>A realistic peer with what it declares, and its laws run under a recording calibration.</summary>
internal sealed record CalibrationProbe(IOrthogonalizer Peer, ISpectralOrthogonalizer Declared, FloatFormat Iteration, FloatFormat Normalization)
{
    /// <summary>A Newton–Schulz peer declaring exactly its own coefficients, cushion and eps.</summary>
    public static CalibrationProbe Of(RealisticPeer peer, FloatFormat iteration, FloatFormat normalization) => new(peer,
        new NewtonSchulz(new CoefficientSchedule("declared", peer.Steps.Select(s => new QuinticStep(s.A, s.B, s.C)).ToArray(), ScheduleExtension.Strict, peer.Cushion), peer.Steps.Length, peer.Eps),
        iteration, normalization);

    /// <summary>Runs every calibrated law on <paramref name="subject"/> (default: the peer), recording ratio = violation / round-off scale per law.</summary>
    public (IReadOnlyDictionary<string, PropertyReport> Reports, IReadOnlyDictionary<string, List<double>> Ratios) Run(RunSettings settings, IOrthogonalizer? subject = null, double factor = LawCalibration.DefaultFactor)
    {
        var ratios = new Dictionary<string, List<double>>();
        var calibration = new LawCalibration(new EmulatedOrthogonalizer(Declared, Iteration, Normalization), factor)
        {
            Observer = (id, measured, scale) =>
            {
                lock (ratios)
                {
                    if (!ratios.TryGetValue(id, out var list)) ratios[id] = list = [];
                    list.Add(measured / scale);
                }
            },
        };
        var laws = OrthogonalizerLaws.For(subject ?? Peer, Declared, new MatrixGenOptions(), calibration: calibration).Where(l => l.Id != "orthogonalizer/zero-in-zero-out");
        var reports = laws.ToDictionary(l => l.Id, l => PropertyRunner.Run(l, settings));
        return (reports, ratios);
    }

    public static IReadOnlyList<CalibrationProbe> All { get; } =
    [
        Of(RealisticPeer.KellerBf16(), FloatFormat.BFloat16, FloatFormat.BFloat16),
        Of(RealisticPeer.KellerBf16(eps: 0), FloatFormat.BFloat16, FloatFormat.BFloat16),
        Of(RealisticPeer.PolarExpressBf16(), FloatFormat.BFloat16, FloatFormat.BFloat16),
        Of(RealisticPeer.KellerF16AfterF32(), FloatFormat.Float16, FloatFormat.Float32),
        Of(RealisticPeer.KellerBf16MuonPy(), FloatFormat.BFloat16, FloatFormat.BFloat16),
        new(new ExactPolarBf16Peer(), ExactPolar.Default, FloatFormat.BFloat16, FloatFormat.BFloat16),
    ];
}
