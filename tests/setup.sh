#!/usr/bin/env bash
# Installs what the test command needs on a fresh machine; a no-op when it is already there.
# Tools go under tests/.tools (git-ignored); Debian packages system-wide.
set -euo pipefail
cd "$(dirname "$0")"
TOOLS=$PWD/.tools
KOTLIN_VERSION=2.4.20
TREE_SITTER=0.26.1
TREE_SITTER_SWIFT=0.7.4
TREE_SITTER_KOTLIN=1.1.0
# FHIR R4 (4.0.1) models; the 6.1 line of fhir.resources is built on pydantic 1.
FHIR_RESOURCES=6.1.0
PYDANTIC=1.10.27
CARGO_FUZZ=0.13.1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -f /usr/share/java/jna.jar ] || [ ! -f /usr/share/java/junit-platform-console-standalone.jar ]; then
  echo "installing JNA and JUnit 5 (Debian)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjna-java junit5 >/dev/null
fi

if [ ! -x "$TOOLS/node_modules/kotlin-compiler/bin/kotlinc-jvm" ]; then
  echo "installing kotlin-compiler $KOTLIN_VERSION (npm)"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "kotlin-compiler@$KOTLIN_VERSION" >/dev/null
fi

if [ ! -x "$TOOLS/venv/bin/python" ] || ! "$TOOLS/venv/bin/python" -c 'import tree_sitter_swift, tree_sitter_kotlin' 2>/dev/null; then
  echo "installing tree-sitter parsers (PyPI)"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install -q --disable-pip-version-check \
    "tree-sitter==$TREE_SITTER" "tree-sitter-swift==$TREE_SITTER_SWIFT" "tree-sitter-kotlin==$TREE_SITTER_KOTLIN"
fi

if [ ! -x "$TOOLS/fhir-venv/bin/python" ] || ! "$TOOLS/fhir-venv/bin/python" -c \
    "import sys, fhir.resources as f; sys.exit(f.__version__ != '$FHIR_RESOURCES' or f.__fhir_version__ != '4.0.1')" 2>/dev/null; then
  echo "installing fhir.resources $FHIR_RESOURCES (PyPI)"
  python3 -m venv "$TOOLS/fhir-venv"
  "$TOOLS/fhir-venv/bin/pip" install -q --disable-pip-version-check \
    "fhir.resources==$FHIR_RESOURCES" "pydantic==$PYDANTIC"
fi

if ! "$TOOLS/cargo/bin/cargo-fuzz" --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ"; then
  echo "installing cargo-fuzz $CARGO_FUZZ (crates.io)"
  cargo install --quiet --locked --root "$TOOLS/cargo" --version "$CARGO_FUZZ" cargo-fuzz
fi
