from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import re
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import attrs
import pytest

import aiforecasts
from aiforecasts._model.kinds import KINDS


def test_version_is_the_installed_metadata() -> None:
    assert aiforecasts.__version__ == metadata.version("aiforecasts")


def test_unknown_attribute() -> None:
    try:
        aiforecasts.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError


def test_ships_py_typed_and_data() -> None:
    package = resources.files("aiforecasts")
    assert (package / "py.typed").is_file()
    assert (package / "data" / "manifest.json").is_file()


def test_all_is_sorted_and_complete() -> None:
    names = aiforecasts.__all__
    assert len(names) == len(set(names))  # the order itself is ruff's RUF022
    for name in names:
        assert getattr(aiforecasts, name) is not None
    public = {n for n in dir(aiforecasts) if not n.startswith("_")} - {"annotations"}
    modules = {n for n in public if type(getattr(aiforecasts, n)).__name__ == "module"}
    assert public - modules == set(names)


def test_every_public_name_has_a_docstring() -> None:
    for name in aiforecasts.__all__:
        obj = getattr(aiforecasts, name)
        if callable(obj) and not isinstance(obj, str):
            assert (obj.__doc__ or "").strip(), name


def test_import_is_lazy() -> None:
    """`import aiforecasts` imports no submodule and parses nothing."""
    code = (
        "import sys, json, aiforecasts;"
        "names = (m for m in sys.modules if m.startswith(('aiforecasts', 'cattrs')));"
        "print(json.dumps(sorted(names)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert json.loads(out) == ["aiforecasts"]


def test_a_first_typed_lookup_imports_only_what_it_needs() -> None:
    """Loading and looking up a name as written needs no OpenCC, cattrs, search, scoring,
    exports or command line, and a company no dates (pendulum) nor the checks that the
    bundled files passed when they were written: they are imported when used."""
    code = (
        "import sys, json, aiforecasts;"
        "aiforecasts.load().companies.lookup('英偉達');"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    loaded = set(json.loads(out))
    unwanted = {
        "opencc",
        "cattrs",
        "aiforecasts._codec.detailed",
        "aiforecasts._query.search",
        "aiforecasts._query.matching",
        "aiforecasts._query.snippets",
        "aiforecasts._query.scores",
        "aiforecasts._query.tallies",
        "aiforecasts._io.export",
        "aiforecasts._io.columns",
        "aiforecasts._io.csv_write",
        "aiforecasts._io.csv_read",
        "aiforecasts._io.frames",
        "aiforecasts._io.frictionless",
        "aiforecasts._io.card",
        "aiforecasts._cli.main",
        "aiforecasts._cli.commands",
        "aiforecasts._cli.parser",
        "aiforecasts._cli.terminal",
        "aiforecasts._model.integrity",
        "aiforecasts._query.funding",
        "pendulum",
        "pathlib",
    }
    assert loaded & unwanted == set()
    assert "aiforecasts._io.load" in loaded  # the test sees what was imported


def test_names_resolve_to_their_modules() -> None:
    for name, module in aiforecasts._LAZY.items():
        assert getattr(importlib.import_module(module), name) is getattr(aiforecasts, name)
    assert aiforecasts.__all__ == sorted(aiforecasts._LAZY)


def test_type_checkers_see_the_names_the_table_gives() -> None:
    """The imports for type checkers in ``__init__.py`` (each ``X as X``, an explicit
    re-export) name exactly the public names of `_LAZY`, each from its module."""
    tree = ast.parse(Path(aiforecasts.__file__).read_text(encoding="utf-8"))
    block = next(
        n for n in tree.body if isinstance(n, ast.If) and n.body[0].__class__ is ast.ImportFrom
    )
    seen: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            assert alias.asname == alias.name, alias.name
            seen[alias.name] = f"{node.module}"
    assert seen == aiforecasts._LAZY


def test_load_reads_data_only_when_called() -> None:
    code = (
        "import aiforecasts, aiforecasts._io.load as l;"
        "assert aiforecasts.Prediction and l._bundled is None;"
        "aiforecasts.load(); assert l._bundled is not None"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_module_entry_point_shows_the_dataset() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "aiforecasts"], check=True, capture_output=True, text=True
    ).stdout
    dataset = aiforecasts.load()
    assert f"aiforecasts dataset {dataset.dataset_version}" in out
    for name, count in dataset.counts().items():
        assert f"{name}" in out
        assert str(count) in out
        if count:
            assert f"--- {name}[0] ---" in out


def test_module_entry_point_survives_a_closed_pipe() -> None:
    """`python -m aiforecasts | head -1` ends without a traceback."""
    with subprocess.Popen(
        [sys.executable, "-m", "aiforecasts"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait()
    assert b"Traceback" not in stderr, stderr.decode()


def test_api_reference_documents_every_public_name() -> None:
    """docs/api.rst is hand-written: it must still name everything in __all__."""
    api = Path(__file__).resolve().parents[1] / "docs" / "api.rst"
    if not api.exists():  # the tests also run against the installed wheel, without docs/
        pytest.skip("docs/ is not here")
    # Autodoc directives, and `data` for a constant described by hand (autodoc would show the
    # docstring of its type).
    directive = re.compile(
        r"^\.\. (?:auto(?:class|function|data|exception)|data):: (\w+)", re.MULTILINE
    )
    documented = set(directive.findall(api.read_text("utf-8")))
    assert documented == set(aiforecasts.__all__)


def test_every_example_says_what_it_shows() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    if not examples.exists():
        pytest.skip("examples/ is not here")
    scripts = sorted(examples.glob("*.py"))
    assert len(scripts) >= 6
    for script in scripts:
        assert ast.get_docstring(ast.parse(script.read_text("utf-8"))), script.name


# The layers, from the bottom up: the package's subpackages, as docs/architecture.md
# draws them.  A module imports only modules of its own layer or of the layers below.
LAYERS = ("_model", "_codec", "_query", "_io", "_tools", "_cli")
PACKAGE = Path(aiforecasts.__file__).parent


def _modules() -> dict[str, Path]:
    """Every private module, by dotted name below the package (``_io.formats.json``; a
    subpackage's ``__init__`` by the subpackage's name)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0].startswith("_") and parts[0] not in ("__init__", "__main__"):
            found[".".join(parts).removesuffix(".__init__")] = path
    return found


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's private modules *path* imports, at run time or for type checkers
    (a name imported from a package may be its module: ``from aiforecasts._io import load``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("aiforecasts"):
            module = (node.module or "").removeprefix("aiforecasts").removeprefix(".")
            for alias in node.names:
                name = f"{module}.{alias.name}".removeprefix(".")
                found.add(name if name in modules else module)
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix("aiforecasts.")
                for alias in node.names
                if alias.name.startswith("aiforecasts.")
            )
    return found - {""}


def test_the_top_level_shows_the_layers() -> None:
    """At most 12 entries at the top (modules and subpackages): the public facade, the
    entry point and one subpackage per layer; docs/architecture.md names every module."""
    entries = {
        p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()
    }
    assert entries == {"__init__.py", "__main__.py", *LAYERS}
    assert len(entries) <= 12
    text = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"
    if not text.exists():  # the tests also run against the installed wheel, without docs/
        return
    doc = text.read_text(encoding="utf-8")
    for module in _modules():
        assert f"`{module}`" in doc, f"docs/architecture.md does not name {module}"
    headings = [doc.index(f"### `{layer}`") for layer in LAYERS]
    assert headings == sorted(headings), "docs/architecture.md draws the layers in order"


def test_modules_import_only_downwards() -> None:
    """Each module imports only modules of its own layer or of the layers below, and the
    modules' imports have no cycle."""
    modules = _modules()
    graph = {name: _imports(path, set(modules)) for name, path in modules.items()}
    for name, imported in graph.items():
        layer = LAYERS.index(name.split(".")[0])
        for other in imported:
            assert other in modules, f"{name} imports {other}, which is not a module"
            assert LAYERS.index(other.split(".")[0]) <= layer, f"{name} imports {other}: upwards"
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"an import cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for other in graph[name]:
            visit(other, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_catalog_rows_are_linkable_and_literal(dataset: aiforecasts.Dataset) -> None:
    """Every catalog row is an anchor (catalog/<kind>.html#<id>); text that reads like a list
    start ("1. Nvidia 将…") stays text; a resolution links its prediction."""
    path = Path(__file__).resolve().parents[1] / "docs" / "_ext" / "catalog.py"
    if not path.exists():  # the tests also run against the installed wheel, without docs/
        pytest.skip("docs/ is not here")
    spec = importlib.util.spec_from_file_location("catalog", path)
    assert spec is not None
    assert spec.loader is not None
    catalog = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalog)
    kinds = {kind.name: kind for kind in KINDS}
    page = catalog._page(kinds["predictions"], dataset)
    for prediction in dataset.predictions:
        assert f"   * - _`{prediction.id}`" in page
    assert "     - \\1. Nvidia 将尝试推出 GPU 云服务" in page
    resolutions = catalog._page(kinds["resolutions"], dataset)
    assert "<predictions.html#nvidia-gpu-cloud-2024>`__" in resolutions
    # A kind with no records yet gets a page without a table (a table needs a row).
    empty = catalog._page(kinds["resolutions"], attrs.evolve(dataset, resolutions=[]))
    assert "0 records" in empty
    assert "list-table" not in empty


def test_the_limits_page_gives_the_limits_the_code_keeps() -> None:
    from aiforecasts._model import (  # noqa: PLC0415 - this test's subject
        errors as _errors,
        limits as _limits,
    )

    page = Path(__file__).resolve().parents[1] / "docs" / "limits.md"
    if not page.exists():
        pytest.skip("docs/ is not here")
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", page.read_text("utf-8"), re.MULTILINE)
    units = {"GiB": 1 << 30, "MiB": 1 << 20}
    documented = {}
    for name, text in rows:
        number, _, unit = text.strip().partition(" ")
        documented[name] = int(number.replace(",", "")) * units.get(unit, 1)
    kept = {name: getattr(_limits, name) for name in _limits.__all__}
    kept["PROBLEM_LIMIT"] = _errors.PROBLEM_LIMIT
    assert documented == kept
