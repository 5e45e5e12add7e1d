using System.Globalization;

namespace Muon.Verification.Reporting;

/// <summary>A linear or logarithmic axis: data range, pixel mapping and "nice" ticks.</summary>
public sealed class Axis
{
    private readonly double _lo, _hi, _step;

    /// <summary>Creates an axis covering <paramref name="values"/> (non-positive values are ignored on a log axis).</summary>
    public Axis(IEnumerable<double> values, bool log, double pixelFrom, double pixelTo)
    {
        ArgumentNullException.ThrowIfNull(values);
        Log = log;
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).ToArray();
        double lo = finite.Length == 0 ? (log ? 1 : 0) : finite.Min();
        double hi = finite.Length == 0 ? (log ? 10 : 1) : finite.Max();
        if (log)
        {
            lo = Math.Pow(10, Math.Floor(Math.Log10(lo)));
            hi = Math.Pow(10, Math.Ceiling(Math.Log10(hi)));
            if (hi <= lo) hi = lo * 10;
        }
        else
        {
            if (hi <= lo) { lo -= 0.5; hi += 0.5; }
            _step = NiceStep((hi - lo) / 6);
            lo = Math.Floor(lo / _step) * _step;
            hi = Math.Ceiling(hi / _step) * _step;
        }
        _lo = lo;
        _hi = hi;
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    /// <summary>Whether the axis is logarithmic.</summary>
    public bool Log { get; }

    /// <summary>Pixel of the axis' low end.</summary>
    public double PixelFrom { get; }

    /// <summary>Pixel of the axis' high end.</summary>
    public double PixelTo { get; }

    /// <summary>Whether <paramref name="v"/> can be drawn on this axis.</summary>
    public bool Drawable(double v) => double.IsFinite(v) && (!Log || v > 0);

    /// <summary>The pixel coordinate of data value <paramref name="v"/>.</summary>
    public double Map(double v)
    {
        double f = Log ? (Math.Log10(v) - Math.Log10(_lo)) / (Math.Log10(_hi) - Math.Log10(_lo)) : (v - _lo) / (_hi - _lo);
        return PixelFrom + f * (PixelTo - PixelFrom);
    }

    /// <summary>Tick values with their labels.</summary>
    public IEnumerable<(double Value, string Label)> Ticks()
    {
        if (Log)
        {
            int a = (int)Math.Round(Math.Log10(_lo)), b = (int)Math.Round(Math.Log10(_hi));
            int stride = Math.Max(1, (b - a + 7) / 8);
            for (int e = a; e <= b; e += stride)
                yield return (Math.Pow(10, e), e == 0 ? "1" : e == 1 ? "10" : $"1e{e}");
            yield break;
        }
        int count = (int)Math.Round((_hi - _lo) / _step);
        for (int k = 0; k <= count; k++)
        {
            double v = _lo + k * _step;
            if (Math.Abs(v) < _step * 1e-9) v = 0;
            yield return (v, Format(v));
        }
    }

    private static double NiceStep(double raw)
    {
        double p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    private static string Format(double v) => Math.Abs(v) >= 1e4 || (Math.Abs(v) < 1e-3 && v != 0)
        ? v.ToString("0.#e0", CultureInfo.InvariantCulture)
        : v.ToString("0.###", CultureInfo.InvariantCulture);
}
