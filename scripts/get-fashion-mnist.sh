#!/usr/bin/env bash
# Makes the full Fashion-MNIST available as data/fashion-mnist/ (symlinks to the Debian package's files).
# Installs the Debian package dataset-fashion-mnist when it is missing and apt-get exists.
set -euo pipefail

SOURCE=/usr/share/datasets/fashion-mnist
FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$REPO_ROOT/data/fashion-mnist"

install_package() {
    local sudo=()
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq dataset-fashion-mnist
}

if [ ! -e "$SOURCE/train-images-idx3-ubyte.gz" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        install_package
    else
        echo "No apt-get here, so the Debian package dataset-fashion-mnist cannot be installed." >&2
        echo "Download the four files ${FILES[*]}" >&2
        echo "from https://github.com/zalandoresearch/fashion-mnist into $TARGET/" >&2
        exit 1
    fi
fi

mkdir -p "$TARGET"
for file in "${FILES[@]}"; do
    ln -sfn "$SOURCE/$file" "$TARGET/$file"
done
echo "Fashion-MNIST linked into $TARGET"
