#!/usr/bin/env python3
"""Reads `jfr print --json` of jdk.ExecutionSample and jdk.NativeMethodSample events (same period) and prints
the share of on-CPU samples (Java samples, and native samples inside BLAS or gzip) per part of a tuning job, attributing each sample by the innermost frame of ours (or of
BLAS) on its stack. Usage: where_time_goes.py RECORDING.json"""
import collections
import json
import sys

# First matching rule wins; checked from the innermost frame outwards.
RULES = [
    ("shuffling", "SgdTrainer$Run.shuffle"),
    ("parameter update (MomentumUpdater)", "MomentumUpdater."),
    ("loss and its score gradient", "Loss.gradient"),
    ("validation after each epoch", "ModelEvaluator."),
    ("training kernel: BLAS products", "netlib/blas/"),
    ("training kernel: gather and conversions", "Kernel."),
    ("data reading and preparation", "org/sparkhpo/data/"),
    ("outputs, journal, model export", "org/sparkhpo/report/"),
    ("broadcast serialization (Kryo)", "org/sparkhpo/spark/FeatureSerializers"),
    ("class loading (JVM and Spark start)", "ClassLoader"),
    # Native samples keep only a few frames: decompression of jar entries is class loading, gzip is data.
    ("class loading (JVM and Spark start)", "URLClassPath"),
    ("class loading (JVM and Spark start)", "JarFile."),
    ("data reading and preparation", "GZIPInputStream"),
]


def category(frames):
    names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
    for label, needle in RULES:
        if any(needle in n for n in names):
            if label == "training kernel: BLAS products" and any("ModelEvaluator." in n for n in names):
                return "validation after each epoch"
            return label
    if any("org/sparkhpo/" in n for n in names):
        return "other spark-hpo code"
    return "Spark, JVM and other threads"


# Native samples also catch threads blocked in native calls (sockets, epoll, sleeps); only these natives
# compute, so only they count as time.
COMPUTING_NATIVES = ("netlib/blas/", "zip/Inflater")


def on_cpu(event):
    frames = event["values"]["stackTrace"]["frames"]
    if not frames:
        return False
    if event["type"] == "jdk.ExecutionSample":
        return True
    top = frames[0]["method"]["type"]["name"]
    return any(n in top for n in COMPUTING_NATIVES)


def main():
    events = json.load(open(sys.argv[1]))["recording"]["events"]
    counts = collections.Counter(category(e["values"]["stackTrace"]["frames"]) for e in events if on_cpu(e))
    total = sum(counts.values())
    print(f"| part | samples | share |\n|---|---|---|")
    for label, count in counts.most_common():
        print(f"| {label} | {count} | {100.0 * count / total:.1f}% |")
    print(f"| total | {total} | 100% |")


if __name__ == "__main__":
    main()
