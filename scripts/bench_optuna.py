#!/usr/bin/python3
"""Optuna half of the known-optimum comparison (scripts/bench-dfo.sh): TPE and CMA-ES samplers on sphere (4-d),
Rosenbrock (4-d) and Branin, on the unit cube mapped linearly onto each function's box exactly as spark-hpo's
KnownFunction does, with the same evaluation budget, for several seeds. Optuna runs trials one after another
(a small advantage over rounds). Benchmark only; never a runtime dependency.
Prints: function sampler seed best-value. Usage: bench_optuna.py EVALUATIONS SEEDS"""
import math
import sys

import optuna


def sphere(x):
    return sum(v * v for v in x)


def rosenbrock(x):
    return sum(100.0 * (x[i + 1] - x[i] ** 2) ** 2 + (1.0 - x[i]) ** 2 for i in range(len(x) - 1))


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


FUNCTIONS = {  # name: (function, boxes)
    "sphere": (sphere, [(-5.0, 10.0)] * 4),
    "rosenbrock": (rosenbrock, [(-2.0, 2.0)] * 4),
    "branin": (branin, [(-5.0, 10.0), (0.0, 15.0)]),
}


def main():
    evaluations, seeds = int(sys.argv[1]), int(sys.argv[2])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name, (function, boxes) in FUNCTIONS.items():
        def objective(trial):
            unit = [trial.suggest_float(f"u{i}", 0.0, 1.0) for i in range(len(boxes))]
            return function([lo + u * (hi - lo) for u, (lo, hi) in zip(unit, boxes)])
        for sampler_name in ("tpe", "cmaes"):
            for seed in range(1, seeds + 1):
                sampler = (optuna.samplers.TPESampler(seed=seed) if sampler_name == "tpe"
                           else optuna.samplers.CmaEsSampler(seed=seed))
                study = optuna.create_study(sampler=sampler)
                study.optimize(objective, n_trials=evaluations)
                print(f"{name} optuna-{sampler_name} {seed} {study.best_value:.6g}")


if __name__ == "__main__":
    main()
