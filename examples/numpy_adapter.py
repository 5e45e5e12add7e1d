#!/usr/bin/env python3
"""A Muon implementation in NumPy, speaking muon-verify's process protocol v1 (docs/conformance.md).

    muon-verify check --exec "python3 examples/numpy_adapter.py --kind keller"
    muon-verify check --exec "python3 examples/numpy_adapter.py --kind exact"
    muon-verify check --exec "python3 examples/numpy_adapter.py --kind keller --dtype bfloat16 --param-dtype bfloat16"

--kind exact    exact polar factor U·1[σ > 1e-12·σ₁]·Vᵀ from NumPy's SVD (declares {"kind": "exact"})
--kind keller   Keller Jordan's quintic (3.4445, −4.7750, 2.0315) × 5 on G/‖G‖_F (declares its schedule)
--declare-nothing   declare no orthogonalizer (the oracle then judges it by the default orthogonalized band)
--dtype float32     iterate in float32 (declared; the oracle then derives its tolerances for u = 2^-24)
--dtype bfloat16    Keller's muon.py iteration in emulated bfloat16 (X = bf16(G)/(‖X‖_F + 1e-7), every op rounded to
                    bf16; declares its schedule with eps 1e-7); the optimizer orthogonalizes with it too
--param-dtype float32|bfloat16|float64
                    keep the parameters and the momentum buffer in that dtype, as PyTorch does (declared as
                    "param_dtype"; omitted: float64 and undeclared, so the oracle measures it): parameters and gradients
                    cast to it, every elementwise op computed in float32 ("opmath") and rounded once to it
--defect aliased-buffer
                    NEGATIVE CONTROL, a known-broken twin (needs --dtype bfloat16 --param-dtype bfloat16): without
                    Nesterov the buffer is replaced by its normalized copy X/(‖X‖_F + 1e-7), as in torch.optim.Muon
                    when .bfloat16() returns the bf16 buffer itself and the normalization divides it in place. The
                    oracle must FAIL it (optimizer/reference-trajectory); it declares the same as its correct sibling.

The optimizer is Muon with EMA momentum (M ← βM + (1−β)g; Nesterov input (1−β)g + βM when hyper.nesterov), no shape scale,
decoupled weight decay p ← p·(1 − lr·wd) before the update — and it declares exactly that. With a narrower --param-dtype P
it follows torch.optim.Muon's code: buf.lerp_(g, 1 − β); input g.lerp(buf, β) (Nesterov) or buf; p.mul_(1 − lr·wd);
p.add_(O, alpha=−lr·s) — ATen's lerp and the scalar multiplies in float32 with the Python scalars as float32, each result
rounded once to P; O the orthogonalizer's output (bf16 numbers with --dtype bfloat16).
Requires NumPy (Debian: apt-get install -y python3-numpy, then run with /usr/bin/python3).
Rules every adapter must follow: one JSON object per line on stdout, flushed; logs go to stderr only.
"""
import argparse
import json
import math
import sys

import numpy as np

KELLER = (3.4445, -4.7750, 2.0315)
STEPS = 5
KELLER_EPS = 1e-7  # the eps of Keller's muon.py: X / (‖X‖_F + 1e-7)


