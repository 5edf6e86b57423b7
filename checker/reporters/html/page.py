"""Page assembly of the HTML report: the Jinja environment over checker/templates/, the
inlined CSS and JS with the Content-Security-Policy that allows exactly that script, and the
rendering of a page from its context.

Jinja2 (and MarkupSafe) are imported on first use, so importing the reporter costs nothing.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.reporters.output import escape_surrogates
from checker.wording import plural

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

SEVERITY_LETTERS = {"error": "E", "warning": "W", "info": "I"}


@lru_cache(maxsize=1)
def environment():
    """The Jinja environment of the report's templates (autoescaped, strict about undefined names)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["plural"] = plural
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.globals["severity_letters"] = SEVERITY_LETTERS
    return env


@lru_cache(maxsize=4)
def assets(extra: tuple[str, ...] = ()) -> dict[str, Any]:
    """The inlined CSS and JS, and a Content-Security-Policy that allows exactly that script.

    `extra` names further stylesheets and scripts (`NAME.css`, `NAME.js` in the templates)
    that only some pages need, appended after the shared ones; a page without them is
    byte for byte what it was before they existed."""
    from markupsafe import Markup

    def read(name: str) -> str:
        return (TEMPLATES / name).read_text(encoding="utf-8")

    css = read("report.css") + "".join("\n" + read(f"{name}.css") for name in extra)
    js = read("report.js") + "".join("\n" + read(f"{name}.js") for name in extra)
    assert "</style" not in css.lower() and "</script" not in js.lower()
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


def render_page(template: str, context: dict[str, Any], extra: tuple[str, ...] = ()) -> str:
    """`template` rendered with `context` and the assets (with the `extra` ones): one
    self-contained page, valid UTF-8."""
    return escape_surrogates(environment().get_template(template).render(**context, **assets(extra)))
