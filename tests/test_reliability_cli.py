"""
The command line at its doors (issue 23): a bounded ``--indent``, terminal output with every
control character escaped, ASCII-only streams, a full standard output, a damaged installed
copy, and every failure one line with exit status 2 rather than a traceback.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import aiforecasts
from aiforecasts._cli import commands as _commands
from aiforecasts._cli.main import main
from aiforecasts._cli.terminal import Terminal, one_line
from aiforecasts._model.limits import MAX_INDENT

if TYPE_CHECKING:
    from collections.abc import Sequence

CLI = [sys.executable, "-m", "aiforecasts"]
PACKAGE = Path(aiforecasts.__file__).parent

# What must never reach a terminal raw: C0 but the newline, DEL, C1, bidirectional controls,
# line and paragraph separators.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202eexe.txt\x7f\u2066"
"""Clears the screen, retitles the window, recolours (C1 CSI), reverses the text."""


def cli(
    *args: str | Path, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="strict",
        env={**os.environ, **(env or {})},
        check=False,
    )


def assert_safe(*texts: str) -> None:
    for text in texts:
        found = UNSAFE.findall(text)
        assert not found, (found, text[:500])


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit status 2 and one line on standard error (that says *words*), no traceback."""
    assert result.returncode == 2, (result.stdout[-500:], result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("aiforecasts")
    for word in words:
        assert word in result.stderr


def in_process(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """*argv* run by `main` in this process: the status (argparse's exit included), stdout
    and stderr."""
    try:
        status = main(argv)
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# M9: --indent is bounded -------------------------------------------------------------------


@pytest.mark.parametrize(
    "indent",
    ["1000000", str(10**30), "9" * 5000, "17", "-1", "two", ""],
    ids=["a million", "10**30", "5000 digits", "17", "-1", "two", "empty"],
)
def test_an_indent_out_of_bounds_is_a_usage_error(
    indent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    argv = ["export", "--format", "json", "--output", str(target), "--indent", indent]
    status, _out, err = in_process(argv, capsys)
    assert status == 2
    assert "argument --indent" in err
    assert len(err) < 1000  # a 5,000-digit argument is not echoed back whole
    assert not target.exists()


@pytest.mark.parametrize("indent", ["0", str(MAX_INDENT)])
def test_an_indent_within_bounds_is_written(
    indent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    argv = ["export", "--format", "json", "--output", str(target), "--indent", indent]
    assert in_process(argv, capsys)[0] == 0
    assert aiforecasts.load_path(target) == aiforecasts.load()


@pytest.mark.parametrize(
    "indent",
    [MAX_INDENT + 1, -1, 1_000_000, 10**30, 10**5000],
    ids=["17", "-1", "a million", "10**30", "10**5000"],
)
def test_the_library_refuses_an_indent_out_of_bounds(indent: int, tmp_path: Path) -> None:
    source = aiforecasts.load().sources[0]
    with pytest.raises(
        ValueError, match=f"indent must be a whole number of spaces from 0 to {MAX_INDENT}"
    ):
        aiforecasts.to_json(source, indent=indent)
    target = tmp_path / "out.json"
    with pytest.raises(ValueError, match="indent must be"):
        aiforecasts.write(source, target, indent=indent)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file either


@pytest.mark.parametrize("indent", ["2", 2.0, True])
def test_the_library_refuses_an_indent_of_another_type(indent: Any) -> None:
    with pytest.raises(TypeError, match="indent must be a whole number of spaces or None"):
        aiforecasts.to_json(aiforecasts.load().sources[0], indent=indent)


def test_the_library_writes_indents_within_bounds() -> None:
    source = aiforecasts.load().sources[0]
    assert (
        aiforecasts.to_json(source, indent=MAX_INDENT)
        .splitlines()[1]
        .startswith(" " * MAX_INDENT + '"')
    )
    compact = aiforecasts.to_json(source, indent=0)
    assert aiforecasts.loads(compact, check_references=False).sources[0] == source


# M10: control characters never reach a terminal ---------------------------------------------


def test_the_terminal_escapes_controls_and_keeps_its_own_newlines() -> None:
    stream = io.StringIO()
    Terminal(stream).write(f"a{HOSTILE}\tb\r\n")
    written = stream.getvalue()
    assert_safe(written)
    assert written.endswith("\\u000d\n")
    assert "\\u001b[2J" in written
    assert "\\u202eexe.txt" in written
    assert "\\u009b31m" in written
    assert "\\u0009b" in written  # a tab from data would break the columns
    assert one_line("two\nlines") == "two\\u000alines"


def test_escapes_keep_json_output_valid_and_equal() -> None:
    value = {"key": f"value{HOSTILE}😀\ud800", f"k{HOSTILE}": 1}
    text = json.dumps(value, ensure_ascii=False)
    for encoding in ("utf-8", "ascii", "latin-1"):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict")
        terminal = Terminal(stream)
        terminal.write(text)
        terminal.flush()
        written = raw.getvalue().decode(encoding)
        assert_safe(written)
        assert json.loads(written) == value


def _hostile_export(tmp_path: Path, name: str) -> Path:
    document = json.loads(aiforecasts.to_json(aiforecasts.load()))
    company = document["records"]["companies"][0]
    company[f"unknown{HOSTILE}"] = f"value{HOSTILE}"  # an unknown key, printed in its problem
    document["records"]["companies"][1]["kind"] = f"bank{HOSTILE}"  # a bad value
    document["records"]["predictions"][0]["hedge"] = f"maybe\n{HOSTILE}"  # a forged line
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["bad.json", f"bad{HOSTILE}\n.json"])
def test_validate_escapes_keys_values_and_paths(tmp_path: Path, name: str) -> None:
    path = _hostile_export(tmp_path, name)
    result = cli("validate", path)
    assert result.returncode == 1, result.stderr
    assert_safe(result.stdout, result.stderr)
    lines = result.stdout.splitlines()
    # One line a problem, each with its file and record: the newline in a value forged none.
    problems = [line for line in lines if "companies[" in line or "predictions[" in line]
    assert len(problems) == 3, lines
    company = aiforecasts.load().companies[0].id
    assert any(f"companies[0] ({company}): " in line for line in problems)
    assert lines[-1].startswith("3 problems in ")
    # --json is still JSON, and decodes to the very text of the file.
    problems_json = json.loads(cli("validate", path, "--json").stdout)
    assert any(HOSTILE in p["message"] for p in problems_json)
    assert {p["file"] for p in problems_json} == {str(path)}


def test_paths_and_arguments_in_errors_are_escaped(tmp_path: Path) -> None:
    missing = cli("validate", tmp_path / f"nothing{HOSTILE}\n.json")
    assert missing.returncode == 2
    assert_safe(missing.stderr)
    assert missing.stderr.count("\n") == 1
    for args in (["list", f"kind{HOSTILE}"], ["show", f"id{HOSTILE}"], ["search", HOSTILE]):
        result = cli(*args)
        assert result.returncode in (1, 2)
        assert_safe(result.stdout, result.stderr)


# A copy of the package on PYTHONPATH, its data changed ------------------------------------


def _copy_package(tmp_path: Path) -> Path:
    """A copy of the package under test in *tmp_path*, to damage; its data folder."""
    shutil.copytree(PACKAGE, tmp_path / "aiforecasts", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "aiforecasts" / "data"


def _copy_env(tmp_path: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(tmp_path)}


def _resum(data: Path) -> None:
    """Rewrite SHA256SUMS for the files as they now are (as ``sha256sum`` would)."""
    sums = data / "SHA256SUMS"
    names = [line.split(maxsplit=1)[1].strip() for line in sums.read_text("utf-8").splitlines()]
    sums.write_text(
        "".join(f"{hashlib.sha256((data / n).read_bytes()).hexdigest()}  {n}\n" for n in names),
        encoding="utf-8",
    )


def test_names_from_the_installed_data_are_escaped(tmp_path: Path) -> None:
    data = _copy_package(tmp_path)
    companies = json.loads((data / "companies.json").read_text("utf-8"))
    records = companies["records"] if isinstance(companies, dict) else companies
    record = next(r for r in records if r["id"] == "nvidia")
    record["name"] = f"Nvidia{HOSTILE}"
    record.setdefault("aliases", []).append(f"alias{HOSTILE}")
    (data / "companies.json").write_text(
        json.dumps(companies, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8"
    )
    _resum(data)
    env = _copy_env(tmp_path)
    for args in (
        ["show", "nvidia"],
        ["list", "companies"],
        ["list", "companies", "--json"],
        ["search", "Nvidia"],
        ["funding", "--by", "investor"],
    ):
        result = cli(*args, env=env)
        assert "Traceback" not in result.stderr
        assert_safe(result.stdout, result.stderr)
        # A name holding control characters is refused by the reader, in one line that
        # names the character rather than printing it.
        assert result.returncode == 2
        assert "U+001B" in result.stderr


def test_quotes_from_the_installed_data_are_escaped(tmp_path: Path) -> None:
    # A verbatim quote keeps what its document holds, control characters included: the
    # command line prints it escaped.
    data = _copy_package(tmp_path)
    companies = json.loads((data / "companies.json").read_text("utf-8"))
    records = companies["records"] if isinstance(companies, dict) else companies
    record = next(r for r in records if r["id"] == "nvidia")
    record["excerpts"][0]["display"] += HOSTILE
    (data / "companies.json").write_text(
        json.dumps(companies, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8"
    )
    _resum(data)
    result = cli("show", "nvidia", env=_copy_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert_safe(result.stdout, result.stderr)
    assert "\\u001b[2J" in result.stdout


@pytest.mark.parametrize(
    "damage",
    ["missing file", "missing manifest", "no data folder", "truncated", "folder for a file"],
)
@pytest.mark.parametrize("command", [[], ["stats"], ["show", "nvidia"], ["list", "people"]])
def test_a_damaged_installed_copy_is_one_line(
    tmp_path: Path, damage: str, command: list[str]
) -> None:
    data = _copy_package(tmp_path)
    if damage == "missing file":
        (data / "people.json").unlink()
    elif damage == "missing manifest":
        (data / "manifest.json").unlink()
    elif damage == "no data folder":
        shutil.rmtree(data)
    elif damage == "truncated":
        (data / "people.json").write_text('{"records": [', encoding="utf-8")
    else:
        (data / "people.json").unlink()
        (data / "people.json").mkdir()
    result = cli(*command, env=_copy_env(tmp_path))
    assert_one_line_error(result)


def test_export_from_a_damaged_copy_is_no_write_error(tmp_path: Path) -> None:
    data = _copy_package(tmp_path)
    (data / "people.json").unlink()
    target = tmp_path / "out.json"
    result = cli("export", "--format", "json", "--output", target, env=_copy_env(tmp_path))
    assert_one_line_error(result, "people.json")
    assert "cannot write" not in result.stderr
    assert not target.exists()


# M12: ASCII-only streams ---------------------------------------------------------------------

ASCII_ENVIRONMENTS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C": {
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONIOENCODING": "",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
    },
}


@pytest.mark.parametrize("environment", list(ASCII_ENVIRONMENTS))
@pytest.mark.parametrize(
    "command",
    [
        [],
        ["--help"],
        ["show", "nvidia"],
        ["show", "英偉達"],
        ["search", "英伟达"],
        ["list", "predictions", "--company", "英偉達"],
        ["funding"],
        ["show", "no-such-record-英"],
    ],
)
def test_ascii_only_streams(environment: str, command: list[str]) -> None:
    env = ASCII_ENVIRONMENTS[environment]
    result = subprocess.run(
        [*CLI, *command], capture_output=True, env={**os.environ, **env}, check=False
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1, 2), result.stderr  # 1: no hits for an undecodable word
    assert result.stdout.isascii()
    assert result.stderr.isascii()
    if command[:1] == ["show"] and result.returncode == 0:
        assert b"\\u82f1" in result.stdout  # 英, escaped rather than lost


def test_json_on_an_ascii_stream_is_the_same_json() -> None:
    args = ["list", "companies", "--json"]
    plain = json.loads(cli(*args).stdout)
    ascii_ = cli(*args, env={"PYTHONIOENCODING": "ascii"})
    assert ascii_.stdout.isascii()
    assert json.loads(ascii_.stdout) == plain


# A full standard output ---------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ["list", "predictions"],
        ["list", "predictions", "--json"],
        ["show", "nvidia"],
        ["--help"],
        [],
    ],
)
def test_a_full_stdout_is_one_line(command: list[str]) -> None:
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        result = cli(*command, stdout=full)
    assert_one_line_error(result, "cannot write the output", "No space left on device")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_stdout_and_stderr_is_status_2() -> None:
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        result = subprocess.run(
            [*CLI, "list", "predictions"], stdout=full, stderr=full, check=False
        )
    assert result.returncode == 2


# Every other failure: one line, status 2 -----------------------------------------------------


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            aiforecasts.DataError([aiforecasts.Problem("people[0]", f"bad{HOSTILE}\nx", "f")]),
            ["the dataset cannot be read", "people[0]"],
        ),
        (FileNotFoundError(2, "No such file or directory", "/x/people.json"), ["/x/people.json"]),
        (PermissionError(13, "Permission denied"), ["Permission denied"]),
        (RuntimeError("boom\nagain"), ["unexpected RuntimeError: boom", "report"]),
        (RecursionError("maximum recursion depth exceeded"), ["unexpected RecursionError"]),
    ],
)
@pytest.mark.parametrize("command", [["stats"], ["show", "nvidia"], ["export", "--format", "json"]])
def test_failures_are_one_line(  # noqa: PLR0917 - parameters and fixtures
    error: Exception,
    words: list[str],
    command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    def fail() -> None:
        raise error

    monkeypatch.setattr(aiforecasts, "load", fail)
    if command[0] == "export":
        command = [*command, "--output", str(tmp_path / "out.json")]
    status, _out, err = in_process(command, capsys)
    assert status == 2
    assert err.count("\n") == 1, err
    assert err.startswith(f"aiforecasts {command[0]}: ")
    assert_safe(err)
    for word in words:
        assert word in err


def test_an_export_the_layout_cannot_hold_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        msg = "predictions[0] lacks a voice"
        raise ValueError(msg)

    monkeypatch.setattr(aiforecasts, "write", refuse)
    argv = ["export", "--format", "json", "--output", str(tmp_path / "out.json")]
    status, _out, err = in_process(argv, capsys)
    assert (status, err) == (2, "aiforecasts export: predictions[0] lacks a voice\n")


def test_the_streams_are_restored(capsys: pytest.CaptureFixture[str]) -> None:
    before = sys.stdout, sys.stderr
    assert main(["stats"]) == 0
    with pytest.raises(SystemExit):
        main(["list", "nothing"])
    assert (sys.stdout, sys.stderr) == before
    capsys.readouterr()


@pytest.mark.parametrize("argv", ["stats", b"stats", ["stats", 1], [Path("stats")], 42])
def test_main_refuses_arguments_of_the_wrong_type(argv: Any) -> None:
    with pytest.raises(TypeError, match="argv must be a list of strings"):
        main(argv)


@pytest.mark.parametrize("option", ["--limit", "--year"])
def test_numbers_must_be_whole_numbers(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    for number in ("x", "1.5", "9" * 5000):
        status, _out, err = in_process(["list", "predictions", option, number], capsys)
        assert status == 2
        assert "not a whole number" in err
        assert len(err) < 1000  # 5,000 digits are not echoed back


def test_an_overlong_name_has_no_close_matches() -> None:
    assert _commands.close_matches("nvidia" * 100, ["nvidia"]) == []
    assert _commands.close_matches("nvida", ["nvidia"]) == ["nvidia"]


def test_an_unknown_long_name_is_not_echoed_whole() -> None:
    result = cli("show", "a" * 100_000)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stdout + result.stderr) < 1_000
