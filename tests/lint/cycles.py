#!/usr/bin/env python3
"""Fails when modules of the core import each other in a circle (issue #13: no import circles).

A module is a file (`foo.rs` or `foo/mod.rs`; `lib.rs` is the crate root). An edge A -> B is a
`use` of B's items in A (`use crate::...`, `use super::...`, `use self::...`, a child module
named directly, grouped trees like `use crate::{a::b, c::{d, e}}`) or an inline path
(`crate::a::b::f()`, `super::x::Y`, or a path through a module imported by name). Only code
that is built outside tests counts: `tests.rs`, files under `tests/` folders and items marked
`#[cfg(test)]` are skipped. `mod x;` declarations are not imports. Every `use` binding is an
alias: a path through it resolves to the module where the item is defined (followed to a
fixpoint), so `pub use` re-exports never hide a circle and never make one by themselves; a name
a module re-exports and also uses in its own code is an import there. An inherent `impl T { ... }`
outside the folder of T's module adds the methods it defines to T, so it is also an edge from
T's module to the module holding the impl (`impl Store` in routine/today.rs: store ->
routine::today); inside that folder (store/pain.rs) it is part of T's own module. Method calls
are not traced: they name no module.

A path resolves to the longest existing module prefix. Exit 1 when a strongly connected
component holds more than one module, printing each circle (`a -> b -> a`) with the file and
line of every edge; otherwise print a one-line summary.

usage: cycles.py [--edges] [SRC_DIR]   (default: core/src of this repository)
  --edges     also print every import between modules, with where it is
  --folders   look for circles between the top-level modules (store, progress, ...) instead
Python 3.11, standard library only.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
KEYWORD_ROOTS = ("crate", "super", "self")


# ---------------------------------------------------------------------------------------------
# Source text: comments, strings and test-only items blanked out, line numbers kept.


def strip_comments_and_strings(text: str) -> str:
    """Replaces comments, string and char literals by spaces, keeping every newline."""
    out = []
    i, n = 0, len(text)

    def blank(segment: str) -> str:
        return "".join(c if c == "\n" else " " for c in segment)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(blank(text[i:end]))
            i = end
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
        elif (m := re.compile(r'b?r(#*)"').match(text, i)) and (i == 0 or not _ident_char(text[i - 1])):
            closing = '"' + m.group(1)
            end = text.find(closing, m.end())
            end = n if end < 0 else end + len(closing)
            out.append(blank(text[i:end]))
            i = end
        elif c == '"' or (c == "b" and text.startswith('b"', i) and (i == 0 or not _ident_char(text[i - 1]))):
            j = i + (2 if c == "b" else 1)
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(blank(text[i : j + 1]))
            i = j + 1
        elif c == "'":
            # A char literal ('a', '\n', '\u{1F600}', '{') or a lifetime ('a, 'static).
            if text.startswith("\\", i + 1):
                end = text.find("'", i + 3)  # past the escaped char: '\'' is one literal
                end = n if end < 0 else end + 1
            elif i + 2 < n and text[i + 2] == "'":
                end = i + 3
            else:
                out.append(c)
                i += 1
                continue
            out.append(blank(text[i:end]))
            i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _ident_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "


def _item_end(code: str, start: int) -> int:
    """End (exclusive) of the item starting at `start`: its `;` or its closing brace."""
    depth = 0
    for k in range(start, len(code)):
        c = code[k]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            return k + 1
        elif c == "{" and depth == 0:
            braces = 0
            for j in range(k, len(code)):
                if code[j] == "{":
                    braces += 1
                elif code[j] == "}":
                    braces -= 1
                    if braces == 0:
                        return j + 1
            return len(code)
    return len(code)


CFG_TEST = re.compile(r"#\[\s*cfg\s*\(\s*test\s*\)\s*\]")
ATTRIBUTE = re.compile(r"\s*#\[[^\]]*\]")


def strip_test_items(code: str) -> str:
    """Blanks every item marked `#[cfg(test)]` (a `mod tests { ... }`, a helper fn, a use)."""
    chars = list(code)
    pos = 0
    while m := CFG_TEST.search(code, pos):
        start = m.end()
        # Further attributes (#[allow(...)]) may sit between the cfg and the item.
        while a := ATTRIBUTE.match(code, start):
            start = a.end()
        end = _item_end(code, start)
        _blank_span(chars, m.start(), end)
        pos = end
    return "".join(chars)


VISIBILITY = re.compile(r"\bpub\s*\(\s*(?:crate|super|self|in\s+[\w:\s]+?)\s*\)")


def blank_visibility(code: str) -> str:
    """`pub(super)`, `pub(in crate::a)`: not paths to anything."""
    return VISIBILITY.sub(lambda m: "pub" + " " * (len(m.group(0)) - 3), code)


def line_of(code: str, offset: int) -> int:
    return code.count("\n", 0, offset) + 1


# ---------------------------------------------------------------------------------------------
# Modules and their `use` declarations.


@dataclass
class Use:
    """One name a `use` binds: `target` is the path as written, `name` the bound name (None for
    a glob), `public` whether it is a re-export."""

    target: list[str]
    name: str | None
    public: bool
    line: int


@dataclass
class Module:
    path: tuple[str, ...]  # () is the crate root
    file: Path
    code: str = ""  # stripped source, use declarations blanked
    uses: list[Use] = field(default_factory=list)
    defined: set[str] = field(default_factory=set)
    # Filled in by the resolver: bound name -> absolute target path.
    bindings: dict[str, list[str]] = field(default_factory=dict)
    globs: list[list[str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return "::".join(self.path) if self.path else "crate"


def module_path(src: Path, file: Path) -> tuple[str, ...] | None:
    """The module a file is, or None for test-only files."""
    parts = file.relative_to(src).parts
    if "tests" in parts[:-1] or parts[-1] == "tests.rs":
        return None
    stem = parts[-1][: -len(".rs")]
    if len(parts) == 1 and stem in ("lib", "main"):
        return ()
    if stem == "mod":
        return tuple(parts[:-1])
    return tuple(parts[:-1]) + (stem,)


# `impl Store {` (not `impl Trait for Store`): its methods are part of Store's module.
INHERENT_IMPL = re.compile(
    r"(?m)^[ \t]*impl\s*(?:<[^>{]*>)?\s*(?P<type>(?:" + IDENT + r"\s*::\s*)*" + IDENT + r")\s*(?:<[^{;]*>)?"
    r"(?:\s+where\b[^{;]*)?\s*\{"
)
USE = re.compile(r"(?<![\w:$])(?P<pub>\bpub\s+)?\buse\s+")
DEFINITION = re.compile(
    r"(?m)^\s*(?:pub\s+)?(?:(?:async|const|unsafe|extern\s+\"C\")\s+)*"
    r"(?:fn|struct|enum|trait|type|const|static|union|mod|macro_rules!)\s+(" + IDENT + ")"
)


def parse_use_tree(text: str) -> list[tuple[list[str], str | None]]:
    """`crate::{a::b, c::{d, e as f}, self, *}` -> [(path, bound name or None for a glob)].

    `a::{self}` binds `a`; `x as _` imports without binding a name (bound name `_`)."""
    tokens = re.findall(r"::|[{},*]|" + IDENT, text)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def tree(prefix: list[str]) -> list[tuple[list[str], str | None]]:
        nonlocal pos
        path = list(prefix)
        while pos < len(tokens):
            tok = tokens[pos]
            pos += 1
            if tok == "::":
                continue
            if tok == "{":
                items = []
                while peek() not in (None, "}"):
                    if peek() == ",":
                        pos += 1
                    else:
                        items.extend(tree(path))
                pos += 1  # the closing brace
                return items
            if tok == "*":
                return [(path, None)]
            if peek() == "::":
                path.append(tok)
                continue
            leaf, bound = (path, path[-1] if path else None) if tok == "self" else (path + [tok], tok)
            if peek() == "as":
                pos += 1
                bound = peek()
                pos += 1
            return [(leaf, bound)] if bound else []
        return []

    out = []
    while pos < len(tokens):
        if tokens[pos] == ",":
            pos += 1
        else:
            out.extend(tree([]))
    return out


def parse_module(file: Path, path: tuple[str, ...]) -> Module:
    raw = file.read_text(encoding="utf-8")
    code = blank_visibility(strip_test_items(strip_comments_and_strings(raw)))
    module = Module(path=path, file=file)
    module.defined = set(DEFINITION.findall(code))
    chars = list(code)
    for m in USE.finditer(code):
        end = _item_end(code, m.end())
        body = code[m.end() : end].rstrip().rstrip(";")
        line = line_of(code, m.start())
        for target, name in parse_use_tree(body):
            module.uses.append(Use(target=target, name=name, public=bool(m.group("pub")), line=line))
        _blank_span(chars, m.start(), end)
    module.code = "".join(chars)
    return module


# ---------------------------------------------------------------------------------------------
# Resolution.


class Crate:
    def __init__(self, src: Path):
        self.src = src
        self.modules: dict[tuple[str, ...], Module] = {}
        for file in sorted(src.rglob("*.rs")):
            path = module_path(src, file)
            if path is not None:
                self.modules[path] = parse_module(file, path)
        # A use may start from a name an earlier use bound (`use crate::store; use store::Row;`).
        changed = True
        while changed:
            changed = False
            for module in self.modules.values():
                for use in module.uses:
                    absolute = self.absolute(module.path, use.target, module)
                    if absolute is None:
                        continue
                    if use.name is None:
                        if absolute not in module.globs:
                            module.globs.append(absolute)
                            changed = True
                    elif use.name != "_" and module.bindings.get(use.name) != absolute:
                        module.bindings[use.name] = absolute
                        changed = True

    def absolute(self, here: tuple[str, ...], path: list[str], module: Module):
        """The path from the crate root, or None when it leaves the crate (std, chrono, ...)."""
        if not path:
            return None
        head, rest = path[0], path[1:]
        if head == "crate":
            return list(rest)
        if head in ("self", "super"):
            base = list(here)
            while path and path[0] in ("self", "super"):
                if path[0] == "super":
                    if not base:
                        return None
                    base.pop()
                path = path[1:]
            return base + list(path)
        if tuple(here) + (head,) in self.modules:  # a child module named directly
            return list(here) + list(path)
        if head in module.bindings:
            return module.bindings[head] + list(rest)
        return None

    def resolve(self, path: list[str], seen: frozenset = frozenset()) -> tuple[str, ...]:
        """The module where the item `path` names is defined, through any aliases."""
        k = len(path)
        while k > 0 and tuple(path[:k]) not in self.modules:
            k -= 1
        owner = tuple(path[:k])
        rest = path[k:]
        if not rest:
            return owner
        module = self.modules[owner]
        name = rest[0]
        key = (owner, name)
        if name in module.bindings and name not in module.defined and key not in seen:
            return self.resolve(module.bindings[name] + rest[1:], seen | {key})
        if name in module.defined:
            return owner
        for glob in module.globs:
            key = (owner, "*", tuple(glob))
            if key in seen:
                continue
            target = self.resolve(glob, seen | {key})
            inner = self.modules.get(target)
            if inner and (name in inner.defined or name in inner.bindings or inner.globs):
                resolved = self.resolve(list(glob) + rest, seen | {key})
                if resolved != target or name in inner.defined:
                    return resolved
        return owner

    def edges(self):
        """{(from, to): [(file, line, path text), ...]} over non-test code."""
        found = defaultdict(list)

        def add(module: Module, absolute, line: int, text: str):
            if absolute is None:
                return
            target = self.resolve(absolute)
            if target != module.path:
                found[(module.path, target)].append((module.file, line, text))

        for module in self.modules.values():
            for use in module.uses:
                absolute = self.absolute(module.path, use.target, module)
                if absolute is None:
                    continue
                if use.public:
                    # A re-export is an alias, not an import, unless the module uses the name.
                    if use.name is None or not re.search(
                        r"(?<![\w:.])" + re.escape(use.name) + r"\b", module.code
                    ):
                        continue
                elif use.name is not None and tuple(absolute) in self.modules and use.target[-1] != "*":
                    # A module imported by name: its inline paths below say what is used.
                    if re.search(r"(?<![\w:])" + re.escape(use.name) + r"\s*::", module.code):
                        continue
                text = "use " + "::".join(use.target) + ("::*" if use.name is None else "")
                add(module, absolute, use.line, text)
            roots = set(KEYWORD_ROOTS) | {
                name for name, target in module.bindings.items() if tuple(target) in self.modules
            }
            roots |= {p[-1] for p in self.modules if p[:-1] == module.path and p}
            inline = re.compile(
                r"(?<![\w:$])(?:" + "|".join(sorted(map(re.escape, roots))) + r")(?:\s*::\s*" + IDENT + r")+"
            )
            for m in inline.finditer(module.code):
                segments = [s for s in re.split(r"\s*::\s*", m.group(0)) if s]
                absolute = self.absolute(module.path, segments, module)
                add(module, absolute, line_of(module.code, m.start()), m.group(0).replace(" ", ""))
            for m in INHERENT_IMPL.finditer(module.code):
                if re.search(r"\bfor\b", m.group(0)):  # `impl<T> Trait<T> for Type<T> {`
                    continue
                segments = [s for s in re.split(r"\s*::\s*", m.group("type")) if s]
                if len(segments) == 1 and segments[0] in module.defined:
                    continue
                absolute = self.absolute(module.path, segments, module)
                if absolute is None:
                    continue
                owner = self.resolve(absolute)
                if owner != module.path and module.path[: len(owner)] != owner:
                    line = line_of(module.code, m.start())
                    found[(owner, module.path)].append((module.file, line, f"impl {m.group('type')}"))
        return found


# ---------------------------------------------------------------------------------------------
# Circles.


def strongly_connected(nodes, graph):
    """Tarjan's algorithm, iterative; components in a stable order."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                result.append(sorted(component))
    return result