def to_json_number(x):
    """Finite numbers as JSON numbers (repr is round-trip exact); NaN/±∞ as the protocol's strings."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def from_json_number(x):
    if isinstance(x, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[x]
    return float(x)


def decode(m):
    rows, cols, data = m["rows"], m["cols"], m["data"]
    if len(data) != rows * cols:
        raise ValueError(f"matrix is {rows}x{cols} but data has {len(data)} entries")
    return np.array([from_json_number(v) for v in data], dtype=np.float64).reshape(rows, cols)


def encode(a):
    return {"rows": int(a.shape[0]), "cols": int(a.shape[1]), "data": [to_json_number(v) for v in a.ravel()]}


DTYPE = np.float64


def exact_polar(g):
    if not np.all(np.isfinite(g)):
        raise ValueError("input has a non-finite entry")
    g = g.astype(DTYPE)
    u, s, vt = np.linalg.svd(g, full_matrices=False)
    if s[0] == 0:
        return np.zeros_like(g)
    threshold = 1e-12 if DTYPE == np.float64 else 1e-5
    keep = (s > threshold * s[0]).astype(DTYPE)
    return ((u * keep) @ vt).astype(np.float64)


def keller_quintic(g):
    if not np.all(np.isfinite(g)):
        raise ValueError("input has a non-finite entry")
    g = g.astype(DTYPE)
    norm = np.linalg.norm(g)
    if norm == 0:
        return np.zeros(g.shape)
    tall = g.shape[0] > g.shape[1]
    x = (g.T if tall else g) / norm
    a, b, c = KELLER
    for _ in range(STEPS):
        gram = x @ x.T
        x = a * x + (b * gram + c * (gram @ gram)) @ x
    return (x.T if tall else x).astype(np.float64)


def to_bf16(x):
    """Round float32 values to the nearest bfloat16 (ties to even on the upper 16 bits), kept as float32.

    NumPy has no bfloat16: a bf16 value is a float32 whose low 16 bits are zero. NaN and ±∞ pass unchanged; a finite
    value beyond the bf16 range rounds to ±∞ (as a real cast does)."""
    x = np.ascontiguousarray(x, dtype=np.float32)
    bits = np.atleast_1d(x).view(np.uint32)
    rounded = ((bits + np.uint32(0x7FFF) + ((bits >> 16) & np.uint32(1))) & np.uint32(0xFFFF0000)).view(np.float32)
    return np.where(np.isfinite(x), rounded.reshape(x.shape), x)


def normalize_bf16(g):
    """muon.py's first line in bf16: X = G.bfloat16() (a float64 → bf16 cast goes through float32, as torch's does), on the
    wide orientation X / (‖X‖_F + 1e-7), the norm a float32 reduction rounded to bf16. Returned in g's orientation."""
    x = to_bf16(np.asarray(g).astype(np.float32))
    tall = x.shape[0] > x.shape[1]
    if tall:
        x = x.T
    norm = to_bf16(np.linalg.norm(x))  # float32 reduction, result rounded to bf16
    x = to_bf16(x / to_bf16(norm + to_bf16(KELLER_EPS)))  # a zero input stays zero (0 / eps)
    return x.T if tall else x


def keller_quintic_bf16(g):
    """Keller Jordan's zeropower_via_newtonschulz5 as muon.py runs it, in emulated bfloat16.

    Every elementwise op and every matmul is done in float32 and its result rounded to bf16 (matmuls accumulate in
    float32, as bf16 GEMMs do); the Python scalars (eps, a, b, c) meet bf16 tensors, so they are rounded to bf16 too."""
    if not np.all(np.isfinite(g)):
        raise ValueError("input has a non-finite entry")
    tall = g.shape[0] > g.shape[1]
    x = normalize_bf16(g)
    if tall:
        x = x.T  # iterate on the wide orientation (A = XXᵀ is the small Gram matrix)
    a, b, c = (to_bf16(v) for v in KELLER)  # (3.4375, −4.78125, 2.03125) in bf16
    for _ in range(STEPS):
        gram = to_bf16(x @ x.T)
        # muon.py writes B = b * A + c * A @ A, which Python evaluates as b·A + ((c·A) @ A): the same order here
        big_b = to_bf16(to_bf16(b * gram) + to_bf16(to_bf16(c * gram) @ gram))
        x = to_bf16(to_bf16(a * x) + to_bf16(big_b @ x))
    return (x.T if tall else x).astype(np.float64)


