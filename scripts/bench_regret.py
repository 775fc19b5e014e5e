#!/usr/bin/python3
"""Tables for the known-optimum benchmark (scripts/bench-dfo.sh): reads `function method seed regret-at-checkpoint
regret-at-end` lines (FunctionBenchmark and bench_optuna.py) and prints, per budget, a Markdown table of the
median regret per function and method, with for each method the two-sided Mann-Whitney U p-value against the best
other method on that function (the one with the lowest median; `best` marks the best method itself, whose p is
against the runner-up). Usage: bench_regret.py RESULTS CHECKPOINT END"""
import statistics
import sys

from scipy.stats import mannwhitneyu


def table(rows, column, budget):
    functions = list(rows)
    methods = []
    for per_method in rows.values():
        for method in per_method:
            if method not in methods:
                methods.append(method)
    print(f"Median regret after {budget} evaluations (rounds of 8; p: Mann-Whitney U, two-sided, against the best "
          f"other method on the function; **bold** = lowest median):\n")
    print("| method | " + " | ".join(functions) + " |")
    print("|---|" + "---|" * len(functions))
    wins = {m: 0 for m in methods}
    for method in methods:
        cells = []
        for function in functions:
            per_method = rows[function]
            if method not in per_method:
                cells.append("-")
                continue
            medians = {m: statistics.median(v[column] for v in values) for m, values in per_method.items()}
            mine = [v[column] for v in per_method[method]]
            others = {m: med for m, med in medians.items() if m != method}
            best_other = min(others, key=others.get)
            theirs = [v[column] for v in per_method[best_other]]
            p = mannwhitneyu(mine, theirs, alternative="two-sided").pvalue
            is_best = medians[method] <= min(medians.values())
            wins[method] += 1 if is_best else 0
            text = f"{medians[method]:.3g} (p={p:.2g} vs {best_other})"
            cells.append(f"**{text}**" if is_best else text)
        print(f"| {method} | " + " | ".join(cells) + " |")
    print("\nFunctions where each method has the lowest median: "
          + ", ".join(f"{m} {w}" for m, w in wins.items()) + "\n")


def main():
    rows = {}
    for line in open(sys.argv[1]):
        parts = line.split()
        if len(parts) != 5:
            continue
        function, method, _seed, at_checkpoint, at_end = parts
        rows.setdefault(function, {}).setdefault(method, []).append((float(at_checkpoint), float(at_end)))
    table(rows, 0, sys.argv[2])
    table(rows, 1, sys.argv[3])


if __name__ == "__main__":
    main()
