namespace Muon.Reference.Optimizers;

/// <summary>
/// The factor that multiplies the orthogonalized update of an (rows = out) × (cols = in) parameter.
/// Public implementations differ; an implementation under test declares which one it uses.
/// </summary>
public enum ShapeScale
{
    /// <summary>1 (the papers).</summary>
    None,
    /// <summary>√max(1, rows/cols) (Keller Jordan's Muon).</summary>
    SqrtMax1RowsOverCols,
    /// <summary>0.2·√max(rows, cols) (matches AdamW's update RMS; Moonlight).</summary>
    Rms02,
    /// <summary>√(rows/cols), without the max.</summary>
    SqrtRowsOverCols,
    /// <summary>√max(rows, cols).</summary>
    SqrtMaxRowsCols,
}

/// <summary>Evaluates <see cref="ShapeScale"/> conventions.</summary>
public static class ShapeScales
{
    /// <summary>The factor for a <paramref name="rows"/>×<paramref name="cols"/> parameter.</summary>
    public static double Factor(this ShapeScale scale, int rows, int cols) => scale switch
    {
        ShapeScale.None => 1.0,
        ShapeScale.SqrtMax1RowsOverCols => Math.Sqrt(Math.Max(1.0, (double)rows / cols)),
        ShapeScale.Rms02 => 0.2 * Math.Sqrt(Math.Max(rows, cols)),
        ShapeScale.SqrtRowsOverCols => Math.Sqrt((double)rows / cols),
        ShapeScale.SqrtMaxRowsCols => Math.Sqrt(Math.Max(rows, cols)),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "unknown shape scale."),
    };
}
