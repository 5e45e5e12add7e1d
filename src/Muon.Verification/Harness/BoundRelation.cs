namespace Muon.Verification.Harness;

/// <summary>How a measured value is held to its bound (the claim; a <see cref="Violation"/> records that it failed).</summary>
public enum BoundRelation
{
    /// <summary>measured ≤ bound.</summary>
    AtMost,
    /// <summary>measured ≥ bound.</summary>
    AtLeast,
    /// <summary>measured &lt; bound (strict).</summary>
    Below,
    /// <summary>measured &gt; bound (strict).</summary>
    Above,
    /// <summary>bound ≤ measured ≤ bound_high (a two-sided interval).</summary>
    Within,
    /// <summary>|measured − bound| ≤ tolerance·|bound| (a target with a relative tolerance).</summary>
    Near,
    /// <summary>measured = bound exactly (a count, a rank, an exact zero).</summary>
    Equal,
}
