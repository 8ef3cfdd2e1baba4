"""
Resolve references to the private modules that define aiforecasts' public names.

Type hints name the module a class is defined in (``aiforecasts._model.TimeSpan``);
the API reference documents it where users import it from (``aiforecasts.TimeSpan``).
"""

from __future__ import annotations

import typing
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def _resolve(app: Sphinx, env: Any, node: Any, contnode: nodes.Element) -> nodes.Element | None:
    target = node.get("reftarget", "")
    if not target.startswith("aiforecasts._"):
        return None
    public = "aiforecasts." + target.rsplit(".", 1)[-1]
    domain = env.domains["py"]
    builder = app.builder
    for role in ("class", "func", "data", "exc", "obj"):
        found = domain.resolve_xref(env, node["refdoc"], builder, role, public, node, contnode)
        if found is not None:
            return found
    return None


def _overloaded_types(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    _options: Any,
    _signature: str | None,
    _return_annotation: str | None,
) -> None:
    """
    An overloaded method shows one signature per overload, with its types; the broad
    ``self``/return types of its implementation (there for the type checker) are noise.
    """
    if what != "method" or not typing.get_overloads(obj):
        return
    recorded = app.env.temp_data.get("annotations", {}).get(name, {})
    recorded.pop("self", None)
    recorded.pop("return", None)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("missing-reference", _resolve)
    # After autodoc's own handler (priority 500) has recorded the type hints.
    app.connect("autodoc-process-signature", _overloaded_types, priority=600)
    return {"parallel_read_safe": True}
