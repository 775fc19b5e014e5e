#!/usr/bin/python3
"""scikit-learn baseline of scripts/bench.sh: SGDClassifier (logistic loss, one-vs-rest, n_jobs=1) trained one
epoch per partial_fit call on the arrays spark-hpo trains on (written by org.sparkhpo.bench.ExportArrays).
Benchmark only; never a runtime dependency. Prints: sklearn <median seconds per epoch> <test accuracy>.
Usage: bench_sklearn.py ARRAY_DIR EPOCHS"""
import sys
import time

import numpy as np
from sklearn.linear_model import SGDClassifier


def load(directory, name, rows, columns):
    x = np.fromfile(f"{directory}/{name}-x.f32", dtype="<f4").reshape(rows, columns).astype(np.float64)
    y = np.fromfile(f"{directory}/{name}-y.f32", dtype="<f4").astype(np.int64)
    return x, y


def main():
    directory, epochs = sys.argv[1], int(sys.argv[2])
    train_rows, test_rows, columns = map(int, open(f"{directory}/shape.txt").read().split())
    x_train, y_train = load(directory, "train", train_rows, columns)
    x_test, y_test = load(directory, "test", test_rows, columns)
    model = SGDClassifier(loss="log_loss", alpha=1e-4, random_state=42, n_jobs=1)
    classes = np.unique(y_train)
    seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.partial_fit(x_train, y_train, classes=classes)
        seconds.append(time.perf_counter() - start)
    accuracy = float((model.predict(x_test) == y_test).mean())
    print(f"sklearn {float(np.median(seconds)):.4f} {accuracy:.4f}")


if __name__ == "__main__":
    main()
