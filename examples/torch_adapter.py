#!/usr/bin/env python3
"""A Muon implementation in PyTorch, speaking muon-verify's process protocol v1 (docs/conformance.md).

    muon-verify check --exec "python3 examples/torch_adapter.py --kind keller"
    muon-verify check --exec "python3 examples/torch_adapter.py --kind exact --dtype float32"
    examples/check_torch.sh            # installs Debian's python3-torch if needed, then runs the check

--kind exact    exact polar factor U·1[σ > τ·σ₁]·Vᵀ from torch.linalg.svd (τ = 1e-12 in float64, 1e-5 in float32;
                declares {"kind": "exact"})
--kind keller   Keller Jordan's quintic (3.4445, −4.7750, 2.0315) × 5 on G/(‖G‖_F + eps), eps = 1e-7 as in Keller's
                code, iterating on the wide orientation (declares the schedule and its eps)
--dtype         float64 (default) or float32: the arithmetic of the orthogonalizer and of the optimizer (declared)
--declare-nothing   declare no orthogonalizer (the oracle then judges it by the default orthogonalized band)

The optimizer is a torch.optim.Optimizer in Keller Jordan's style: EMA momentum buf.lerp_(g, 1 − β), Nesterov input
g.lerp(buf, β) when hyper.nesterov, update scaled by max(1, rows/cols)^½ (rows = out, cols = in), decoupled weight
decay p ← p·(1 − lr·wd) before the update — and it declares exactly that (scale "sqrt-max-1-rows-over-cols").
Requires PyTorch (Debian: apt-get install -y python3-torch, then run with /usr/bin/python3).
Rules every adapter must follow: one JSON object per line on stdout, flushed; logs go to stderr only.
"""
import argparse
import json
import math
import sys

import torch

KELLER = (3.4445, -4.7750, 2.0315)
STEPS = 5
KELLER_EPS = 1e-7


def to_json_number(x):
    """Finite numbers as JSON numbers (repr of a Python float is round-trip exact); NaN/±∞ as the protocol's strings."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def from_json_number(x):
    if isinstance(x, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[x]
    return float(x)


class Codec:
    """Matrices on the wire are float64 row-major; inside, tensors of the declared dtype."""

    def __init__(self, dtype):
        self.dtype = dtype

    def decode(self, m):
        rows, cols, data = m["rows"], m["cols"], m["data"]
        if len(data) != rows * cols:
            raise ValueError(f"matrix is {rows}x{cols} but data has {len(data)} entries")
        return torch.tensor([from_json_number(v) for v in data], dtype=torch.float64).reshape(rows, cols).to(self.dtype)

    @staticmethod
    def encode(t):
        return {"rows": int(t.shape[0]), "cols": int(t.shape[1]),
                "data": [to_json_number(v) for v in t.detach().to(torch.float64).flatten().tolist()]}


def exact_polar(g):
    if not torch.isfinite(g).all():
        raise ValueError("input has a non-finite entry")
    u, s, vh = torch.linalg.svd(g, full_matrices=False)
    if s[0] == 0:
        return torch.zeros_like(g)
    threshold = 1e-12 if g.dtype == torch.float64 else 1e-5
    keep = (s > threshold * s[0]).to(g.dtype)
    return (u * keep) @ vh


def keller_quintic(g):
    """Keller Jordan's zeropower_via_newtonschulz5, in the tensor's own dtype (his code casts to bfloat16)."""
    if not torch.isfinite(g).all():
        raise ValueError("input has a non-finite entry")
    a, b, c = KELLER
    x = g
    tall = g.size(-2) > g.size(-1)
    if tall:
        x = x.mT
    x = x / (x.norm(dim=(-2, -1), keepdim=True) + KELLER_EPS)
    for _ in range(STEPS):
        gram = x @ x.mT
        x = a * x + (b * gram + c * gram @ gram) @ x
    return x.mT if tall else x


class Muon(torch.optim.Optimizer):
    """Keller-style Muon: EMA momentum, optional Nesterov, max(1, rows/cols)^½ scale, decoupled weight decay."""

    def __init__(self, params, orthogonalize, lr=0.02, momentum=0.95, nesterov=True, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, momentum=momentum, nesterov=nesterov, weight_decay=weight_decay))
        self.orthogonalize = orthogonalize

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, beta, wd = group["lr"], group["momentum"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p)
                buf = state["momentum_buffer"]
                buf.lerp_(p.grad, 1 - beta)
                update = p.grad.lerp(buf, beta) if group["nesterov"] else buf
                o = self.orthogonalize(update)
                p.mul_(1 - lr * wd)
                p.add_(o, alpha=-lr * max(1.0, p.size(-2) / p.size(-1)) ** 0.5)


class Adapter:
    def __init__(self, kind, declare_nothing, dtype_name):
        self.orthogonalize = exact_polar if kind == "exact" else keller_quintic
        self.codec = Codec(torch.float64 if dtype_name == "float64" else torch.float32)
        self.name = f"torch-{kind}-{dtype_name}"
        self.dtype_name = dtype_name
        if declare_nothing:
            self.declared = {"kind": "unknown"}
        elif kind == "exact":
            self.declared = {"kind": "exact"}
        else:
            self.declared = {"kind": "newton-schulz", "coefficients": [list(KELLER)] * STEPS,
                             "normalization": "frobenius", "eps": KELLER_EPS, "input_cushion": 1}
        self.states = {}

    def hello(self, _request):
        return {"protocol": 1, "name": self.name, "capabilities": ["orthogonalize", "optimizer"],
                "declares": {"orthogonalizer": self.declared, "dtype": self.dtype_name, "momentum": "ema",
                             "scale": "sqrt-max-1-rows-over-cols", "weight_decay": "decoupled"}}

    def op_orthogonalize(self, request):
        return {"o": Codec.encode(self.orthogonalize(self.codec.decode(request["g"])))}

    def op_optimizer_new(self, request):
        hyper = request["hyper"]
        params = [torch.nn.Parameter(self.codec.decode(m)) for m in request["params"]]
        optimizer = Muon(params, self.orthogonalize, lr=float(hyper["lr"]), momentum=float(hyper.get("momentum", 0.0)),
                         nesterov=bool(hyper.get("nesterov", False)), weight_decay=float(hyper.get("weight_decay", 0.0)))
        state = f"s{len(self.states) + 1}"
        self.states[state] = (params, optimizer)
        return {"state": state}

    def op_optimizer_step(self, request):
        params, optimizer = self.states[request["state"]]
        grads = [self.codec.decode(m) for m in request["grads"]]
        if len(grads) != len(params):
            raise ValueError(f"{len(grads)} gradients for {len(params)} parameters")
        for i, (p, g) in enumerate(zip(params, grads)):
            if g.shape != p.shape:
                raise ValueError(f"grads[{i}] is {tuple(g.shape)}, parameter is {tuple(p.shape)}")
            p.grad = g
        optimizer.step()
        return {"params": [Codec.encode(p) for p in params]}

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
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    args = parser.parse_args()
    torch.set_num_threads(1)  # deterministic reductions, and polite on shared machines
    adapter = Adapter(args.kind, args.declare_nothing, args.dtype)
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
            print(f"torch_adapter: {type(e).__name__}: {e}", file=sys.stderr)
            reply = {"id": request_id, "error": f"{type(e).__name__}: {e}"}
        # allow_nan=False: a NaN that slipped through must fail loudly here, not as bare NaN on the wire
        sys.stdout.write(json.dumps(reply, allow_nan=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
