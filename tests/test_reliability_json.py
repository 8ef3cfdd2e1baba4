"""The JSON and JSON Lines findings of issue 23's trial, kept as tests: one per finding."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import aiforecasts
from aiforecasts import DataError
from aiforecasts._io import load as _load
from aiforecasts._io.loads import read_export
from aiforecasts._model.kinds import KINDS
from aiforecasts._model.limits import MAX_DEPTH, MAX_ITEMS, RECORD_PROBLEM_LIMIT

BUNDLED = Path(aiforecasts.__file__).parent / "data"


@pytest.fixture(scope="module")
def export() -> dict[str, Any]:
    value: dict[str, Any] = json.loads(aiforecasts.to_json(aiforecasts.load()))
    return value


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return aiforecasts.to_jsonl(aiforecasts.load()).splitlines()


def _nest(depth: int) -> str:
    return "[" * depth + "]" * depth


def _problems(data: str | bytes | Path, **options: Any) -> list[str]:
    read = aiforecasts.load_path if isinstance(data, Path) else aiforecasts.loads
    with pytest.raises(DataError) as info:
        read(data, **options)  # type: ignore[arg-type]
    return [str(problem) for problem in info.value.problems]


# M1 nesting -----------------------------------------------------------------------

DEPTHS = [MAX_DEPTH + 1, 1_000, 100_000]


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_nesting_in_a_json_record_is_refused_with_its_path(
    export: dict[str, Any], depth: int
) -> None:
    document = json.loads(json.dumps(export))
    document["records"]["companies"][0]["aliases"] = ["HERE"]
    text = json.dumps(document).replace('"HERE"', _nest(depth), 1)
    (found,) = _problems(text)
    assert "records.companies[0].aliases[0][0]" in found
    assert f"nested deeper than {MAX_DEPTH} levels" in found


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_nesting_in_a_json_lines_line_is_refused_with_its_line(
    lines: list[str], depth: int
) -> None:
    changed = list(lines)
    changed[2] = changed[2].replace('"record":{', '"record":{"x":' + _nest(depth) + ",", 1)
    found = _problems("\n".join(changed))
    assert any(p.startswith("export: line 3.record.x[0]") and "nested deeper" in p for p in found)
    changed[0] = _nest(depth)  # the first line too: still read as JSON Lines
    found = _problems("\n".join(changed))
    assert any(p.startswith("export: line 1[0]") and "nested deeper" in p for p in found)


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_nesting_in_a_dataset_folder_is_refused_with_its_file(
    tmp_path: Path, depth: int
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    people = folder / "people.json"
    text = people.read_text(encoding="utf-8")
    at = text.index("[", text.index('"records"'))
    people.write_text(text[: at + 1] + _nest(depth) + "," + text[at + 1 :], encoding="utf-8")
    found = _problems(folder)
    assert any("people.json: records[0][0]" in p and "nested deeper" in p for p in found)
    (folder / "manifest.json").write_text(_nest(depth), encoding="utf-8")
    found = _problems(folder)
    assert any("manifest.json: [0][0]" in p for p in found)


def test_depth_is_exact_and_strings_do_not_count() -> None:
    from aiforecasts._codec.reading import too_deep  # noqa: PLC0415

    assert too_deep(_nest(MAX_DEPTH).encode()) is None
    assert too_deep(_nest(MAX_DEPTH + 1).encode()) is not None
    # Brackets in strings are text, escaped quotes too; a string of closers hides nothing.
    text = "[" + '"]]]\\"[[", ' * 3 + _nest(MAX_DEPTH - 1) + "]"
    assert json.loads(text)[0] == ']]]"[['
    assert too_deep(text.encode()) is None
    hidden = '[" ]"' * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert too_deep(hidden.encode()) is not None


# M2 a million items in one record ---------------------------------------------------


@pytest.mark.parametrize("item", ["{}", '"alias"'])
def test_a_million_items_in_one_list_give_one_prompt_problem(
    export: dict[str, Any], tmp_path: Path, item: str
) -> None:
    """Before: 133 s and 1.7 GB for the `{}` case (the trial: 112 s, 7.9 GB); the list is
    now refused at its length, by both engines."""
    document = json.loads(json.dumps(export))
    document["records"]["companies"][0]["aliases"] = ["HERE"]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document).replace('"HERE"', ",".join([item] * 1_000_000), 1))
    found = _problems(path)
    assert found == [
        f"{path}: companies[0].aliases (nvidia): 1,000,000 items: at most 10,000 are read"
    ]


def test_a_list_at_the_limit_is_read_and_one_past_it_refused(export: dict[str, Any]) -> None:
    for engine in ("fast", "detailed"):
        document = json.loads(json.dumps(export))
        document["records"]["companies"][0]["aliases"] = [f"a{i}" for i in range(MAX_ITEMS + 1)]
        with pytest.raises(DataError, match=r"10,001 items|length <= 10000"):
            read_export(json.dumps(document), check_references=True, engine=engine)


def test_problems_of_one_record_are_bounded(export: dict[str, Any]) -> None:
    document = json.loads(json.dumps(export))
    document["records"]["companies"][0]["aliases"] = [1] * 5_000
    with pytest.raises(DataError) as info:
        aiforecasts.loads(json.dumps(document))
    listed = [p for p in info.value.problems if p.record == "nvidia"]
    assert len(listed) == RECORD_PROBLEM_LIMIT
    assert info.value.more == 1  # the line that says the rest of the list went unread


# minor: damaged installed copy, argument types, repeated keys -------------------------


def test_a_missing_bundled_file_is_a_data_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def opener(name: str, _mode: str = "r") -> Any:
        raise FileNotFoundError(2, "No such file or directory", name)

    monkeypatch.setattr(_load, "open", opener, raising=False)  # the module's own open
    with pytest.raises(DataError, match=r"manifest.json: \$: the bundled data file cannot be read"):
        _load._package_files(["manifest.json", "SHA256SUMS"])


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="not int"):
        aiforecasts.loads(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not NoneType"):
        aiforecasts.load_path(None)  # type: ignore[arg-type]


def test_a_repeated_envelope_key_is_refused() -> None:
    text = aiforecasts.to_json(aiforecasts.load()).rstrip()
    assert text.endswith("}")
    found = _problems(text[:-1] + ',"records":{}}')
    assert found == ["export: $: the key 'records' is given twice in one object (refused)"]


# minor: SHA256SUMS rewritten to match tampered data ------------------------------------


def _tampered(change: Any) -> dict[str, bytes]:
    """The bundled files with *change* made to their JSON (kind name → file value), and
    ``SHA256SUMS`` rewritten to match, as ``sha256sum`` would."""
    names = ["manifest.json", *(f"{kind.name}.json" for kind in KINDS)]
    blobs = {name: (BUNDLED / name).read_bytes() for name in names}
    files = {name[:-5]: json.loads(blobs[name]) for name in names[1:]}
    change(files)
    for name, value in files.items():
        blobs[f"{name}.json"] = json.dumps(value, ensure_ascii=False).encode()
    blobs[_load.SUMS] = _load.sums(blobs).encode()
    return blobs


def _first_use_problems(blobs: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the bundled data of *blobs* gives when loaded and exported (as the CLI would)."""
    monkeypatch.setattr(_load, "_bundled", None)
    monkeypatch.setattr(_load, "_package_files", lambda names: [blobs[n] for n in names])
    with pytest.raises(DataError) as info:
        aiforecasts.to_json(aiforecasts.load())
    return [str(problem) for problem in info.value.problems]


