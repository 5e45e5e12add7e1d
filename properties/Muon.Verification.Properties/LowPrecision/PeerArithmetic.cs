namespace Muon.Verification.Properties.LowPrecision;

/// <summary>
/// The realistic peers' own 16-bit arithmetic, written apart from the oracle's emulation (src/…/Arithmetic) so that the
/// calibration compares two independent implementations: bfloat16 by rounding a float32's bit pattern to its upper 16 bits
/// (nearest, ties to even — what PyTorch's <c>c10::BFloat16</c> does), float16 through <see cref="Half"/>, and products
/// accumulated in float32 in tiles of 4 (partial sums added pairwise, as a blocked GPU kernel orders them).
/// </summary>
internal static class PeerArithmetic
{
    public static float Bf16(float f)
    {
        uint bits = BitConverter.SingleToUInt32Bits(f);
        uint bias = 0x7FFFu + ((bits >> 16) & 1u);
        return BitConverter.UInt32BitsToSingle((bits + bias) & 0xFFFF0000u);
    }

    public static float F16(float f) => (float)(Half)f;

    /// <summary>C = A·B (B transposed when asked) of row-major float matrices, float32 accumulation in tiles of 4, each entry rounded by <paramref name="round"/>.</summary>
    public static float[,] MatMul(float[,] a, float[,] b, bool transposeB, Func<float, float> round)
    {
        int m = a.GetLength(0), k = a.GetLength(1), n = transposeB ? b.GetLength(0) : b.GetLength(1);
        var c = new float[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float total = 0;
                for (int p0 = 0; p0 < k; p0 += 4)
                {
                    float tile = 0;
                    for (int p = p0; p < Math.Min(k, p0 + 4); p++) tile += a[i, p] * (transposeB ? b[j, p] : b[p, j]);
                    total += tile;
                }
                c[i, j] = round(total);
            }
        return c;
    }
}
