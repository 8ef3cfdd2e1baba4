"""Sphinx configuration for aiforecasts."""

from __future__ import annotations

import sys
import zlib
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

project = "aiforecasts"
author = "aiforecasts developers"
copyright = "2026, aiforecasts developers"
release = metadata.version("aiforecasts")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "catalog",
    "public_names",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
default_role = "any"
nitpicky = True
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}  # any "undoc-members" value, even False, turns it on
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Types read "TimeSpan | None", not "aiforecasts._model.spans.TimeSpan | None" (the links
# still work).
python_use_unqualified_type_names = True
html_theme = "furo"  # wide tables scroll in their own box; search; light and dark modes
html_static_path = ["_static"]
html_css_files = ["catalog.css"]  # the data catalog's tables fit the content area
# Names in annotations that are not importable public names.
autodoc_type_aliases = {"Path": "pathlib.Path", "pd.DataFrame": "pandas.DataFrame"}
nitpick_ignore = [
    # Type variables of the generic classes and functions.
    ("py:class", "aiforecasts._query.collections.R_co"),
    ("py:class", "aiforecasts._query.store.R"),
    ("py:class", "aiforecasts._query.search.R"),
    ("py:class", "R_co"),
    ("py:class", "R"),
    # typeshed-only protocol used in sort_by's signature.
    ("py:class", "SupportsRichComparison"),
    # Type aliases of write(): described in its docstring.
    ("py:class", "Exportable"),
    ("py:class", "Format"),
    # The groups of Dataset.scores(): described in its docstring.
    ("py:class", "By"),
    # What Dataset.scores() returns, as to_dataframe() and to_arrow() take it: described there.
    ("py:class", "Scores"),
]
html_title = f"aiforecasts {release}"
# Docstring examples run in their module, where these names are at hand.
doctest_global_setup = """
import aiforecasts
from aiforecasts import *
from decimal import Decimal
"""

# -- intersphinx, offline ------------------------------------------------------
# The builds run without network access, so each project's inventory is written
# here, at configuration time, for the names these docs refer to; the links go
# to the projects' real documentation.
_INVENTORIES = {
    "python": (
        "https://docs.python.org/3",
        {
            "decimal.Decimal": ("py:class", "library/decimal.html#decimal.Decimal"),
            "ValueError": ("py:exception", "library/exceptions.html#ValueError"),
            "TypeError": ("py:exception", "library/exceptions.html#TypeError"),
            "KeyError": ("py:exception", "library/exceptions.html#KeyError"),
            "LookupError": ("py:exception", "library/exceptions.html#LookupError"),
            "FileExistsError": ("py:exception", "library/exceptions.html#FileExistsError"),
            "ImportError": ("py:exception", "library/exceptions.html#ImportError"),
            "OverflowError": ("py:exception", "library/exceptions.html#OverflowError"),
            "str": ("py:class", "library/stdtypes.html#str"),
            "int": ("py:class", "library/functions.html#int"),
            "float": ("py:class", "library/functions.html#float"),
            "bool": ("py:class", "library/functions.html#bool"),
            "bytes": ("py:class", "library/stdtypes.html#bytes"),
            "tuple": ("py:class", "library/stdtypes.html#tuple"),
            "list": ("py:class", "library/stdtypes.html#list"),
            "dict": ("py:class", "library/stdtypes.html#dict"),
            "frozenset": ("py:class", "library/stdtypes.html#frozenset"),
            "object": ("py:class", "library/functions.html#object"),
            "None": ("py:data", "library/constants.html#None"),
            "enum.Enum": ("py:class", "library/enum.html#enum.Enum"),
            "os.PathLike": ("py:class", "library/os.html#os.PathLike"),
            "pathlib.Path": ("py:class", "library/pathlib.html#pathlib.Path"),
            "datetime.date": ("py:class", "library/datetime.html#datetime.date"),
            "typing.Any": ("py:data", "library/typing.html#typing.Any"),
            "typing.Literal": ("py:data", "library/typing.html#typing.Literal"),
            "collections.abc.Sequence": (
                "py:class",
                "library/collections.abc.html#collections.abc.Sequence",
            ),
            "collections.abc.Iterable": (
                "py:class",
                "library/collections.abc.html#collections.abc.Iterable",
            ),
            "collections.abc.Iterator": (
                "py:class",
                "library/collections.abc.html#collections.abc.Iterator",
            ),
            "collections.abc.Callable": (
                "py:class",
                "library/collections.abc.html#collections.abc.Callable",
            ),
            "collections.abc.Mapping": (
                "py:class",
                "library/collections.abc.html#collections.abc.Mapping",
            ),
            "difflib": ("py:module", "library/difflib.html#module-difflib"),
            "importlib.resources": ("py:module", "library/importlib.resources.html"),
        },
    ),
    "attrs": (
        "https://www.attrs.org/en/stable",
        {
            "attrs.frozen": ("py:function", "api.html#attrs.frozen"),
            "attrs.define": ("py:function", "api.html#attrs.define"),
            "attrs.evolve": ("py:function", "api.html#attrs.evolve"),
        },
    ),
    "cattrs": (
        "https://catt.rs/en/stable",
        {
            "cattrs.Converter": ("py:class", "cattrs.html#cattrs.Converter"),
            "cattrs.BaseConverter": ("py:class", "cattrs.html#cattrs.BaseConverter"),
        },
    ),
    "pendulum": (
        "https://pendulum.eustace.io/docs",
        {
            "pendulum.Date": ("py:class", "#date"),
            "pendulum.date.Date": ("py:class", "#date"),
            "pendulum.Interval": ("py:class", "#interval"),
            "pendulum.interval.Interval": ("py:class", "#interval"),
        },
    ),
    "pyarrow": (
        "https://arrow.apache.org/docs/python",
        {
            "pyarrow.Table": ("py:class", "generated/pyarrow.Table.html#pyarrow.Table"),
        },
    ),
    "pandas": (
        "https://pandas.pydata.org/docs",
        {
            "pandas.DataFrame": (
                "py:class",
                "reference/api/pandas.DataFrame.html#pandas.DataFrame",
            ),
        },
    ),
}


def _write_inventory(name: str, entries: dict[str, tuple[str, str]]) -> str:
    path = HERE / "_build" / "inventories" / f"{name}.inv"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"{target} {role} 1 {uri} -\n" for target, (role, uri) in entries.items())
    header = (
        f"# Sphinx inventory version 2\n# Project: {name}\n# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    path.write_bytes(header.encode() + zlib.compress(lines.encode()))
    return str(path)


intersphinx_mapping = {
    name: (url, _write_inventory(name, entries)) for name, (url, entries) in _INVENTORIES.items()
}