class ParamArithmetic:
    """The parameters' and the momentum buffer's dtype P and PyTorch's elementwise ops in it (ATen computes a float32 or
    bf16 tensor op in float32, its "opmath" type, with Python scalars converted to float32, and rounds the result once
    to P). Arrays in P are float32 ndarrays (a bf16 number is a float32 whose low 16 bits are zero)."""

    def __init__(self, dtype):
        self.dtype = dtype
        self.round = to_bf16 if dtype == "bfloat16" else lambda x: np.asarray(x, dtype=np.float32)

    def cast(self, x):
        """An incoming float64 matrix as a P tensor (torch: double → float → bf16, round to nearest even each time)."""
        return self.round(np.asarray(x).astype(np.float32))

    def lerp(self, start, end, weight):
        """ATen's lerp (aten/src/ATen/native/Lerp.h) in opmath: |w| < ½ ? a + w·(b − a) : b − (b − a)·(1 − w), rounded to P
        (the scalar form; ATen's vectorized CPU kernel fuses the last multiply-add, a float32-rounding difference)."""
        w = np.float32(weight)
        diff = end - start
        r = start + w * diff if abs(w) < 0.5 else end - diff * (np.float32(1) - w)
        return self.round(r)

    def scale(self, p, factor):
        """p.mul_(factor): p·float32(factor), rounded to P."""
        return self.round(p * np.float32(factor))

    def add(self, p, o, alpha):
        """p.add_(o, alpha=alpha): p + float32(alpha)·o in float32 (o as float32: its opmath value), rounded to P."""
        return self.round(p + np.float32(alpha) * np.asarray(o).astype(np.float32))


