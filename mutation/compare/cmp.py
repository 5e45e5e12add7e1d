"""Prints, per group of outputs, how many differ between two runs of Program.cs and the largest |difference| / scale."""
import sys, math, collections
def load(p):
    d = {}
    for line in open(p):
        k, sc, vals = line.rstrip('\n').split('\t')
        d[k] = (sc, vals)
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
groups = collections.OrderedDict()
for k in [k for k in a if k in b]:
    g = '/'.join(k.split('/')[:2]) if not k.startswith(('svd/','gram-eig/')) else k.split('/')[0] + '/' + k.split('/')[-1]
    st = groups.setdefault(g, {'n':0,'diff':0,'max':0.0,'where':'','notes':set()})
    st['n'] += 1
    sa, va = a[k]; sb, vb = b.get(k, (None, None))
    if va == vb and sa == sb: continue
    st['diff'] += 1
    if sa == 'text' or sb == 'text' or sa == 'null' or sb == 'null':
        st['notes'].add(f"{k}: {va[:60]!r} -> {vb[:60] if vb else vb!r}")
        continue
    xa = [float(x) for x in va.split()]; xb = [float(x) for x in vb.split()]
    if len(xa) != len(xb):
        st['notes'].add(f"{k}: length {len(xa)} -> {len(xb)}"); continue
    sc = float(sa)
    m = max((abs(x - y) if not (math.isnan(x) or math.isnan(y)) else math.inf) for x, y in zip(xa, xb)) / sc
    if m > st['max']: st['max'] = m; st['where'] = k
for g, st in groups.items():
    if st['diff'] == 0: continue
    print(f"{g:28s} {st['diff']:3d}/{st['n']:3d} differ; max |Δ|/scale = {st['max']:.2e} ({st['where']})")
    for n in sorted(st['notes'])[:4]: print("     ", n)
print("identical" if all(st['diff']==0 for st in groups.values()) else "")
