"""The NumPy side of `Muon.Benchmarks --compare`: the same workloads, names and shapes, timed the same way
(median of repeats after a warm-up). Prints one JSON object {name: median_ms}. Float64 throughout."""
import json, sys, time
import numpy as np

def polar(g):
    u, s, vt = np.linalg.svd(g, full_matrices=False)
    return (u * (s > 1e-12 * s[0])) @ vt

def ns5(g):
    x = g / np.linalg.norm(g)
    t = x.shape[0] > x.shape[1]
    if t:
        x = x.T
    for _ in range(5):
        a = x @ x.T
        x = 3.4445 * x + (-4.7750 * a + 2.0315 * (a @ a)) @ x
    return x.T if t else x

def problem(n):
    rng = np.random.default_rng(3)
    m = np.diag(10.0 / np.arange(1, n + 1))
    return m, 1e-3 * rng.standard_normal((n, n)), 1e-3 * rng.standard_normal((n, n))

def muon_step(m, p, q, lr=0.01):
    r = p @ q.T - m
    return p - lr * polar(r @ q), q - lr * polar(r.T @ p)

def measure(f):
    start, calls = time.perf_counter(), 0
    while True:  # same warm-up rule as the C# side
        f()
        calls += 1
        elapsed = time.perf_counter() - start
        if (elapsed >= 0.5 and calls >= 100) or elapsed >= 3:
            break
    times, total = [], time.perf_counter()
    while len(times) < 200 and (len(times) < 7 or time.perf_counter() - total < 0.5):
        t0 = time.perf_counter()
        f()
        times.append(1e3 * (time.perf_counter() - t0))
    times.sort()
    return times[len(times) // 2]

results = {}
for m, n in [(16, 16), (64, 64), (256, 256), (64, 16), (256, 64), (1024, 256)]:
    g = np.random.default_rng(1).standard_normal((m, n))
    results[f"polar-svd {m}x{n}"] = measure(lambda: polar(g))
    results[f"ns5-quintic {m}x{n}"] = measure(lambda: ns5(g))
for n in (32, 128):
    mm, p, q = problem(n)
    results[f"mf-muon-step n=d={n}"] = measure(lambda: muon_step(mm, p, q))
mm, p0, q0 = problem(32)
def trajectory():
    # Same work as the C# Trajectory.Run: the loss of every iterate is recorded.
    p, q = p0, q0
    losses = [0.5 * np.linalg.norm(p @ q.T - mm) ** 2]
    for _ in range(1000):
        p, q = muon_step(mm, p, q)
        losses.append(0.5 * np.linalg.norm(p @ q.T - mm) ** 2)
results["mf-muon-1000-steps n=d=32"] = measure(trajectory)
json.dump(results, sys.stdout)
