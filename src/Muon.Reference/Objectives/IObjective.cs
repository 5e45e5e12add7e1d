using Muon.Reference.Optimizers;

namespace Muon.Reference.Objectives;

/// <summary>A differentiable loss over a named parameter set.</summary>
public interface IObjective
{
    /// <summary>Short name used in reports.</summary>
    string Name { get; }

    /// <summary>The parameter layout this objective expects (names and shapes, values irrelevant).</summary>
    ParameterSet Layout { get; }

    /// <summary>The loss at <paramref name="parameters"/>.</summary>
    double Loss(ParameterSet parameters);

    /// <summary>The gradient at <paramref name="parameters"/>, with the same layout.</summary>
    ParameterSet Gradient(ParameterSet parameters);
}

/// <summary>An objective that also provides exact Hessian-vector products.</summary>
public interface ITwiceDifferentiableObjective : IObjective
{
    /// <summary>∇²L(<paramref name="at"/>)·<paramref name="direction"/>.</summary>
    ParameterSet HessianVectorProduct(ParameterSet at, ParameterSet direction);
}
