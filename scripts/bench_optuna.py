#!/usr/bin/python3
"""Optuna half of the known-optimum comparison (scripts/bench-dfo.sh): TPE and CMA-ES samplers on the functions
of FunctionBenchmark/BenchmarkFunction (sphere 4-d, Rosenbrock 4-d, Branin, Ackley 6-d, Rastrigin 4-d, Levy 8-d,
Styblinski-Tang 6-d, Hartmann 6-d), on the unit cube mapped linearly onto each function's box exactly as
spark-hpo's benchmark does, with the same evaluation budget, for several seeds. Optuna runs trials one after
another (a small advantage over rounds). Benchmark only; never a runtime dependency.
Prints: function sampler seed regret-at-checkpoint regret-at-end.
Usage: bench_optuna.py EVALUATIONS SEEDS [CHECKPOINT [FUNCTION,...]]"""
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


def ackley(x):
    d = len(x)
    return (-20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / d))
            - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / d) + 20 + math.e)


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    for i in range(len(x) - 1):
        total += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2


ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def hartmann6(x):
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))


FUNCTIONS = {  # label: (function, boxes, minimum)
    "sphere-4": (sphere, [(-5.0, 10.0)] * 4, 0.0),
    "rosenbrock-4": (rosenbrock, [(-2.0, 2.0)] * 4, 0.0),
    "branin-2": (branin, [(-5.0, 10.0), (0.0, 15.0)], 5 / (4 * math.pi)),
    "ackley-6": (ackley, [(-32.768, 32.768)] * 6, 0.0),
    "rastrigin-4": (rastrigin, [(-5.12, 5.12)] * 4, 0.0),
    "levy-8": (levy, [(-10.0, 10.0)] * 8, 0.0),
    "styblinski-tang-6": (styblinski_tang, [(-5.0, 5.0)] * 6, -39.16617 * 6),
    "hartmann6-6": (hartmann6, [(0.0, 1.0)] * 6, -3.32237),
}


def main():
    evaluations, seeds = int(sys.argv[1]), int(sys.argv[2])
    checkpoint = int(sys.argv[3]) if len(sys.argv) > 3 else evaluations
    chosen = sys.argv[4].split(",") if len(sys.argv) > 4 else list(FUNCTIONS)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name, (function, boxes, minimum) in FUNCTIONS.items():
        if name not in chosen:
            continue
        def objective(trial):
            unit = [trial.suggest_float(f"u{i}", 0.0, 1.0) for i in range(len(boxes))]
            return function([lo + u * (hi - lo) for u, (lo, hi) in zip(unit, boxes)])
        for sampler_name in ("tpe", "cmaes"):
            for seed in range(1, seeds + 1):
                sampler = (optuna.samplers.TPESampler(seed=seed) if sampler_name == "tpe"
                           else optuna.samplers.CmaEsSampler(seed=seed))
                study = optuna.create_study(sampler=sampler)
                study.optimize(objective, n_trials=checkpoint)
                at_checkpoint = study.best_value
                study.optimize(objective, n_trials=evaluations - checkpoint)
                print(f"{name} optuna-{sampler_name} {seed} {at_checkpoint - minimum:.6g} "
                      f"{study.best_value - minimum:.6g}", flush=True)


if __name__ == "__main__":
    main()
