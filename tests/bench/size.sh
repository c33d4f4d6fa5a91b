#!/usr/bin/env bash
# The phone library's size: limber-ffi built as the phones build it (the mobile profile:
# opt-level s, LTO, one codegen unit; a cdylib alone, see below), stripped after bindgen,
# against a bare uniffi + bundled-rusqlite library built the same way. Target: at most 2x
# (issue 17). Host target here; phones differ a little (README, Benchmarks).
#
# `cargo rustc --crate-type cdylib`, not `cargo build`: bindings/Cargo.toml also lists `lib`
# (for the Rust tests) and `staticlib` (for iOS), and with an rlib among a crate's outputs
# cargo links the cdylib without LTO, silently (rust-lang/cargo#4611). That build was 3,496
# KiB against 3,023 KiB with LTO. The phone build scripts build each output alone the same way.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo rustc --quiet -p limber-ffi --profile mobile --lib --crate-type cdylib
cargo rustc --quiet -p limber-bare --profile mobile --lib --crate-type cdylib
out=target/mobile/stripped
mkdir -p "$out"
for lib in limber_ffi limber_bare; do
  # Bindings are generated from the unstripped library; what ships is stripped.
  strip --strip-all -o "$out/lib$lib.so" "target/mobile/lib$lib.so"
done
ours=$(stat -c %s "$out/liblimber_ffi.so")
bare=$(stat -c %s "$out/liblimber_bare.so")
python3 - "$ours" "$bare" "$out/liblimber_ffi.so" target/mobile/liblimber_ffi.so <<'PY'
import re, subprocess, sys
ours, bare = int(sys.argv[1]), int(sys.argv[2])
# Code that was taken out of the phone library for its size, kept out: each pattern is matched
# against the unstripped library's symbols (Limber's crates use the legacy mangling, std v0).
symbols = subprocess.run(["nm", "-C", sys.argv[4]], capture_output=True, text=True, check=True).stdout
raw = subprocess.run(["nm", sys.argv[4]], capture_output=True, text=True, check=True).stdout
kept_out = [
    # chrono's strftime interpreter, 30 KiB: dates are spelled in progress/labels.rs.
    (symbols, r"chrono::format::formatting::DelayedFormat", 0, "chrono's `format` (use progress::labels)"),
    # A copy of the standard sort per element type and key, 3-8 KiB each: core/src/sort.rs holds
    # the one Limber makes; the other is `collect` into the BTreeSet of sessions checked in.
    (raw, r"^\S+ \S+ _ZN4core5slice4sort\S*(driftsort_main|ipnsort)", 2, "a standard sort outside core/src/sort.rs"),
    # plotters, 76 KiB, for one chart: progress/chart/ writes the SVG.
    (symbols, r"\bplotters", 0, "plotters (use progress/chart/)"),
    # The zip crate and crc32fast, 63 KiB: progress/zip_stream.rs writes the CSV archive.
    (symbols, r"(^|[^\w])zip::", 0, "the zip crate (use progress::zip_stream)"),
    # crc32fast (flate2::Crc on miniz_oxide), 19 KiB: progress/crc32.rs is the zip's CRC-32.
    (symbols, r"(^|[^\w])crc32fast::", 0, "crc32fast (use progress::crc32)"),
    # zlib-rs, 44 KiB more than miniz_oxide's deflate (flate2's rust_backend) with progress::crc32.
    (symbols, r"(^|[^\w])zlib_rs::", 0, "zlib-rs (flate2 deflates on miniz_oxide, see Cargo.toml)"),
    # SystemTimeError's Debug and the duration formatting under it, 3 KiB: chrono's Utc::now and
    # uuid's now_v7 panic with it before 1970; Limber reads the clock through core/src/clock.rs.
    (symbols, r"SystemTimeError as core::fmt::Debug", 0, "a clock read that panics (use crate::clock)"),
    # serde_json's Value tree (json!, to_value, Map, its Serialize and Drop), 33 KiB: the FHIR
    # export and the answers from responses write their JSON with core/src/json_text.rs.
    (symbols, r"serde_json::value", 0, "serde_json's Value (use json_text)"),
    # serde_json's deserialize_struct, which also reads a struct from an array by position (8 of
    # them and every struct's visit_seq, 43 KiB): JSON is read through json_path, objects only.
    (symbols, r"serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_struct", 0,
     "serde_json's deserialize_struct (read JSON through json_path, objects only)"),
    # The standard float formatting (core::fmt::float, flt2dec's Grisu and Dragon, their bignum),
    # 22 KiB: the summary and the report write numbers with progress/decimal_text.rs, the store
    # sets its pragmas with literal SQL (rusqlite's pragma_update writes a value through f64's
    # Display and Debug), the chart with marks::num, and nothing prints an f64 with {:?}.
    (symbols, r"core::fmt::float|core::num::(flt2dec|bignum)", 0,
     "the standard float formatting (use progress::decimal_text)"),
    # chrono's general parser and RFC 3339 writer (format::parse, format::scan, Parsed,
    # OffsetFormat, to_rfc3339_opts), 25 KiB: moments and dates are written and read by
    # core/src/rfc3339.rs, the backup's through its serde adapters.
    (symbols, r"chrono::format::(parse|scan|parsed)::|OffsetFormat|to_rfc3339|write_rfc3339", 0,
     "chrono's parser or RFC 3339 writer (use rfc3339)"),
    # serde's derive for an enum of names: its own variant visitor, per-variant arms and copy of
    # deserialize_enum per enum (2 of them outlined, the rest inlined into structs; 24 KiB in
    # all): text_enum! reads every one through one shared reader (text_enum/serde_impl.rs).
    (symbols, r"ObjectsOnly<D> as serde_core::de::Deserializer>::deserialize_enum$", 1,
     "deserialize_enum (an enum of names derives serde per enum: use text_enum!)"),
    # hashbrown's table per key type (its rehash 1.3 KiB, insert, drop), 13 KiB for the seven
    # Limber had: its duplicate checks share one HashSet<u128> (core/src/seen.rs). The other
    # copy is rusqlite's statement cache, in the bare library too.
    (symbols, r"hashbrown::raw::RawTable<T,A>::reserve_rehash", 2,
     "hashbrown's table for a key type of its own (use seen::Seen)"),
    # The uuid crate's parser and its error messages, 3.4 KiB: ids are read by ids::parse_uuid.
    (symbols, r"uuid::parser|uuid::error", 0, "the uuid crate's parser (use ids::parse_uuid)"),
]
for text, pattern, most, what in kept_out:
    found = len(re.findall(pattern, text, re.M))
    if found > most:
        sys.exit(f"limber-ffi holds {found} symbols of {what}, at most {most} allowed (see this script)")