def test_rewritten_sums_do_not_let_a_dangling_reference_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def dangle(files: dict[str, Any]) -> None:
        files["companies"]["records"][1]["parent"] = "no-such-company"

    found = _first_use_problems(_tampered(dangle), monkeypatch)
    assert any(
        "companies.json: companies[1].parent" in p and "unknown id 'no-such-company'" in p
        for p in found
    ), found


def test_rewritten_sums_do_not_let_a_duplicate_id_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def duplicate(files: dict[str, Any]) -> None:
        files["people"]["records"][0]["id"] = files["companies"]["records"][0]["id"]

    found = _first_use_problems(_tampered(duplicate), monkeypatch)
    assert any("people[0].id" in p and "duplicate id 'nvidia'" in p for p in found), found


def test_rewritten_sums_do_not_let_a_parent_cycle_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def cycle(files: dict[str, Any]) -> None:
        companies = files["companies"]["records"]
        companies[0]["parent"], companies[1]["parent"] = companies[1]["id"], companies[0]["id"]

    found = _first_use_problems(_tampered(cycle), monkeypatch)
    assert any("a cycle of parents" in p for p in found), found


def test_the_released_bundled_data_stays_deferred(monkeypatch: pytest.MonkeyPatch) -> None:
    """The outline check vouches for the data as released (else every first use would read
    every file in full), and load() decodes no kind."""
    files = {f"{kind.name}.json": (BUNDLED / f"{kind.name}.json").read_bytes() for kind in KINDS}
    vouched = _load._Vouched(files)
    assert all(vouched._holds(kind) for kind in KINDS)
    monkeypatch.setattr(_load, "_bundled", None)
    dataset = aiforecasts.load()
    stores = [getattr(dataset, kind.name)._store for kind in KINDS]
    assert not any(store.decoded for store in stores)
    assert len(dataset.companies) > 0


