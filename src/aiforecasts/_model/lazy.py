"""
Modules imported on first use.

pendulum costs about as much to import as the rest of a first typed lookup
together, and only records with dates need it: a company's do not.  The
modules that name it at run time hold `pendulum`, a stand-in that imports
the real module when one of its attributes is first asked for (type
checkers see the real import)::

    if TYPE_CHECKING:
        import pendulum
    else:
        from aiforecasts._model.lazy import pendulum

Annotations that name ``pendulum.Date`` resolve through the stand-in too, so
`typing.get_type_hints`, attrs, cattrs and Sphinx see the real class.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["LazyModule", "json", "pendulum"]


class LazyModule:
    """
    A stand-in for the module *name*, imported when an attribute of it is
    first asked for.  Each attribute found is then kept on the stand-in, so
    that asking again costs what it costs on a module.

    >>> json = LazyModule("json")
    >>> json.dumps([1])
    '[1]'
    """

    def __init__(self, name: str) -> None:
        self._lazy_name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):  # copy, pickle and inspect probe dunders: not the module's
            raise AttributeError(attribute)
        value = getattr(importlib.import_module(self._lazy_name), attribute)
        setattr(self, attribute, value)
        return value

    def __repr__(self) -> str:
        return f"<module {self._lazy_name!r}, imported on first use>"


pendulum = LazyModule("pendulum")
"""`pendulum`, imported when first used."""
json = LazyModule("json")
"""`json`, imported when first used (the fast engine reads JSON without it)."""
