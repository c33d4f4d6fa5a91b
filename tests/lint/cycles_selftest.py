#!/usr/bin/env python3
"""The import-circle check must be able to fail.

A tiny synthetic crate (store, progress, util) passes; then each planted circle makes the check
exit 1 and name it: a direct one (`store/x.rs` <-> `progress/y.rs`), one through a grouped use
tree, one only through a `pub use` re-export, one through an `impl Store` outside store/. Test
code, comments, strings, `mod` declarations and `pub(super)` never count.
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHECK = Path(__file__).with_name("cycles.py")

CRATE = {
    "lib.rs": """
        //! Not an import: crate::progress::y::Thing
        pub mod progress;
        pub mod store;
        pub mod util;
        pub use store::Store;
        pub use util::helper;
    """,
    "util.rs": """
        pub fn helper() -> &'static str { "crate::store::x::Row" }
        pub(crate) fn brace() -> char { '{' }
        pub(crate) fn quote() -> char { '\\'' }
    """,
    "store/mod.rs": """
        mod x;
        pub use x::Row;
        pub struct Store;
        impl Store {
            pub(super) fn open() -> Self { crate::helper(); Store }
        }
        #[cfg(test)]
        mod tests;
    """,
    "store/x.rs": """
        pub struct Row;
        /* crate::progress::y::make() in a comment */
        #[cfg(test)]
        mod tests {
            use crate::progress::y::Thing;
            #[test]
            fn t() { let _ = crate::progress::y::make(); }
        }
    """,
    # Test files are no modules of the build.
    "store/tests.rs": "use crate::progress::y::Thing;\n",
    "store/tests/more.rs": "use crate::progress::y;\n",
    "progress/mod.rs": """
        pub mod y;
    """,
    "progress/y.rs": """
        use crate::{store::{self, Row}, util::helper};
        pub struct Thing;
        pub fn make() -> Row { helper(); let _ = store::Row; Row }
        // Trait impls for a type of store::x add nothing to store::x.
        impl std::fmt::Debug for Row {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("row") }
        }
        impl<T> From<Vec<T>> for Row where T: Copy { fn from(_: Vec<T>) -> Self { Row } }
    """,
}

PLANTS = {
    "a direct circle through an inline path": (
        {"store/x.rs": "pub fn use_it() { let _ = crate::progress::y::make(); }\n"},
        {"store::x", "progress::y"},
    ),
    "a circle through a grouped use tree": (
        {"store/x.rs": "use crate::{util, progress::{y::{Thing as T}}};\n"},
        {"store::x", "progress::y"},
    ),
    "a circle only through a re-export": (
        # util -> progress::y only if `crate::progress::Thing` is followed to y.rs;
        # progress::y -> util through `helper`.
        {
            "progress/mod.rs": "pub use y::Thing;\n",
            "util.rs": "pub fn thing() -> crate::progress::Thing { crate::progress::Thing }\n",
        },
        {"util", "progress::y"},
    ),
    "a circle through impl Store outside store/": (
        {"progress/y.rs": "use crate::Store;\nimpl Store { pub fn made() {} }\n"},
        {"store", "progress::y"},
    ),
}


def write_crate(root: Path, extra: dict[str, str]) -> Path:
    src = root / "src"
    if src.exists():
        shutil.rmtree(src)
    for name, text in CRATE.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(line[8:] if line.startswith(" " * 8) else line for line in text.splitlines()))
    for name, text in extra.items():
        with open(src / name, "a", encoding="utf-8") as f:
            f.write("\n" + text)
    return src


def run(src: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), str(src)], capture_output=True, text=True)


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        clean = run(write_crate(Path(tmp), {}))
        print(f"clean crate: exit {clean.returncode}: {clean.stdout.strip()}")
        if clean.returncode != 0 or "none in" not in clean.stdout:
            failures.append(f"the clean crate must pass:\n{clean.stdout}{clean.stderr}")
        for what, (plant, members) in PLANTS.items():
            result = run(write_crate(Path(tmp), plant))
            named = [
                set(line.split("circle: ", 1)[1].split(" -> "))
                for line in result.stdout.splitlines()
                if "circle: " in line
            ]
            edge_sites = re.findall(r"\.rs:\d+", result.stdout)
            print(f"{what}: exit {result.returncode}")
            print("  " + result.stdout.strip().replace("\n", "\n  "))
            if result.returncode != 1:
                failures.append(f"{what}: expected exit 1, got {result.returncode}")
            if members not in named:
                failures.append(f"{what}: expected the circle {' -> '.join(sorted(members))} to be named")
            if len(edge_sites) < 2:
                failures.append(f"{what}: every edge needs its file and line")
    if failures:
        print("import-circle check self-test: FAILED\n" + "\n".join(failures))
        return 1
    print("import-circle check self-test: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
