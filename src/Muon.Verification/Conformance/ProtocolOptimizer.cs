using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Optimizers;
using Muon.Verification.Conformance.Protocol;

using Muon.Verification.Subjects;

namespace Muon.Verification.Conformance;

/// <summary>
/// A protocol implementation's optimizer (<c>optimizer.new</c> / <c>optimizer.step</c>) as the momentum-free
/// <see cref="IOptimizer"/> <c>W ← W − η_t·O(∇L)</c> the theorem specs are stated for, with a step-size schedule.
/// <para>
/// Protocol v1 fixes the learning rate at <c>optimizer.new</c>. Every request is sent with β = 0 and λ = 0: then the
/// update is <c>p ← p − η·s(rows, cols)·O(g)</c> under every momentum convention (EMA and heavy-ball buffers equal g,
/// and so does the Nesterov input), so the optimizer's state carries nothing from one step to the next and a new
/// handle created at the current parameters continues the run exactly. A schedule is therefore followed by one
/// <c>optimizer.new</c> whenever η_t changes (a constant step reuses one handle: one request per step). The
/// implementation's shape scale s — declared or measured by <see cref="ConformanceSession.Conventions"/> — is
/// divided out of the learning rate sent (<c>lr = η_t / s(rows, cols)</c>, one handle per parameter), so the effective
/// step is η_t; linearity in lr is checked separately at the optimizer level.
/// </para>
/// </summary>
public sealed class ProtocolOptimizer : IOptimizer
{
    private readonly ProtocolClient _client;
    private readonly StepSize _schedule;
    private readonly ShapeScale _scale;
    private readonly bool _nesterov;
    private readonly Dictionary<int, (string Handle, double Lr, Matrix<double> Last)> _handles = [];

    /// <summary>Wraps the session's optimizer for <paramref name="schedule"/>.</summary>
    /// <param name="client">The greeted session.</param>
    /// <param name="name">The implementation's name (for reports).</param>
    /// <param name="schedule">η_t.</param>
    /// <param name="scale">The implementation's shape scale (declared or measured), divided out of the lr sent.</param>
    /// <param name="nesterov">The Nesterov flag to send (irrelevant at β = 0; the declared value when one is declared).</param>
    public ProtocolOptimizer(ProtocolClient client, string name, StepSize schedule, ShapeScale scale, bool nesterov)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = $"protocol[{name}]";
        _scale = scale;
        _nesterov = nesterov;
    }

    /// <summary>The optimizer subject the specs take (one wrapper per schedule, sharing the session), named <c>protocol[NAME]</c>.</summary>
    public static OptimizerSubject Subject(ProtocolClient client, string name, ShapeScale scale, bool nesterov)
        => new($"protocol[{name}]", schedule => new ProtocolOptimizer(client, name, schedule, scale, nesterov));

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public OptimizerState Start(ParameterSet parameters) => OptimizerState.Initial();

    /// <inheritdoc />
    public OptimizerStep Step(ParameterSet parameters, ParameterSet gradients, OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(state);
        parameters.RequireSameLayout(gradients, nameof(gradients));
        double eta = _schedule.At(state.T);
        var next = new List<KeyValuePair<string, Matrix<double>>>();
        for (int i = 0; i < parameters.Count; i++)
        {
            var (name, p) = parameters[i];
            double lr = eta / _scale.Factor(p.RowCount, p.ColumnCount);
            // Reuse the handle only when it sits exactly at these parameters with this lr (β = 0, λ = 0: no other state).
            string handle = _handles.TryGetValue(i, out var h) && h.Lr == lr && ReferenceEquals(h.Last, p)
                ? h.Handle
                : _client.OptimizerNew(new OptimizerHyper(lr, 0, _nesterov, 0), [p]);
            var stepped = _client.OptimizerStep(handle, [gradients[i].Value])[0];
            _handles[i] = (handle, lr, stepped);
            next.Add(new(name, stepped));
        }
        return new OptimizerStep(new ParameterSet(next), new OptimizerState(state.T + 1, null), eta);
    }
}
