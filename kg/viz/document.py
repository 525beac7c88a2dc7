"""The page itself: one HTML document with vis-network, the page's script and style
and the data inlined, and the checks that keep it offline and safe.

Text from the documents only ever reaches the page as JSON data, embedded so that
it cannot close its ``<script>``, and the page's script puts it into the DOM with
``textContent``: a name or sentence containing ``<script>`` shows as that text.
The scripts carry a fresh nonce and the page's Content-Security-Policy allows only
them.
"""
from __future__ import annotations

import html
import json
import re
import secrets
from collections.abc import Iterable
from pathlib import Path

from .. import analytics as ka
from .. import resources
from .content import DEFAULT_MAX_NODES, view

_RESOURCE_ATTR = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:url\()?\s*["']?\s*(?:https?:)?//)""", re.IGNORECASE)


def vis_files() -> tuple[str, str]:
    """vis-network's script and style sheet, as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
    versions = sorted((p for p in lib.glob("vis-9*") if (p / "vis-network.min.js").is_file()),
                      key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    if not versions:
        raise FileNotFoundError(f"vis-network not found in {lib}: reinstall pyvis")
    js = (versions[-1] / "vis-network.min.js").read_text(encoding="utf-8")
    css = (versions[-1] / "vis-network.css").read_text(encoding="utf-8")
    # No source map to look for; the style sheet's images are only for the navigation and
    # editing buttons, which the page does not use (they are 200 KB of base64).
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    css = re.sub(r"""background-image:\s*url\(["']?data:[^)]*\)\s*;?""", "", css)
    return js, css


def script_json(data) -> str:
    """JSON that is safe inside ``<script type="application/json">``: it cannot end the
    element (``</script>``), open a comment (``<!--``) or break a line in old parsers."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def remote_references(page: str) -> list[str]:
    """Places where a page would load something over the network (``<script src>``,
    ``<link href>``, ``url()``, ``@import`` with an http(s) or protocol-relative
    address). Addresses merely written in text or comments are not loads."""
    return [m.group(0) for m in _RESOURCE_ATTR.finditer(page)] + [m.group(0) for m in _CSS_URL.finditer(page)]


def page(data: dict, title: str = "kg network") -> str:
    """The HTML document for :func:`view`'s data: one file, no external resource."""
    js, css = vis_files()
    # The scripts carry a fresh nonce and the page's Content-Security-Policy allows only them:
    # a script or event handler that got into the page some other way would not run.
    parts = {"NONCE": secrets.token_urlsafe(16), "TITLE": html.escape(title), "VIS_CSS": css, "APP_CSS": resources.text("kg.static", "viz.css"),
             "DATA": script_json(data), "VIS_JS": js, "APP_JS": resources.text("kg.static", "viz.js")}
    # one pass over the template: inserted text is never searched for placeholders again
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], resources.text("kg.static", "viz.html"))


def render(graph, out_path: str | Path, *, focus: str | None = None, hops: int = 2,
           types: Iterable[str] | None = None, since=None, until=None, issues: Iterable[str] | None = None,
           min_mentions: int = 1, max_nodes: int = DEFAULT_MAX_NODES, co_mentions: bool = True,
           title: str | None = None) -> dict:
    """Write the network page to ``out_path``; return what it shows.

    The figures returned: ``nodes``, ``edges`` (stated relations), ``co_mentions``
    (links on the page, hidden until toggled), ``total_nodes`` (before the cap),
    ``left_out``, ``unconnected`` (entities with no stated relation: listed at the
    side, drawn only on request), ``communities``, ``bytes`` and ``path``.
    """
    data = view(graph, focus=focus, hops=hops, types=types, since=since, until=until, issues=issues,
                min_mentions=min_mentions, max_nodes=max_nodes, co_mentions=co_mentions)
    if title is None:
        source = getattr(graph, "path", None) or (graph if isinstance(graph, (str, Path)) else "graph")
        title = f"kg · {Path(str(source)).name}" + (f" · {data['meta']['focus']}" if focus else "")
    data["meta"]["title"] = title
    text = page(data, title)
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out_path)
    co = sum(1 for e in data["edges"] if e["rel"] == ka.CO_MENTION)
    return {"path": str(out_path), "bytes": out_path.stat().st_size, "nodes": len(data["nodes"]),
            "edges": len(data["edges"]) - co, "co_mentions": co, "total_nodes": data["meta"]["total_nodes"],
            "left_out": data["meta"]["left_out"], "unconnected": data["meta"]["unconnected"],
            "communities": len(data["communities"]), "co_mentions_left_out": data["meta"]["co_mentions_left_out"]}