class Adapter:
    def __init__(self, kind, declare_nothing, dtype, param_dtype=None, defect=None):
        bf16 = dtype == "bfloat16"  # only the Keller quintic runs in bf16 (main rejects --kind exact with it)
        self.orthogonalize = keller_quintic_bf16 if bf16 else exact_polar if kind == "exact" else keller_quintic
        # the negative control keeps its correct sibling's name (same seeds, same cases): only the command line differs
        self.name = f"numpy-{kind}-{dtype}" + (f"-param-{param_dtype}" if param_dtype else "")
        self.dtype = dtype
        self.param_dtype = param_dtype  # None: float64 and undeclared (the oracle measures it)
        # float64 parameters keep the float64 arithmetic below, bit for bit; narrower ones PyTorch's (ParamArithmetic)
        self.arith = ParamArithmetic(param_dtype) if param_dtype in ("float32", "bfloat16") else None
        self.defect = defect
        self.capabilities = ["orthogonalize", "optimizer"]
        if declare_nothing:
            self.declared = {"kind": "unknown"}
        elif kind == "exact":
            self.declared = {"kind": "exact"}
        else:
            self.declared = {"kind": "newton-schulz", "coefficients": [list(KELLER)] * STEPS,
                             "normalization": "frobenius", "eps": KELLER_EPS if bf16 else 0, "input_cushion": 1}
        self.states = {}

    def hello(self, _request):
        declares = {"orthogonalizer": self.declared, "dtype": self.dtype, "momentum": "ema", "scale": "none",
                    "weight_decay": "decoupled"}
        if self.param_dtype is not None:
            declares["param_dtype"] = self.param_dtype
        return {"protocol": 1, "name": self.name, "capabilities": self.capabilities, "declares": declares}

    def op_orthogonalize(self, request):
        return {"o": encode(self.orthogonalize(decode(request["g"])))}

    def op_optimizer_new(self, request):
        hyper = request["hyper"]
        params = [decode(m) for m in request["params"]]
        if self.arith is not None:
            params = [self.arith.cast(p) for p in params]
        state = f"s{len(self.states) + 1}"
        self.states[state] = {"lr": float(hyper["lr"]), "beta": float(hyper.get("momentum", 0.0)),
                              "nesterov": bool(hyper.get("nesterov", False)), "wd": float(hyper.get("weight_decay", 0.0)),
                              "params": params, "momentum": [np.zeros_like(p) for p in params]}
        return {"state": state}

    def op_optimizer_step(self, request):
        s = self.states[request["state"]]
        grads = [decode(m) for m in request["grads"]]
        if len(grads) != len(s["params"]):
            raise ValueError(f"{len(grads)} gradients for {len(s['params'])} parameters")
        beta, lr, wd = s["beta"], s["lr"], s["wd"]
        scale = 1.0  # the declared shape scale "none"
        new_params = []
        for i, (p, g) in enumerate(zip(s["params"], grads)):
            if g.shape != p.shape:
                raise ValueError(f"grads[{i}] is {g.shape}, parameter is {p.shape}")
            if self.arith is None:  # float64 parameters and buffer
                m = beta * s["momentum"][i] + (1 - beta) * g
                s["momentum"][i] = m
                update_input = (1 - beta) * g + beta * m if s["nesterov"] else m
                new_params.append(p * (1 - lr * wd) - lr * scale * self.orthogonalize(update_input))
                continue
            a = self.arith  # torch.optim.Muon's step with p, g and buf in P
            g = a.cast(g)
            m = a.lerp(s["momentum"][i], g, 1 - beta)  # buf.lerp_(grad, 1 − β)
            update_input = a.lerp(g, m, beta) if s["nesterov"] else m  # grad.lerp(buf, β) or buf itself
            o = self.orthogonalize(update_input.astype(np.float64))
            if self.defect == "aliased-buffer" and not s["nesterov"]:
                # NEGATIVE CONTROL: update_input IS the buffer, and .bfloat16() of a bf16 tensor returns it, so the
                # normalization's in-place div_ overwrites the momentum buffer with X/(‖X‖_F + 1e-7)
                m = normalize_bf16(m)
            s["momentum"][i] = m
            p = a.scale(p, 1 - lr * wd)  # param.mul_(1 − lr·wd)
            new_params.append(a.add(p, o, -lr * scale))  # param.add_(O, alpha=−lr·s)
        s["params"] = new_params
        return {"params": [encode(np.asarray(p, dtype=np.float64)) for p in new_params]}

    def handle(self, request):
        op = request.get("op")
        if op == "hello":
            return self.hello(request)
        handler = {"orthogonalize": self.op_orthogonalize, "optimizer.new": self.op_optimizer_new,
                   "optimizer.step": self.op_optimizer_step}.get(op)
        if handler is None:
            raise ValueError(f"unknown op {op!r}")
        reply = handler(request)
        return {"id": request["id"], **reply}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["exact", "keller"], default="keller")
    parser.add_argument("--declare-nothing", action="store_true")
    parser.add_argument("--dtype", choices=["float64", "float32", "bfloat16"], default="float64")
    parser.add_argument("--param-dtype", choices=["float64", "float32", "bfloat16"], default=None,
                        help="dtype of the parameters and the momentum buffer (default float64, undeclared)")
    parser.add_argument("--defect", choices=["aliased-buffer"], default=None,
                        help="negative control: a known-broken twin the oracle must fail")
    args = parser.parse_args()
    if args.dtype == "bfloat16" and args.kind == "exact":
        parser.error("--dtype bfloat16 runs Keller's quintic only (use --kind keller)")
    if args.defect == "aliased-buffer" and (args.dtype != "bfloat16" or args.param_dtype != "bfloat16"):
        parser.error("--defect aliased-buffer needs --dtype bfloat16 --param-dtype bfloat16 (the buffer is the bf16 input)")
    global DTYPE
    DTYPE = np.float32 if args.dtype == "float32" else np.float64
    adapter = Adapter(args.kind, args.declare_nothing, args.dtype, args.param_dtype, args.defect)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            if request.get("op") == "bye":
                return
            reply = adapter.handle(request)
        except Exception as e:  # every failure of a request becomes an error reply; the session goes on
            print(f"numpy_adapter: {type(e).__name__}: {e}", file=sys.stderr)
            reply = {"id": request_id, "error": f"{type(e).__name__}: {e}"}
        # allow_nan=False: a NaN that slipped through must fail loudly here, not as bare NaN on the wire
        sys.stdout.write(json.dumps(reply, allow_nan=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
