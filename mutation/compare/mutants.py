"""The mutants of src/Muon.Reference compared by hand in the equivalence review (docs/mutation.md):
name -> (file under src/Muon.Reference, text, mutant text). Used by run.sh.
Usage: python3 mutants.py NAME DIR  (applies NAME to the copy of src/Muon.Reference in DIR) | python3 mutants.py list"""
import sys

TALL = 'bool tallViaQr = g.RowCount >= 2 * g.ColumnCount && g.RowCount * g.ColumnCount >= 16384'
WIDE = 'bool wideViaTranspose = g.ColumnCount >= 2 * g.RowCount && g.RowCount * g.ColumnCount >= 16384'
M = {
    'gemm-fma-or': ('Numerics/Gemm.cs', 'if (Fma.IsSupported && Vector256.IsHardwareAccelerated)', 'if (Fma.IsSupported || Vector256.IsHardwareAccelerated)'),
    'gemm-fma-not': ('Numerics/Gemm.cs', 'if (Fma.IsSupported && Vector256.IsHardwareAccelerated)', 'if (!(Fma.IsSupported && Vector256.IsHardwareAccelerated))'),
    'gemm-block-lt': ('Numerics/Gemm.cs', 'for (; i + 8 <= m; i += 8)', 'for (; i + 8 < m; i += 8)'),
    'guard-allfinite-false': ('Numerics/Guard.cs', 'return true;\n    }', 'return false;\n    }'),
    'haar-sign-le': ('Numerics/Orthonormal.cs', 'if (qr.R[j, j] < 0)', 'if (qr.R[j, j] <= 0)'),
    'svd-tall-gt': ('Numerics/ThinSvd.cs', TALL, TALL.replace('g.RowCount >= 2', 'g.RowCount > 2')),
    'svd-tall-ratio': ('Numerics/ThinSvd.cs', TALL, TALL.replace('g.RowCount * g.ColumnCount', 'g.RowCount / g.ColumnCount')),
    'svd-tall-small': ('Numerics/ThinSvd.cs', TALL, TALL.replace('>= 16384', '< 16384')),
    'svd-tall-over': ('Numerics/ThinSvd.cs', TALL, TALL.replace('>= 16384', '> 16384')),
    'svd-wide-gt': ('Numerics/ThinSvd.cs', WIDE, WIDE.replace('g.ColumnCount >= 2', 'g.ColumnCount > 2')),
    'svd-wide-lt': ('Numerics/ThinSvd.cs', WIDE, WIDE.replace('g.ColumnCount >= 2', 'g.ColumnCount < 2')),
    'svd-wide-ratio': ('Numerics/ThinSvd.cs', WIDE, WIDE.replace('g.RowCount * g.ColumnCount', 'g.RowCount / g.ColumnCount')),
    'svd-wide-small': ('Numerics/ThinSvd.cs', WIDE, WIDE.replace('>= 16384', '< 16384')),
    'svd-wide-over': ('Numerics/ThinSvd.cs', WIDE, WIDE.replace('>= 16384', '> 16384')),
    'svd-gram-tall-gt': ('Numerics/ThinSvd.cs', 'bool tall = g.RowCount >= g.ColumnCount;', 'bool tall = g.RowCount > g.ColumnCount;'),
    'gram-defect-lt': ('Orthogonalizers/GramPolar.cs', 'if (Math.Sqrt(defect) <= 16 * k', 'if (Math.Sqrt(defect) < 16 * k'),
    'gram-wide-le': ('Orthogonalizers/GramPolar.cs', 'bool wide = g.RowCount < g.ColumnCount;', 'bool wide = g.RowCount <= g.ColumnCount;'),
    'gram-lambda-ge0': ('Orthogonalizers/GramPolar.cs', 'if (!(lambdaMin > 0) ||', 'if (!(lambdaMin >= 0) ||'),
    'gram-ratio-ge': ('Orthogonalizers/GramPolar.cs', 'lambdaMax / lambdaMin > MaxKappaSquared', 'lambdaMax / lambdaMin >= MaxKappaSquared'),
    'ns-tall-lt': ('Orthogonalizers/NewtonSchulz.cs', 'bool tall = g.RowCount > g.ColumnCount;', 'bool tall = g.RowCount < g.ColumnCount;'),
    'ns-tall-ge': ('Orthogonalizers/NewtonSchulz.cs', 'bool tall = g.RowCount > g.ColumnCount;', 'bool tall = g.RowCount >= g.ColumnCount;'),
    'ns-square-transposed': ('Orthogonalizers/NewtonSchulz.cs', 'Gemm.Multiply(gram, r, r, gram, transposeB: false, r, gram2);', 'Gemm.Multiply(gram, r, r, gram, transposeB: true, r, gram2);'),
    'init-square-lt': ('Objectives/Initialization.cs', 'var o = rows <= cols ?', 'var o = rows < cols ?'),
    'lanczos-capacity': ('Objectives/Sharpness.cs', 'new List<Vector<double>>(k + 1)', 'new List<Vector<double>>(k - 1)'),
    'lanczos-min-outer': ('Objectives/Sharpness.cs', 'tScale = Math.Max(tScale, Math.Max(', 'tScale = Math.Min(tScale, Math.Max('),
    'lanczos-min-inner': ('Objectives/Sharpness.cs', 'tScale = Math.Max(tScale, Math.Max(', 'tScale = Math.Max(tScale, Math.Min('),
}

if __name__ == '__main__':
    if sys.argv[1] == 'list':
        print(' '.join(M))
        sys.exit()
    name, d = sys.argv[1], sys.argv[2]
    f, old, new = M[name]
    p = f"{d}/{f}"
    s = open(p).read()
    if s.count(old) != 1:
        sys.exit(f"{name}: '{old}' occurs {s.count(old)} times in {f} (the source moved on: update mutants.py)")
    open(p, 'w').write(s.replace(old, new))
