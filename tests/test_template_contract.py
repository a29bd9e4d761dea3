"""The template contract (``src/readout/context.py``) is documented and true, as Datasette tests
its template context: every view-model class says what it is, every field says what it holds,
and every field is used by a template or says why it is there (``data-only``). Logic belongs
in fields, not in templates: the templates hold no filter chains that compute a page's data."""

from __future__ import annotations

import ast
import re

from helpers import ROOT

CONTEXTS = [ROOT / "src" / "readout" / name for name in ("context.py", "series.py", "compare.py", "network.py", "charts.py", "followups.py")]  # views kept with their pages' code
TEMPLATES = ROOT / "templates"


def view_models() -> list[tuple[ast.ClassDef, str, list[tuple[str, str]]]]:
    """Each class of context.py (and series.py): its node, its docstring, and its fields with their lines."""
    classes = []
    for path in CONTEXTS:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.parse(source).body:
            if isinstance(node, ast.ClassDef):
                fields = [(item.target.id, lines[item.lineno - 1]) for item in node.body
                          if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)]
                classes.append((node, ast.get_docstring(node) or "", fields))
    return classes


def template_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.html")))


def test_every_view_model_and_field_is_documented():
    undocumented = []
    for node, doc, fields in view_models():
        if not doc:
            undocumented.append(node.name)
        undocumented += [f"{node.name}.{name}" for name, line in fields if "#" not in line and f"``{name}``" not in doc]
    assert undocumented == []


def test_every_field_is_used_by_a_template_or_says_it_is_data_only():
    text = template_text()
    used = set(re.findall(r"\.([a-z_][a-z0-9_]*)\b", text)) | set(re.findall(r'attribute="([a-z_][a-z0-9_]*)"', text))
    used |= set(re.findall(r"\bfor\s+(?:[a-z_]+,\s*)*([a-z_]+)\s+in\b", text))  # unpacked pairs name no attribute
    unused = [f"{node.name}.{name}" for node, _, fields in view_models() for name, line in fields
              if name not in used and "data-only" not in line]
    assert unused == []


def test_templates_compute_no_page_data():
    # What a page shows is a field of its view model: no sums over sections, no searching the
    # navigation for a URL, no assembling of date ranges in the markup.
    for path in TEMPLATES.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "sum(start=" not in text, path.name
        assert not re.search(r'selectattr\("url"', text), path.name
        assert not re.search(r"\|\s*unique\b", text), path.name
        assert not re.search(r"p\.start|p\.end", text), path.name