def shortest_path(graph, start, goal, allowed):
    previous, frontier = {start: None}, [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node]):
                if child in allowed and child not in previous:
                    previous[child] = node
                    following.append(child)
        if goal in previous:
            break
        frontier = following
    path, node = [], goal
    while node is not None:
        path.append(node)
        node = previous[node]
    return path[::-1]


def circles(graph, component):
    """One shortest circle through each edge of the component, without repeats."""
    members, seen, result = set(component), set(), []
    for a in component:
        for b in sorted(graph[a]):
            if b not in members:
                continue
            cycle = [a] + shortest_path(graph, b, a, members)  # a -> b -> ... -> a
            body = cycle[:-1]
            turn = body.index(min(body))
            canonical = tuple(body[turn:] + body[:turn])
            if canonical not in seen:
                seen.add(canonical)
                result.append(list(canonical) + [canonical[0]])
    return result


def main(argv):
    args = argv[1:]
    show_edges = "--edges" in args
    folders = "--folders" in args
    args = [a for a in args if a not in ("--edges", "--folders")]
    src = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "core" / "src"
    if not src.is_dir():
        sys.exit(f"cycles.py: no source folder {src}")
    crate = Crate(src)
    edges = crate.edges()
    if folders:
        collapsed = defaultdict(list)
        for (a, b), sites in edges.items():
            if a[:1] != b[:1]:
                collapsed[(a[:1], b[:1])].extend(sites)
        edges = collapsed
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    nodes = sorted({p[:1] for p in crate.modules} if folders else crate.modules)
    tangled = [c for c in strongly_connected(nodes, graph) if len(c) > 1]
    name = lambda p: "::".join(p) or "crate"  # noqa: E731
    cwd = Path.cwd().resolve()
    shown = lambda f: f.resolve().relative_to(cwd) if cwd in f.resolve().parents else f  # noqa: E731
    if show_edges:
        for (a, b), sites in sorted(edges.items()):
            for file, line, text in sites:
                print(f"edge {name(a)} -> {name(b)}: {shown(file)}:{line} {text}")
    if not tangled:
        print(f"import circles: none in {len(nodes)} modules, {len(edges)} imports between modules ({src})")
        return 0
    count = 0
    for component in tangled:
        print(f"modules importing each other: {', '.join(name(p) for p in component)}")
        for cycle in circles(graph, component):
            count += 1
            print("  circle: " + " -> ".join(name(p) for p in cycle))
            for a, b in zip(cycle, cycle[1:]):
                sites = edges[(a, b)]
                file, line, text = sites[0]
                more = f" (+{len(sites) - 1} more)" if len(sites) > 1 else ""
                print(f"    {name(a)} -> {name(b)}: {shown(file)}:{line} {text}{more}")
    print(f"import circles: {count} circle(s) in {len(tangled)} group(s) of modules; see above")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