# minor: an integer of more than 4,300 digits ------------------------------------------


@pytest.mark.parametrize("layout", ["json", "jsonl"])
def test_an_integer_too_long_for_python_is_one_problem_at_its_path(layout: str) -> None:
    """Python refuses to convert an integer of more than 4,300 digits (``int`` of the text):
    before, the detailed engine gave up on the whole kind there, and the integrity check
    then found 178 'unknown id's in what it had not read."""
    dataset = aiforecasts.load()
    text = aiforecasts.to_json(dataset) if layout == "json" else aiforecasts.to_jsonl(dataset)
    start = text.index('"start":') + len('"start":')
    digits = len(text[start:]) - len(text[start:].lstrip(" 0123456789"))
    changed = text[:start] + "9" * 5_000 + text[start + digits :]
    found = _problems(changed)
    assert len(found) == 1, found
    assert ".excerpts[0].start" in found[0]
    assert "an integer of 5,000 digits" in found[0]


def test_a_long_integer_in_the_envelope_is_named_too(export: dict[str, Any]) -> None:
    current = f'"schema_version": {aiforecasts.SCHEMA_VERSION}'
    text = json.dumps(export).replace(current, '"schema_version": ' + "7" * 5_000)
    found = _problems(text)
    assert found == ["export: schema_version: expected an integer, not an integer of 5,000 digits"]


def test_an_array_not_json_partway_leaves_no_partial_kind_to_check() -> None:
    """The detailed engine reads an array item by item; where the text stops being JSON, the
    items before are not the kind's records (the integrity check would call every reference
    to those after unknown): the kind counts as not read."""
    from aiforecasts._codec import json as _codec  # noqa: PLC0415

    company = aiforecasts.to_json(aiforecasts.load().companies[:1])
    item = json.dumps(json.loads(company)["records"]["companies"][0])
    problems: list[Any] = []
    raw = f"[{item}, {{]".encode()
    read = _codec.decode_many(
        aiforecasts.Company, raw, where="companies", file="f", problems=problems
    )
    assert read is None
    assert [p.path for p in problems] == ["companies"]


# minor: a key given twice, anywhere ---------------------------------------------------


def _twice(text: str, key: str, value: str) -> str:
    """*text* with the first ``"key":`` given again before itself, with *value*."""
    at = text.index(f'"{key}":')
    return text[:at] + f'"{key}":{value},' + text[at:]


@pytest.mark.parametrize(
    ("key", "value", "where"),
    [
        ("name", '"Other"', "companies[0]"),  # every copy valid: the last used to win
        ("start", "0", "companies[0].excerpts[0]"),  # in a nested object
        ("companies", "[]", "records"),  # a kind given twice
        ("schema_version", "6", "$"),
    ],
)
def test_a_key_given_twice_in_a_json_export_is_refused_at_its_object(
    key: str, value: str, where: str
) -> None:
    text = aiforecasts.to_json(aiforecasts.load())
    start = 0 if key in ("companies", "schema_version") else text.index('"companies":')
    found = _problems(text[:start] + _twice(text[start:], key, value))
    assert found == [f"export: {where}: the key {key!r} is given twice in one object (refused)"]


