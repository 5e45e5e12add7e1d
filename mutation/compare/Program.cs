// Outputs of src/Muon.Reference on chosen inputs, one line per output: key, scale, values in round-trip form (see run.sh).
// The inputs are where the compared mutants act: Gemm edges, Newton–Schulz and polar on square and rectangular shapes,
// every ThinSvd route boundary (182×91 has rows = 2·cols and 16 562 entries), the Gram-eigen fallback, initializations,
// Guard's answers, and Lanczos on degenerate, scaled and eigenvector-start Hessians.
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Muon.Reference.Numerics;
using Muon.Reference.Objectives;
using Muon.Reference.Orthogonalizers;

var inv = CultureInfo.InvariantCulture;
var w = new StreamWriter(args[0]);
void Put(string key, double scale, IEnumerable<double> values) => w.WriteLine($"{key}\t{scale.ToString("R", inv)}\t{string.Join(" ", values.Select(v => v.ToString("R", inv)))}");
void PutM(string key, double scale, Matrix<double>? m) { if (m is null) w.WriteLine($"{key}\tnull\t"); else Put(key, scale, m.ToColumnMajorArray()); }
void Text(string key, string text) => w.WriteLine($"{key}\ttext\t{text.Replace('\t', ' ').Replace('\n', ' ')}");
Matrix<double> Gauss(int m, int n, ulong seed) => MatrixFunctions.Gaussian(m, n, 1.0, new Rng(seed));
Matrix<double> WithKappa(int m, int n, double kappa, ulong seed, int rank = -1)
{
    var rng = new Rng(seed);
    int k = Math.Min(m, n);
    var s = Enumerable.Range(0, k).Select(i => rank >= 0 && i >= rank ? 0.0 : Math.Pow(kappa, -i / Math.Max(1.0, (rank >= 0 ? rank : k) - 1.0))).ToArray();
    return MatrixFunctions.FromFactors(Orthonormal.Haar(m, k, rng), s, Orthonormal.Haar(n, k, rng));
}

// 1. Gemm
foreach (var (m, k, n) in new[] { (1, 1, 1), (7, 5, 3), (8, 8, 4), (9, 3, 5), (12, 12, 12), (13, 7, 13), (16, 16, 16), (20, 20, 20), (33, 17, 9) })
{
    var a = Gauss(m, k, 1); var b = Gauss(k, n, 2); var bt = b.Transpose();
    double sc = a.FrobeniusNorm() * b.FrobeniusNorm();
    PutM($"gemm/{m}x{k}x{n}", sc, Gemm.Product(a, b));
    PutM($"gemmT/{m}x{k}x{n}", sc, Gemm.Product(a, bt, transposeB: true));
}
// 2. Newton-Schulz
var nss = new (string, NewtonSchulz)[] { ("keller", NewtonSchulz.KellerQuintic()), ("pe", NewtonSchulz.PolarExpress()), ("cubic", NewtonSchulz.Cubic()) };
foreach (var (name, ns) in nss)
    foreach (var (m, n) in new[] { (8, 8), (12, 12), (13, 13), (16, 16), (20, 20), (12, 7), (7, 12), (20, 13), (5, 5), (1, 1) })
    {
        PutM($"ns/{name}/{m}x{n}/gauss", 1, ns.Orthogonalize(Gauss(m, n, 3)));
        PutM($"ns/{name}/{m}x{n}/k1e3", 1, ns.Orthogonalize(WithKappa(m, n, 1e3, 4)));
    }
// 3. Exact polar and the Gram route
foreach (var (m, n) in new[] { (12, 12), (13, 13), (15, 12), (12, 15), (7, 5), (5, 7), (5, 5), (20, 20) })
    foreach (double kappa in new[] { 1.0, 1e2, 1e4, 9e4, 1e6 })
    {
        var g = WithKappa(m, n, kappa, 5);
        PutM($"polar/auto/{m}x{n}/{kappa}", kappa, ExactPolar.Default.Orthogonalize(g));
        PutM($"polar/svd/{m}x{n}/{kappa}", kappa, new ExactPolar(method: PolarMethod.Svd).Orthogonalize(g));
        PutM($"gram/{m}x{n}/{kappa}", kappa, GramPolar.TryCompute(BinaryScaling.Normalize(g).Scaled));
    }
