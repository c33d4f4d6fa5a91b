#!/usr/bin/env python3
"""The dependency check must be able to fail: it refuses a networking crate and a bad licence."""
import importlib.util
import pathlib
import sys

spec = importlib.util.spec_from_file_location("check", pathlib.Path(__file__).with_name("check.py"))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)

assert "reqwest" in check.NETWORKING and "hyper" in check.NETWORKING
assert check.licence_ok("MIT OR Apache-2.0")
assert check.licence_ok("Apache-2.0/MIT")
assert check.licence_ok("(MIT OR Apache-2.0) AND Unicode-3.0")
assert not check.licence_ok("GPL-3.0-only")
assert not check.licence_ok("MIT AND GPL-3.0-only")
assert not check.licence_ok(None)
print("dependency check self-test: ok")
