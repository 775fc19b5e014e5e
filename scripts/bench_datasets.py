#!/usr/bin/python3
"""Exports small public data sets for scripts/bench-datasets.sh and computes their references.

Benchmark only (Debian python3-sklearn); never a runtime dependency of the job. For each set: a seeded
stratified 80/20 split (random_state 42; diabetes split unstratified), written with raw features as LIBSVM
(1-based indices, zeros omitted) and as CSV (header f0..f{d-1},label), then the reference: StandardScaler +
LogisticRegression with C tuned by 5-fold stratified CV over 10^-3..10^3 (13 values), or Ridge with alpha tuned
the same way for regression, fitted on the 80 % and scored on the 20 %; and the majority class (training mean)
scored on the 20 %. Prints one JSON object per set.

Sets: scikit-learn's bundled iris, wine, breast_cancer, digits, diabetes; from the Debian package
dataset-fashion-mnist (/usr/share/datasets/fashion-mnist, another source): a 10-class subset of 1,500 images
and a binary pullover-vs-coat subset of 1,200, drawn seeded and class-balanced.
"""
import gzip
import json
import os
import sys

import numpy as np
from sklearn import datasets
from sklearn.datasets import dump_svmlight_file
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FASHION = "/usr/share/datasets/fashion-mnist"


def idx(images, labels):
    with gzip.open(images) as f:
        raw = f.read()
    n, rows, cols = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    x = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(n, rows * cols).astype(float)
    with gzip.open(labels) as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(int)
    return x, y


def fashion(classes, per_class):
    x, y = idx(f"{FASHION}/train-images-idx3-ubyte.gz", f"{FASHION}/train-labels-idx1-ubyte.gz")
    rng = np.random.default_rng(42)
    picked = np.concatenate([rng.choice(np.flatnonzero(y == c), per_class, replace=False) for c in classes])
    rng.shuffle(picked)
    remap = {c: i for i, c in enumerate(classes)}
    return x[picked], np.array([remap[v] for v in y[picked]])


def sets():
    yield "iris", "softmax", datasets.load_iris(return_X_y=True)
    yield "wine", "softmax", datasets.load_wine(return_X_y=True)
    yield "breast_cancer", "logistic", datasets.load_breast_cancer(return_X_y=True)
    yield "digits", "softmax", datasets.load_digits(return_X_y=True)
    yield "diabetes", "least-squares", datasets.load_diabetes(return_X_y=True, scaled=False)
    if os.path.isdir(FASHION):
        yield "fashion10", "softmax", fashion(list(range(10)), 150)
        yield "fashion_pullover_coat", "logistic", fashion([2, 4], 600)


def reference(loss, xtr, ytr, xte, yte):
    grid = {"m__C" if loss != "least-squares" else "m__alpha": np.logspace(-3, 3, 13)}
    if loss == "least-squares":
        from sklearn.pipeline import Pipeline
        model = Pipeline([("s", StandardScaler()), ("m", Ridge())])
        search = GridSearchCV(model, grid, cv=KFold(5, shuffle=True, random_state=0),
                              scoring="neg_root_mean_squared_error").fit(xtr, ytr)
        rmse = float(np.sqrt(np.mean((search.predict(xte) - yte) ** 2)))
        majority = float(np.sqrt(np.mean((ytr.mean() - yte) ** 2)))
        return rmse, majority
    from sklearn.pipeline import Pipeline
    model = Pipeline([("s", StandardScaler()), ("m", LogisticRegression(max_iter=5000))])
    search = GridSearchCV(model, grid, cv=StratifiedKFold(5, shuffle=True, random_state=0)).fit(xtr, ytr)
    accuracy = float(np.mean(search.predict(xte) == yte))
    values, counts = np.unique(ytr, return_counts=True)
    majority = float(np.mean(yte == values[np.argmax(counts)]))
    return accuracy, majority


def write_csv(path, x, y):
    header = ",".join(f"f{j}" for j in range(x.shape[1])) + ",label"
    np.savetxt(path, np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt="%.10g")


def main(out):
    os.makedirs(out, exist_ok=True)
    for name, loss, (x, y) in sets():
        stratify = None if loss == "least-squares" else y
        xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.2, random_state=42, stratify=stratify)
        for part, xs, ys in (("train", xtr, ytr), ("test", xte, yte)):
            dump_svmlight_file(xs, ys, f"{out}/{name}-{part}.libsvm", zero_based=False)
            write_csv(f"{out}/{name}-{part}.csv", xs, ys)
        score, majority = reference(loss, xtr, ytr, xte, yte)
        print(json.dumps({"name": name, "loss": loss, "rows": int(x.shape[0]), "features": int(x.shape[1]),
                          "test_rows": int(len(yte)), "reference": score, "majority": majority}))


if __name__ == "__main__":
    main(sys.argv[1])
