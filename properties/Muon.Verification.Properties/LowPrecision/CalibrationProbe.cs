using Muon.Reference.Orthogonalizers;
using Muon.Verification.Arithmetic;
using Muon.Verification.Generators;
using Muon.Verification.Harness;
using Muon.Verification.Laws;

namespace Muon.Verification.Properties.LowPrecision;

/// <summary>A realistic peer with what it declares, and its laws run under a recording calibration.</summary>
internal sealed record CalibrationProbe(RealisticPeer Peer, FloatFormat Iteration, FloatFormat Normalization)
{
    public NewtonSchulz Declared => new(new CoefficientSchedule("declared", Peer.Steps.Select(s => new QuinticStep(s.A, s.B, s.C)).ToArray(), ScheduleExtension.Strict, Peer.Cushion), Peer.Steps.Length, Peer.Eps);

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
        new(RealisticPeer.KellerBf16(), FloatFormat.BFloat16, FloatFormat.BFloat16),
        new(RealisticPeer.KellerBf16(eps: 0), FloatFormat.BFloat16, FloatFormat.BFloat16),
        new(RealisticPeer.PolarExpressBf16(), FloatFormat.BFloat16, FloatFormat.BFloat16),
        new(RealisticPeer.KellerF16AfterF32(), FloatFormat.Float16, FloatFormat.Float32),
    ];
}