# A type serialized by two serializers is in the library twice: serde_json's compact one was
# 17 KiB of copies of what the pretty one (the JSON backup) also holds. Compact JSON is written
# through the pretty printer (limber_core::compact_json).
serialize = re.findall(r"^\S+ \S+ (.*impl serde_core::ser::Serialize for .*>::serialize)$", symbols, re.M)
twice = sorted({name for name in serialize if serialize.count(name) > 1})
if twice:
    sys.exit(f"limber-ffi serializes {twice[0]} (and {len(twice) - 1} more) twice: write compact JSON with compact_json")
# Every struct read from JSON is one body per type read at the top (Backup, Answers,
# AssessmentResult: each nested struct inlined into it). serde's named errors (missing,
# duplicate, unknown field...) built at each field of each struct made them 88 KiB in all;
# made once in json_path/outlined.rs, with text_enum's shared reader, 71 KiB (December 2026).
# A new field grows them a little: raise the cap knowingly, not by 15 KiB.
sized = subprocess.run(["nm", "-S", "-C", sys.argv[4]], capture_output=True, text=True, check=True).stdout
reading = sum(int(size, 16) for size in re.findall(
    r"^\S+ (\S+) \S+ <limber_core::json_path::objects_only::Wrap<V> as serde_core::de::Visitor>::visit_map$", sized, re.M))
if reading > 76 * 1024:
    sys.exit(f"limber-ffi reads its JSON structs in {reading / 1024:.0f} KiB, at most 76 allowed (see this script)")
# Linked without LTO, calls between Rust functions go through the GOT: 3,638 entries in the
# build that was (29 KiB, and a 24-byte relocation each), against 112 with LTO. Fail loudly.
sections = subprocess.run(["readelf", "-SW", sys.argv[3]], capture_output=True, text=True, check=True)
got = re.search(r"\s\.got\s+PROGBITS\s+\S+\s+\S+\s+([0-9a-f]+)", sections.stdout)
if not got:
    sys.exit("limber-ffi has no .got section: this check no longer knows what it reads")
entries = int(got.group(1), 16) // 8
if entries > 1000:
    sys.exit(f"limber-ffi has {entries} GOT entries: it was linked without LTO (see the top of this script)")
print(f"limber-ffi stripped: {ours / 1024:.0f} KiB; bare uniffi + rusqlite: {bare / 1024:.0f} KiB")
print(f"RATIO library_size: {ours / bare:.2f} (target <= 2x)")
PY
