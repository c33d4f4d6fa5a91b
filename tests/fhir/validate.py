#!/usr/bin/env python3
"""Validates a Limber FHIR export against the FHIR R4 (4.0.1) models of `fhir.resources`
(pinned in tests/setup.sh), then against what Limber promises on top of R4.

    validate.py BUNDLE.json              exit 0 when valid; otherwise each problem on stderr, exit 1
    validate.py --self-test BUNDLE.json  checks that broken copies of a valid bundle are refused

Works offline: the models are code, nothing is fetched.
"""

import copy
import json
import re
import sys

import fhir.resources
from fhir.resources.bundle import Bundle

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
PAIN = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
SLR = "Straight leg raise angle"
# R4 requires a time zone on a dateTime that has a time.
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
URN_UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SITES = {"37822005", "46862004", "68367000", "6902008", "30021000", "56459004"}


def problems(data):
    """Every problem found, as text; empty when the bundle is valid."""
    if fhir.resources.__fhir_version__ != "4.0.1":
        return [f"fhir.resources models are FHIR {fhir.resources.__fhir_version__}, not R4 4.0.1"]
    try:
        Bundle.parse_obj(data)
    except Exception as e:  # pydantic's ValidationError and anything a model raises
        return [f"not a valid R4 Bundle: {e}"]
    found = []
    if data.get("type") != "collection":
        found.append("Bundle.type must be collection")
    entries = data.get("entry", [])
    urls = [e.get("fullUrl") for e in entries]
    if len(set(urls)) != len(urls):
        found.append("fullUrls must be unique")
    for i, entry in enumerate(entries):
        where = f"entry[{i}]"
        resource = entry.get("resource", {})
        if not URN_UUID.match(entry.get("fullUrl", "")):
            found.append(f"{where}.fullUrl must be urn:uuid:<lower-case uuid>")
        elif entry["fullUrl"] != "urn:uuid:" + resource.get("id", ""):
            found.append(f"{where}.fullUrl must be urn:uuid: and the resource id")
        if resource.get("resourceType") != "Observation":
            found.append(f"{where} must be an Observation")
            continue
        if resource.get("status") != "final":
            found.append(f"{where}.status must be final")
        if not DATETIME.match(resource.get("effectiveDateTime", "")):
            found.append(f"{where}.effectiveDateTime must have seconds and a UTC offset")
        for member in resource.get("hasMember", []) + resource.get("derivedFrom", []):
            if member.get("reference") not in urls:
                found.append(f"{where}: reference {member.get('reference')} is not in the bundle")
        codings = resource.get("code", {}).get("coding", [])
        if any(c.get("system") == LOINC and c.get("code") == PAIN for c in codings):
            found += pain_problems(where, resource, codings)
        elif resource.get("code", {}).get("text") == SLR:
            found += slr_problems(where, resource)
        else:
            found.append(f"{where}: an Observation Limber does not export")
    return found


def pain_problems(where, resource, codings):
    found = []
    if [c.get("display") for c in codings] != [PAIN_DISPLAY]:
        found.append(f"{where}.code must display {PAIN_DISPLAY!r}")
    value = resource.get("valueInteger")
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10:
        found.append(f"{where}.valueInteger must be a whole number from 0 to 10")
    categories = [c.get("code") for cat in resource.get("category", []) for c in cat.get("coding", [])]
    if categories != ["survey"]:
        found.append(f"{where}.category must be survey")
    site = resource.get("bodySite")
    if site is not None:
        codes = [(c.get("system"), c.get("code")) for c in site.get("coding", [])]
        if len(codes) != 1 or codes[0][0] != SNOMED or codes[0][1] not in SITES or not site.get("text"):
            found.append(f"{where}.bodySite must be one of Limber's SNOMED CT sites, with text")
    return found


def slr_problems(where, resource):
    found = []
    components = resource.get("component", [])
    if not components:
        found.append(f"{where} must have a component per measured leg")
    for j, component in enumerate(components):
        q = component.get("valueQuantity", {})
        if (q.get("system"), q.get("code"), q.get("unit")) != (UCUM, "deg", "deg"):
            found.append(f"{where}.component[{j}].valueQuantity must be UCUM deg")
        if not isinstance(q.get("value"), (int, float)) or not 0 <= q["value"] <= 120:
            found.append(f"{where}.component[{j}].valueQuantity.value must be 0 to 120 degrees")
    return found


def first(data, test):
    """The index of the first entry passing `test`."""
    return next(i for i, e in enumerate(data["entry"]) if test(e["resource"]))


def self_test(data):
    """Breaks a valid bundle in ways R4 or Limber forbid; each must be refused."""
    assert not problems(data), problems(data)
    pain = first(data, lambda r: "hasMember" in r)
    site = first(data, lambda r: "bodySite" in r)
    slr = first(data, lambda r: r.get("code", {}).get("text") == SLR)

    def res(i):
        return lambda d: d["entry"][i]["resource"]

    breaks = {
        "a wrong type (R4)": lambda d: res(pain)(d).__setitem__("valueInteger", "four"),
        "a missing required status (R4)": lambda d: res(pain)(d).pop("status"),
        "a status outside the code list (R4)": lambda d: res(pain)(d).__setitem__("status", "done"),
        "an unknown element (R4)": lambda d: res(pain)(d).__setitem__("painLevel", 4),
        "a bad date-time (R4)": lambda d: res(pain)(d).__setitem__("effectiveDateTime", "20/11/2026"),
        "an unknown resource type (R4)": lambda d: res(pain)(d).__setitem__("resourceType", "PainDiary"),
        "a bundle type outside the code list (R4)": lambda d: d.__setitem__("type", "pile"),
        "pain above 10": lambda d: res(pain)(d).__setitem__("valueInteger", 11),
        "a date-time without a UTC offset": lambda d: res(pain)(d).__setitem__(
            "effectiveDateTime", "2026-11-20T08:30:00"
        ),
        "a fullUrl that is not a urn:uuid": lambda d: d["entry"][pain].__setitem__(
            "fullUrl", "http://example.org/Observation/1"
        ),
        "a fullUrl that is not the id": lambda d: res(pain)(d).__setitem__(
            "id", "00000000-0000-7000-8000-000000000000"
        ),
        "a member that is not in the bundle": lambda d: res(pain)(d)["hasMember"][0].__setitem__(
            "reference", "urn:uuid:00000000-0000-7000-8000-000000000000"
        ),
        "a body site outside Limber's": lambda d: res(site)(d)["bodySite"]["coding"][0].__setitem__("code", "1"),
        "a degree value in the wrong unit": lambda d: res(slr)(d)["component"][0]["valueQuantity"].__setitem__(
            "code", "rad"
        ),
    }
    failed = []
    for name, damage in breaks.items():
        broken = copy.deepcopy(data)
        damage(broken)
        if not problems(broken):
            failed.append(name)
    if failed:
        print("self-test: these broken bundles were accepted: " + ", ".join(failed), file=sys.stderr)
        return 1
    print(f"self-test: {len(breaks)} broken bundles refused, the valid one accepted")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        with open(argv[2], encoding="utf-8") as f:
            return self_test(json.load(f))
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        data = json.load(f)
    found = problems(data)
    for problem in found:
        print(f"{argv[1]}: {problem}", file=sys.stderr)
    if found:
        return 1
    print(f"{argv[1]}: valid FHIR R4 Bundle, {len(data.get('entry', []))} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