def test_a_key_given_twice_in_a_json_lines_line_is_refused(lines: list[str]) -> None:
    for key, value in (("kind", '"companies"'), ("name", '"Other"')):
        changed = list(lines)
        number = next(i for i, line in enumerate(changed) if '"kind":"companies"' in line)
        changed[number] = _twice(changed[number], key, value)
        found = _problems("\n".join(changed))
        assert len(found) == 1, found
        assert found[0].startswith(f"export: line {number + 1}")
        assert f"the key {key!r} is given twice" in found[0]


def test_a_key_given_twice_in_a_dataset_folder_is_refused(tmp_path: Path) -> None:
    for key, value in (("kind", '"people"'), ("name", '"Other"')):
        folder = tmp_path / key
        shutil.copytree(BUNDLED, folder)
        (folder / _load.SUMS).unlink()
        people = folder / "people.json"
        people.write_text(_twice(people.read_text("utf-8"), key, value), encoding="utf-8")
        found = _problems(folder)
        assert len(found) == 1, found
        assert "people.json" in found[0]
        assert f"the key {key!r} is given twice" in found[0]


def test_a_key_given_twice_in_an_older_schema_is_refused(export: dict[str, Any]) -> None:
    document = json.loads(json.dumps(export))
    document["schema_version"] = 5
    text = _twice(json.dumps(document), "name", '"Other"')
    found = _problems(text)
    assert any("the key 'name' is given twice" in p for p in found), found


# minor: JSON Lines memory ---------------------------------------------------------------


def test_json_lines_are_not_all_held_at_once() -> None:
    """Reading JSON Lines held a copy of every line beside the text and the records (peak
    0.91 of the JSON export's on the bundled data, 457 MB against 348 MB for 100,000
    records); one line at a time, it needs less than the JSON export (0.71)."""
    import tracemalloc  # noqa: PLC0415

    dataset = aiforecasts.load()
    texts = [aiforecasts.to_json(dataset).encode(), aiforecasts.to_jsonl(dataset).encode()]
    peaks = []
    for text in texts:
        aiforecasts.loads(text)  # decoders built, caches filled
        tracemalloc.start()
        try:
            aiforecasts.loads(text)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < 0.8 * peaks[0], peaks


# minor: schema-version claims -----------------------------------------------------------


def test_records_of_a_kind_newer_than_the_claimed_schema_are_refused(
    export: dict[str, Any], lines: list[str]
) -> None:
    document = json.loads(json.dumps(export))
    document["schema_version"] = 4  # resolutions came with schema 5
    found = _problems(json.dumps(document))
    assert found == [
        (
            "export: resolutions: resolutions came with schema 5: a file of schema 4 holds none "
            "(its schema_version is wrong, or the records are not its own)"
        )
    ]
    number = next(i for i, line in enumerate(lines) if '"kind":"resolutions"' in line)
    current = f'"schema_version":{aiforecasts.SCHEMA_VERSION}'
    changed = [line.replace(current, '"schema_version":4') for line in lines]
    found = _problems("\n".join(changed))
    assert f"export: line {number + 1}.record: resolutions came with schema 5" in found[0]


def test_an_older_claim_with_newer_fields_reads_them_as_the_current_schema(
    export: dict[str, Any],
) -> None:
    """Documented in `_io.load._migrated`: a schema-5 file holding a prediction's voice and
    criterion (schema 6) is read as schema 6 defines them."""
    document = json.loads(json.dumps(export))
    document["schema_version"] = 5
    document["records"]["resolutions"] = []
    read = aiforecasts.loads(json.dumps(document))
    assert read.predictions[0].voice == aiforecasts.load().predictions[0].voice


@pytest.mark.parametrize("count", [[{}, {}], {"a": 1}, "591", -1, None, True])
def test_a_line_announcing_no_count_is_one_problem_at_its_path(count: Any) -> None:
    # A list where the count belongs was kept as a key of the counts seen: TypeError.
    lines = aiforecasts.to_jsonl(aiforecasts.load()).splitlines()
    line = json.loads(lines[3])
    line["records"] = count
    lines[3] = json.dumps(line, ensure_ascii=False)
    with pytest.raises(aiforecasts.DataError) as info:
        aiforecasts.loads("\n".join(lines) + "\n")
    assert [problem.path for problem in info.value.problems] == ["line 4.records"]
