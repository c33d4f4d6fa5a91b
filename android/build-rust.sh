#!/usr/bin/env bash
# Builds the Rust core for the phone ABIs into app/src/main/jniLibs (cargo-ndk, the workspace's
# `mobile` profile: small over fast, LTO, built as tests/bench/size.sh measures it), then
# generates the Kotlin bindings into app/build/generated/uniffi with the workspace's own
# uniffi-bindgen, in library mode from the unstripped host build. Run by the Gradle task
# buildRust before every build; runnable by hand from anywhere.
# Needs: cargo-ndk, the Android Rust targets (see README.md) and ANDROID_NDK_HOME.
set -euo pipefail
android=$(cd "$(dirname "$0")" && pwd)
workspace=$(dirname "$android")
# Gradle started from an IDE may not see the shell's PATH.
export PATH="$HOME/.cargo/bin:$PATH"
cd "$workspace"

# --platform matches minSdk; NDK r28+ links with 16 KB pages, as Android 15+ devices need.
# `rustc --crate-type cdylib`: the crate also lists `lib` and `staticlib`, and with an rlib among
# its outputs cargo links the cdylib without LTO, silently (rust-lang/cargo#4611): 16% larger.
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 --platform 26 -o "$android/app/src/main/jniLibs" \
  rustc -p limber-ffi --profile mobile --lib --crate-type cdylib

cargo build -p limber-ffi -p uniffi-bindgen
host_lib=target/debug/liblimber_ffi.so
[ "$(uname)" = Darwin ] && host_lib=target/debug/liblimber_ffi.dylib
out="$android/app/build/generated/uniffi"
rm -rf "$out"
target/debug/uniffi-bindgen generate --no-format --library "$host_lib" --language kotlin --out-dir "$out"
