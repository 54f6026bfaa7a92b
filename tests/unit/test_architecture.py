"""The shape of the code, read from the source with `ast`: the macros package has no import cycle,
no import hidden inside a function to dodge one, and the core (every module but the thin MkDocs
adapter) neither imports the site generator nor keeps mutable state at module level.

    .venv/bin/python -m pytest tests/unit/test_architecture.py -n 0 -q
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "macros"
ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / PACKAGE

ADAPTERS = frozenset({
    "macros.hooks",  # the MkDocs hook module: the one place that knows MkDocs' events
})
"""The only modules that may import MkDocs, mkdocs-macros or Material, or hold per-process state.
The mkdocs-macros entry (macros/__init__.py, macros/macro_functions.py) needs neither: it only
receives mkdocs-macros' `env` and reads the Build from `env.conf`."""

GENERATOR_PACKAGES = frozenset({"mkdocs", "mkdocs_macros", "material"})

IMMUTABLE_CALLS = frozenset({
    "frozenset", "tuple", "str", "int", "float", "bool", "bytes", "object", "Path", "MappingProxyType",
    "re.compile", "namedtuple", "TypeVar", "logging.getLogger", "Annotated", "Literal",
})
"""Calls whose result cannot be changed afterwards, allowed at module level."""

ALLOWED_MODULE_STATE = frozenset({
    ("macros.norsk", "_stemmer"),  # the Snowball stemmer: a pure function of its input, built once
})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(SOURCE.rglob("*.py"))}


def _package_of(name: str) -> str:
    return name if MODULES[name].name == "__init__.py" else name.rsplit(".", 1)[0]


def _resolve(importer: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The modules of this package that an import statement loads (its own targets, not parents)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name.split(".")[0] == PACKAGE]
    if node.level:
        base = _package_of(importer).split(".")
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != PACKAGE:
        return []
    found = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        found.append(sub if sub in MODULES else target)
    return found


def _imports(name: str) -> list[tuple[str, int, bool, str]]:
    """(imported module, line, inside a function, top-level package) for every import in `name`."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    out = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in _resolve(name, child):
                    out.append((target, child.lineno, in_function, PACKAGE))
                if isinstance(child, ast.Import):
                    roots = [alias.name.split(".")[0] for alias in child.names]
                else:
                    roots = [] if child.level else [(child.module or "").split(".")[0]]
                for root in roots:
                    if root != PACKAGE:
                        out.append((root, child.lineno, in_function, root))
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return out


def import_graph() -> dict[str, set[str]]:
    """module -> the modules of this package it imports, at module level or inside functions."""
    return {name: {t for t, _, _, top in _imports(name) if top == PACKAGE and t != name} for name in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as [a, b, ..., a], or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_package_has_modules_to_check():
    assert {"macros", "macros.content", "macros.hooks"} <= set(MODULES)


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_function_local_import_of_a_package_module():
    hidden = [f"{MODULES[name].relative_to(ROOT)}:{line}: imports {target} inside a function"
              for name in MODULES for target, line, in_function, top in _imports(name)
              if in_function and top == PACKAGE]
    assert hidden == []


def test_only_the_adapter_imports_the_site_generator():
    found = [f"{MODULES[name].relative_to(ROOT)}:{line}: imports {target}"
             for name in sorted(set(MODULES) - ADAPTERS) for target, line, _, top in _imports(name)
             if top in GENERATOR_PACKAGES]
    assert found == []


def _call_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_call_name(node.value)}.{node.attr}"
    return "?"


def mutable_module_state(name: str, source: str | None = None) -> list[tuple[str, int]]:
    """(name, line) of every module-level assignment of a mutable value in module `name`."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8") if source is None else source)
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and _call_name(value.func) not in IMMUTABLE_CALLS)
        for target in targets:
            label = target.id if isinstance(target, ast.Name) else ast.unparse(target)
            if mutable and (name, label) not in ALLOWED_MODULE_STATE and label != "__all__":
                found.append((label, node.lineno))
    return found




def test_no_mutable_module_state_in_the_core():
    found = [f"{MODULES[name].relative_to(ROOT)}:{line}: {label}"
             for name in sorted(set(MODULES) - ADAPTERS) for label, line in mutable_module_state(name)]
    assert found == []


def test_the_state_check_sees_mutable_values():
    sample = "import re\nA = {}\nB: list[int] = []\nC = dict(x=1)\nD = (1, 2)\nE = re.compile('x')\nF = {1, 2}\n"
    assert mutable_module_state("macros.content", sample) == [("A", 2), ("B", 3), ("C", 4), ("F", 7)]


def test_every_module_says_what_it_holds():
    missing = [str(path.relative_to(ROOT)) for name, path in MODULES.items()
               if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))]
    assert missing == []


if __name__ == "__main__":  # .venv/bin/python -m tests.test_architecture: the graph, and the cycle if there is one
    graph = import_graph()
    for module in sorted(graph):
        print(f"{module} -> {', '.join(sorted(graph[module])) or '(none)'}")
    found = find_cycle(graph)
    print("import cycle: " + " -> ".join(found) if found else "no import cycle")
