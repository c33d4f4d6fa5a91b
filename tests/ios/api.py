#!/usr/bin/env python3
"""Checks the app's calls against the APIs they call, since no Swift compiler runs here.

For every call the app makes into the core (the `Limber` object through `database()`, the free
functions, the records' initialisers, enum cases with values), into LimberKit (initialisers,
static functions) and into its own actors (`core.`, `reminders.`, `health.`), the function must
exist and the argument labels must fit its parameters (in order; parameters with a default may
be left out).

usage: api.py GENERATED_SWIFT IOS_DIR
"""
import re
import sys
from pathlib import Path

# Receivers in the app and the files that declare their methods.
ACTORS = {
    "core": ["Limber/Core/CoreService.swift", "Limber/Data/DataActions.swift"],
    "reminders": ["Limber/Notifications/ReminderScheduler.swift"],
    "health": ["Limber/Health/HealthWriter.swift"],
}
APP_EXCLUDED = {"LimberCore/Sources/LimberCore/LimberCore.swift"}


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: " " * len(m.group(0)), text, flags=re.S)
    return re.sub(r"//[^\n]*", lambda m: " " * len(m.group(0)), text)


def balanced(text, start):
    """The text between the parenthesis at `start` and its partner, or None."""
    depth, i, quote = 0, start, False
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote = True
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i]
        i += 1
    return None


def split_top(text):
    parts, depth, current, quote, i = [], 0, "", False, 0
    while i < len(text):
        c = text[i]
        if quote:
            current += c
            if c == "\\" and i + 1 < len(text):
                current += text[i + 1]
                i += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote = True
            current += c
        elif c in "([{<":
            depth += 1
            current += c
        elif c in ")]}>":
            depth -= 1
            current += c
        elif c == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
        i += 1
    if current.strip():
        parts.append(current)
    return parts


def parameters(text):
    """[(external label or None, has default)] of a declaration's parameter list."""
    result = []
    for part in split_top(text):
        head = part.split(":", 1)[0].split()
        if not head:
            continue
        label = head[0] if head[0] != "_" else None
        result.append((label, "=" in part.split(":", 1)[1] if ":" in part else False))
    return result


def arguments(text):
    """[label or None] of a call's argument list."""
    labels = []
    for part in split_top(text):
        m = re.match(r"\s*(\w+)\s*:(?!:)", part)
        labels.append(m.group(1) if m else None)
    return labels


def signature(labels):
    return "(" + "".join(f"{label or '_'}:" for label in labels) + ")"


def fits(params, args):
    i = 0
    for label, has_default in params:
        if i < len(args) and args[i] == label:
            i += 1
        elif not has_default:
            return False
    return i == len(args)


def declarations(text, pattern):
    """{name: [params]} for each declaration matching `pattern` (a regex with a `name` group
    whose match ends right before the opening parenthesis)."""
    found = {}
    for m in re.finditer(pattern, text):
        inner = balanced(text, m.end())
        if inner is not None:
            found.setdefault(m.group("name"), []).append(parameters(inner))
    return found


def type_bodies(text, keyword):
    """{type name: body text} for `public struct/enum/class NAME ... {`."""
    bodies = {}
    for m in re.finditer(rf"(?:public|open)\s+(?:final\s+)?{keyword}\s+(\w+)[^{{]*", text):
        brace = text.find("{", m.end() - 1)
        inner = balanced(text, brace)
        if inner is not None:
            bodies.setdefault(m.group(1), "")
            bodies[m.group(1)] += inner
    return bodies