foreach (var (m, n) in new[] { (12, 12), (15, 12), (12, 15) })
{
    var g = WithKappa(m, n, 10, 6, rank: 4);
    PutM($"polar/auto/{m}x{n}/rank4", 1, ExactPolar.Default.Orthogonalize(g));
    PutM($"polar/t0/{m}x{n}/rank4", 1, new ExactPolar(0).Orthogonalize(g));
}
// 4. ThinSvd routes
foreach (var (m, n) in new[] { (182, 91), (91, 182), (256, 64), (64, 256), (200, 82), (82, 200), (300, 60), (128, 128), (130, 126), (12, 7), (7, 12), (6, 6), (400, 41), (41, 400) })
{
    var g = Gauss(m, n, 7);
    var svd = ThinSvd.Of(g);
    double nrm = g.FrobeniusNorm();
    Put($"svd/{m}x{n}/S", nrm, svd.S);
    PutM($"svd/{m}x{n}/recon", nrm, svd.Reconstruct(s => s));
    PutM($"svd/{m}x{n}/polar", 1, svd.Reconstruct(_ => 1.0));
    Text($"svd/{m}x{n}/method", svd.Method.ToString());
    Text($"svd/{m}x{n}/shapes", $"{svd.U.RowCount}x{svd.U.ColumnCount} {svd.V.RowCount}x{svd.V.ColumnCount}");
}
// 5. Gram eigen fallback on square (and rectangular) inputs
foreach (var (m, n, rank) in new[] { (6, 6, -1), (12, 12, -1), (6, 6, 3), (7, 5, -1), (5, 7, -1), (8, 8, 8) })
{
    var g = rank < 0 ? Gauss(m, n, 8) : WithKappa(m, n, 10, 8, rank);
    var svd = ThinSvd.FromGramEigen(g);
    double nrm = g.FrobeniusNorm();
    Put($"gram-eig/{m}x{n}/{rank}/S", nrm, svd.S);
    PutM($"gram-eig/{m}x{n}/{rank}/recon", nrm, svd.Reconstruct(s => s));
    var u = svd.U; var v = svd.V;
    Put($"gram-eig/{m}x{n}/{rank}/orthU", 1, new[] { (u.TransposeThisAndMultiply(u) - Matrix<double>.Build.DenseIdentity(u.ColumnCount)).FrobeniusNorm() });
    Put($"gram-eig/{m}x{n}/{rank}/orthV", 1, new[] { (v.TransposeThisAndMultiply(v) - Matrix<double>.Build.DenseIdentity(v.ColumnCount)).FrobeniusNorm() });
}
// 6. Initialization, Haar
foreach (var (m, n) in new[] { (1, 1), (3, 3), (5, 5), (3, 5), (5, 3) })
{
    PutM($"init/{m}x{n}", 1, Initialization.Orthogonal(m, n, 0.5, new Rng(9)));
    PutM($"haar/{m}x{n}", 1, m >= n ? Orthonormal.Haar(m, n, new Rng(9)) : Orthonormal.Haar(n, m, new Rng(9)));
}
// 7. Guard
var dense = Gauss(3, 2, 10);
var sparse = Matrix<double>.Build.Sparse(3, 2); sparse[1, 1] = 2;
Text("guard/dense-same", ReferenceEquals(Guard.Finite(dense, "x"), dense).ToString());
Text("guard/sparse-same", ReferenceEquals(Guard.Finite(sparse, "x"), sparse).ToString());
foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
{
    var d = dense.Clone(); d[2, 1] = bad;
    var sp = sparse.Clone(); sp[0, 1] = bad;
    try { Guard.Finite(d, "x"); Text($"guard/dense/{bad}", "accepted"); } catch (Exception e) { Text($"guard/dense/{bad}", e.GetType().Name + ": " + e.Message); }
    try { Guard.Finite(sp, "x"); Text($"guard/sparse/{bad}", "accepted"); } catch (Exception e) { Text($"guard/sparse/{bad}", e.GetType().Name + ": " + e.Message); }
}

