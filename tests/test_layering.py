"""The stages stay apart: the loader knows nothing of HTML, and only the writer writes files."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "readout"


def test_loader_imports_no_renderer():
    code = ("import sys, readout.load, readout.model;"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markdown') "
            "or m in ('readout.render', 'readout.site', 'readout.write'));"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_rendering_imports_no_loader():
    # urls, context, render: what a page needs to be drawn, not how readouts are read.
    code = ("import sys, readout.render, readout.urls, readout.context;"
            "print(','.join(sorted(m for m in sys.modules if m.startswith('readout.load'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_stage_imports_a_later_one():
    order = ["slugs", "yamlnodes", "load", "model", "incremental", "urls", "config", "frontmatter", "sources", "corrections",
             "content", "markup", "context", "structured", "sitechecks", "charts", "indexes", "compare", "followups", "series", "network", "site", "feeds", "scaffold",
             "render", "rendering", "write", "material", "build", "serve", "cli"]
    rank = {name: i for i, name in enumerate(order)}
    rank["model"] = rank["load"]  # the data model is shared by every stage
    for path in PACKAGE.rglob("*.py"):
        stage = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if stage not in rank:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level:
                module = (node.module or "").split(".")[0]
                if module in rank and stage != "model":
                    assert rank[module] <= rank[stage], f"{path.name} imports the later stage {module}"


def test_only_the_writer_writes_files():
    writers = {"write_text", "write_bytes", "copyfile", "rmtree", "rename", "mkdir", "mkdtemp"}
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "write":  # the writer, a package
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                assert name not in writers, f"{path.name}:{node.lineno} calls {name}"
                if name == "open" and len(node.args) > 1:
                    mode = node.args[1]
                    assert isinstance(mode, ast.Constant) and "r" in mode.value, f"{path.name}:{node.lineno}"


def test_no_module_grows_past_what_a_newcomer_reads_at_once():
    # Past this a module holds more than one concern: split it where its concerns split.
    long = {path.relative_to(PACKAGE).as_posix(): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}
