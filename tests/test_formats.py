"""
The registry of export formats (`aiforecasts._io.formats`): one list that `write`,
`load_path`, the ``Format`` type and ``aiforecasts export --format`` all agree
with, and every format in it written and read back whole.
"""

from __future__ import annotations

import argparse
import importlib.resources
import importlib.util
import typing
from pathlib import Path

import pytest

import aiforecasts
from aiforecasts._cli import main as _cli, parser as _parser
from aiforecasts._io import formats as _formats, write as _write
from aiforecasts._io.formats import (
    FORMATS,
    MANIFEST,
    NAMES,
    ExportFormat,
    FileFormat,
    FolderFormat,
    holding,
    named,
)

HAS_PYARROW = importlib.util.find_spec("pyarrow") is not None


def _needs(fmt: ExportFormat) -> None:
    if fmt.name == "parquet" and not HAS_PYARROW:
        pytest.skip("the parquet format needs the arrow extra")


def _destination(folder: Path, fmt: ExportFormat) -> Path:
    """Where an export of *fmt* goes: a file with its suffix, or a folder named after it."""
    return folder / (f"all{fmt.suffix}" if isinstance(fmt, FileFormat) else fmt.name)


def _named(fmt: ExportFormat) -> _write.Format:
    """*fmt*'s name, as the type checker sees it (the test below holds the two to agree)."""
    return typing.cast("_write.Format", fmt.name)


def test_the_format_type_names_the_registered_formats() -> None:
    assert typing.get_args(_write.Format) == NAMES
    assert _write.Format is _formats.Format
    assert len(set(NAMES)) == len(NAMES)
    assert _write.MANIFEST == MANIFEST


def test_the_command_line_offers_the_registered_formats() -> None:
    parser = _parser.build_parser()
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = commands.choices["export"]
    (option,) = (a for a in export._actions if "--format" in a.option_strings)
    assert tuple(option.choices or ()) == NAMES


def test_indent_is_refused_for_a_format_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The message names the formats that take an indent, as it always has."""
    assert _formats.INDENTED == ("json",)
    for name in NAMES:
        if name in _formats.INDENTED:
            continue
        status = _cli.main(["export", "--format", name, "--indent", "2", "--output", str(tmp_path)])
        assert status == 2
        assert capsys.readouterr().err.endswith("--indent applies to --format json\n")


def test_an_unknown_format_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"^format must be json, jsonl, csv, datapackage\b"):
        named("xml")
    known = f"{', '.join(NAMES[:-1])} or {NAMES[-1]}"
    with pytest.raises(ValueError, match=rf"^format must be {known}, not 'xml'$"):
        named("xml")
    with pytest.raises(ValueError, match=r", not \['json'\]$"):
        named(["json"])  # compared, never hashed
    assert all(named(name).name == name for name in NAMES)


@pytest.mark.parametrize("fmt", FORMATS, ids=NAMES)
def test_every_format_round_trips(
    fmt: ExportFormat, dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    _needs(fmt)
    written = aiforecasts.write(dataset, _destination(tmp_path, fmt), format=_named(fmt))
    assert holding(written) is fmt
    assert aiforecasts.load_path(written) == dataset


@pytest.mark.parametrize(
    "fmt", [f for f in FORMATS if isinstance(f, FolderFormat)], ids=lambda fmt: fmt.name
)
def test_a_folder_format_declares_every_file_it_writes(
    fmt: FolderFormat, dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    """What it declares is all an overwrite may replace: an undeclared file would be kept."""
    _needs(fmt)
    written = aiforecasts.write(dataset, tmp_path / fmt.name, format=_named(fmt))
    names = {path.name for path in written.iterdir()} - {MANIFEST}
    assert names <= fmt.files
    assert names <= _write._EXPORT_NAMES


def test_load_path_recognises_each_layout(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    by_name = {fmt.name: fmt for fmt in FORMATS}
    package = aiforecasts.write(dataset.sources, tmp_path / "package", format="datapackage")
    assert holding(package) is by_name["datapackage"]
    assert holding(package / "datapackage.json") is by_name["datapackage"]
    assert (
        aiforecasts.load_path(package / "datapackage.json", check_references=False).sources
        == dataset.sources
    )
    (package / "datapackage.json").unlink()  # the tables without their descriptor
    assert holding(package) is by_name["csv"]
    # A file is read by what it holds: JSON Lines under any name but .jsonl is the json
    # format's, whose reader reads both.
    lines = aiforecasts.write(dataset.sources, tmp_path / "sources.txt", format="jsonl")
    assert holding(lines) is by_name["json"]
    assert holding(tmp_path / "missing.jsonl") is by_name["jsonl"]
    assert aiforecasts.load_path(lines, check_references=False).sources == dataset.sources
    empty = tmp_path / "empty"
    empty.mkdir()
    assert holding(empty) is None
    with pytest.raises(aiforecasts.DataError, match="not a dataset folder"):
        aiforecasts.load_path(empty)
    # The bundled layout (manifest.json and a JSON file per kind) is no export format.
    bundled = Path(str(importlib.resources.files("aiforecasts") / "data"))
    assert holding(bundled) is None
    assert aiforecasts.load_path(bundled) == dataset