// 8. Sharpness (Lanczos) on quadratics with chosen spectra
{
    var problems = new List<(string, Matrix<double>, int)>();
    Matrix<double> Sym(double[] eig, ulong seed) { var q = Orthonormal.Haar(eig.Length, new Rng(seed)); return MatrixFunctions.FromFactors(q, eig, q); }
    double[] d10 = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
    foreach (int k in new[] { 10, 5 }) problems.Add(($"diag1..10/k{k}", Matrix<double>.Build.DenseOfDiagonalArray(d10), k));
    foreach (int k in new[] { 6, 3 }) problems.Add(($"I6/k{k}", Matrix<double>.Build.DenseIdentity(6), k));
    foreach (int k in new[] { 6, 4, 2 }) problems.Add(($"111222/k{k}", Matrix<double>.Build.DenseOfDiagonalArray([1, 1, 1, 2, 2, 2.0]), k));
    foreach (int k in new[] { 8, 5 }) problems.Add(($"rot00011333/k{k}", Sym([0, 0, 0, 1, 1, 3, 3, 3], 4), k));
    foreach (int k in new[] { 5, 3 }) problems.Add(($"rot-1-1222/k{k}", Sym([-1, -1, 2, 2, 2], 5), k));
    foreach (int k in new[] { 12, 6 }) problems.Add(($"rot1e-8..1e8/k{k}", Sym([1e-8, 1e-8, 1e-8, 1e-8, 1, 1, 1, 1, 1e8, 1e8, 1e8, 1e8], 6), k));
    var ga = MatrixFunctions.Gaussian(20, 20, 1, new Rng(9));
    foreach (int k in new[] { 20, 7 }) problems.Add(($"gauss20/k{k}", ga + ga.Transpose(), k));
    foreach (int k in new[] { 10, 4 }) problems.Add(($"1e-8diag/k{k}", 1e-8 * Matrix<double>.Build.DenseOfDiagonalArray(d10), k));
    foreach (int k in new[] { 10, 4 }) problems.Add(($"1e8diag/k{k}", 1e8 * Matrix<double>.Build.DenseOfDiagonalArray(d10), k));
    problems.Add(("zero5/k5", Matrix<double>.Build.Dense(5, 5), 5));
    problems.Add(("zero5/k3", Matrix<double>.Build.Dense(5, 5), 3));
    foreach (ulong seed in new ulong[] { 1, 2, 3 })
    {
        var r = new Rng(seed);
        var q0 = Vector<double>.Build.Dense(5, _ => r.Normal());
        q0 /= q0.L2Norm();
        foreach (int k in new[] { 5, 3 }) problems.Add(($"eigstart{seed}/k{k}", 2 * Matrix<double>.Build.DenseIdentity(5) - 3 * q0.OuterProduct(q0), k));
    }
    foreach (var (name, h, k) in problems)
    {
        var f = Quadratic.Centered(0.5 * (h + h.Transpose()), 1);
        var at = Quadratic.Parameters(Matrix<double>.Build.Dense(h.RowCount, 1));
        double norm = Math.Max(h.L2Norm(), 1e-300);
        for (ulong seed = 1; seed <= 20; seed++)
        {
            ulong s = name.StartsWith("eigstart") ? ulong.Parse(name.Substring(8, 1)) : seed;
            var est = Sharpness.Estimate(f, at, new Rng(s), k);
            Put($"lanczos/{name}/seed{s}", norm, new[] { est.LambdaMax, est.LambdaMin, est.ResidualMax, est.ResidualMin });
            if (name.StartsWith("eigstart")) break;
        }
    }
}
w.Flush();