class Api:
    def __init__(self, generated, ios):
        core = strip_comments(generated.read_text())
        limber = type_bodies(core, "class").get("Limber", "")
        self.methods = declarations(limber, r"open\s+func\s+(?P<name>\w+)")
        self.free = declarations(core, r"(?m)^public\s+func\s+(?P<name>\w+)")
        self.inits = {}
        for name, body in type_bodies(core, "struct").items():
            if name.startswith("FfiConverter"):
                continue
            self.inits[name] = declarations(body, r"public\s+init(?P<name>)").get("", [])
        self.cases = {}
        for body in type_bodies(core, "enum").values():
            for m in re.finditer(r"\bcase\s+(\w+)\s*\(", body):
                inner = balanced(body, m.end() - 1)
                if inner is not None:
                    self.cases.setdefault(m.group(1), []).append(parameters(inner))
        # Hand-written Swift: LimberCore's extension and LimberKit's public API.
        self.statics = {}
        for path in list((ios / "LimberCore/Sources").rglob("*.swift")) + list((ios / "LimberKit/Sources").rglob("*.swift")):
            if path.relative_to(ios).as_posix() in APP_EXCLUDED:
                continue
            text = strip_comments(path.read_text())
            for keyword in ("struct", "enum"):
                for name, body in type_bodies(text, keyword).items():
                    nested = declarations(body, r"public\s+init\??(?P<name>)").get("", [])
                    self.inits.setdefault(name, []).extend(nested)
                    for fn, overloads in declarations(body, r"public\s+static\s+func\s+(?P<name>\w+)").items():
                        self.statics.setdefault(name, {}).setdefault(fn, []).extend(overloads)
        # Initialisers added in extensions, in the packages or in the app, of types known above.
        hand_written = list((ios / "LimberCore/Sources").rglob("*.swift")) + list((ios / "LimberKit/Sources").rglob("*.swift"))
        for path in hand_written + list((ios / "Limber").rglob("*.swift")):
            if path.relative_to(ios).as_posix() in APP_EXCLUDED:
                continue
            text = strip_comments(path.read_text())
            for m in re.finditer(r"extension\s+(\w+)[^{]*\{", text):
                body = balanced(text, m.end() - 1) or ""
                nested = declarations(body, r"(?:public\s+)?\binit\??(?P<name>)").get("", [])
                if nested and m.group(1) in self.inits:
                    self.inits[m.group(1)].extend(nested)
        self.inits = {name: overloads for name, overloads in self.inits.items() if overloads}
        self.actors = {}
        for receiver, files in ACTORS.items():
            methods = {}
            for f in files:
                for name, overloads in declarations(strip_comments((ios / f).read_text()), r"\bfunc\s+(?P<name>\w+)").items():
                    methods.setdefault(name, []).extend(overloads)
            self.actors[receiver] = methods


def check_file(api, path, problems):
    text = strip_comments(path.read_text())
    checked = 0

    def check(m, what, overloads, open_paren):
        nonlocal checked
        inner = balanced(text, open_paren)
        if inner is None:
            return
        checked += 1
        args = arguments(inner)
        line = text.count("\n", 0, m.start()) + 1
        if not overloads:
            problems.append(f"{path}:{line}: {what} does not exist")
        elif not any(fits(p, args) for p in overloads):
            shown = " or ".join(signature(label for label, _ in p) for p in overloads)
            problems.append(f"{path}:{line}: {what}{signature(args)} fits none of {shown}")

    # The Limber object: `database()` in the app, `limber` in the package's tests.
    for m in re.finditer(r"(?:\bdatabase\(\)|(?<![\w.])limber)\s*\.\s*(\w+)\s*\(", text):
        name = m.group(1)
        overloads = api.methods.get(name, [])
        check(m, f"Limber.{name}", overloads, m.end() - 1)
    for m in re.finditer(r"(?<![\w.])(\w+)\s*\(", text):
        name = m.group(1)
        if name in api.free:
            check(m, name, api.free[name], m.end() - 1)
        elif name in api.inits and name[0].isupper():
            check(m, f"{name}.init", api.inits[name], m.end() - 1)
    for m in re.finditer(r"\b(\w+)\s*\.\s*(\w+)\s*\(", text):
        type_name, fn = m.group(1), m.group(2)
        if type_name in api.statics and fn in api.statics[type_name]:
            check(m, f"{type_name}.{fn}", api.statics[type_name][fn], m.end() - 1)
    for m in re.finditer(r"(?<![\w])(core|reminders|health)\s*\.\s*(\w+)\s*\(", text):
        receiver, fn = m.group(1), m.group(2)
        check(m, f"{receiver}.{fn}", api.actors[receiver].get(fn, []), m.end() - 1)
    # Enum cases with values, where built (labels given), not where matched (`let` bindings).
    for m in re.finditer(r"(?<![\w])\.(\w+)\s*\(", text):
        name = m.group(1)
        inner = balanced(text, m.end() - 1)
        if name in api.cases and inner is not None and "let " not in inner and any(arguments(inner)):
            check(m, f".{name}", api.cases[name], m.end() - 1)
    return checked


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    generated, ios = Path(argv[1]), Path(argv[2])
    api = Api(generated, ios)
    if not api.methods or not api.inits:
        sys.exit(f"{generated}: found no Limber methods or records; is it the generated LimberCore.swift?")
    problems, checked = [], 0
    app_files = sorted((ios / "Limber").rglob("*.swift")) + sorted((ios / "LimberCore/Tests").rglob("*.swift"))
    for path in app_files:
        checked += check_file(api, path, problems)
    for p in problems:
        print(p)
    print(f"iOS API calls: {checked} checked, {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
