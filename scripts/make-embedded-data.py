#!/usr/bin/env python3
"""Writes the embedded default data set, a seeded class-balanced subset of Fashion-MNIST.

Reads the full Fashion-MNIST IDX files (Debian package dataset-fashion-mnist, or the four files from
https://github.com/zalandoresearch/fashion-mnist) and writes 1,000 training images per class from the
training set and 200 test images per class from the t10k set, in IDX format, gzipped with mtime 0 so that
the output is byte-for-byte reproducible.

Usage: scripts/make-embedded-data.py [SOURCE_DIR [TARGET_DIR]]
Standard library only (gzip, struct, random).
"""
import gzip
import os
import random
import struct
import sys

SEED = 20261126
NUM_CLASSES = 10
IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
DEFAULT_SOURCE = "/usr/share/datasets/fashion-mnist"
DEFAULT_TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "fashion-mnist-small")


def read_images(path):
    """Returns (rows, cols, list of image byte strings)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count, rows, cols = struct.unpack(">IIII", data[:16])
    if magic != IMAGES_MAGIC:
        sys.exit(f"{path}: magic number {magic:#010x}, expected {IMAGES_MAGIC:#010x}")
    size = rows * cols
    if len(data) != 16 + count * size:
        sys.exit(f"{path}: {len(data)} bytes, expected {16 + count * size}")
    return rows, cols, [data[16 + i * size:16 + (i + 1) * size] for i in range(count)]


def read_labels(path):
    """Returns the labels as a bytes object (one unsigned byte per image)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic != LABELS_MAGIC:
        sys.exit(f"{path}: magic number {magic:#010x}, expected {LABELS_MAGIC:#010x}")
    if len(data) != 8 + count:
        sys.exit(f"{path}: {len(data)} bytes, expected {8 + count}")
    return data[8:]


def balanced_subset(labels, per_class, rng):
    """Picks per_class random rows of every class; returns the row indices in increasing order."""
    chosen = []
    for c in range(NUM_CLASSES):
        rows = [i for i, label in enumerate(labels) if label == c]
        if len(rows) < per_class:
            sys.exit(f"class {c} has {len(rows)} rows, fewer than {per_class}")
        chosen.extend(rng.sample(rows, per_class))
    return sorted(chosen)


def write_gzip(path, payload):
    """Writes payload gzipped with mtime 0 and no file name, so that the bytes depend on payload only."""
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(payload)


def write_part(source, target, prefix, per_class, rng):
    rows, cols, images = read_images(os.path.join(source, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_labels(os.path.join(source, f"{prefix}-labels-idx1-ubyte.gz"))
    if len(images) != len(labels):
        sys.exit(f"{prefix}: {len(images)} images but {len(labels)} labels")
    chosen = balanced_subset(labels, per_class, rng)
    header = struct.pack(">IIII", IMAGES_MAGIC, len(chosen), rows, cols)
    write_gzip(os.path.join(target, f"{prefix}-images-idx3-ubyte.gz"),
               header + b"".join(images[i] for i in chosen))
    write_gzip(os.path.join(target, f"{prefix}-labels-idx1-ubyte.gz"),
               struct.pack(">II", LABELS_MAGIC, len(chosen)) + bytes(labels[i] for i in chosen))
    print(f"{prefix}: {len(chosen)} rows ({per_class} per class) of {len(labels)}")


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    target = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_TARGET
    os.makedirs(target, exist_ok=True)
    rng = random.Random(SEED)
    write_part(source, target, "train", 1000, rng)
    write_part(source, target, "t10k", 200, rng)


if __name__ == "__main__":
    main()
