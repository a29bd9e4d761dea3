"""The command line: exit codes, and errors printed as path:line:column with a hint."""

import pytest
from helpers import SEED_NAME

from readout.cli import main


def test_build_prints_pages_time_and_path(project, capsys):
    root = project()
    assert main(["-C", str(root), "build"]) == 0
    out = capsys.readouterr().out
    assert "Built 35 pages" in out
    assert f"Open {(root / 'site' / 'index.html').as_uri()}" in out


def test_usage_error_exits_2(capsys):
    assert main(["build", "--no-such-flag"]) == 2
    assert main([]) == 2


def test_missing_file_exits_1_with_message(capsys, tmp_path):
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_non_utf8_source_names_file_and_byte(project, capsys):
    root = project(files={"content/sources/bad.txt": b"Good line.\n\nBad \xff byte."})
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "content/sources/bad.txt:3:5: not UTF-8 text: byte 0xff at offset 16" in err
    assert "hint: save the readout as UTF-8" in err


def test_check_reports_warnings_and_strict_fails(project, capsys):
    root = project(files={"content/sources/undated.txt": "Officials gathered.\n\nThey talked."})
    assert main(["-C", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "content/sources/undated.txt:1:1: warning: no event date found in the text" in out
    assert main(["-C", str(root), "check", "--strict"]) == 1


def test_unknown_site_yml_key_has_location_and_did_you_mean(project, capsys):
    root = project()
    (root / "site.yml").write_text("title: X\ndescriptoin: Y\n", encoding="utf-8")
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "site.yml:2:1: unknown key 'descriptoin' in site.yml" in err
    assert "hint: did you mean 'description'?" in err
    assert not (root / "site").exists()


def test_site_yml_extends_the_lexicon(project, capsys):
    text = "Governor Wu Ping opened a forum in Hefei on the 3rd to discuss river ports.\n"
    root = project(seed=False, files={"content/sources/2024-05-03-forum.txt": text})
    assert main(["-C", str(root), "parse", str(root / "content/sources/2024-05-03-forum.txt")]) == 0
    assert "host: Wu Ping" not in capsys.readouterr().out
    # A lead verb of its own, and one of presiding: the subject is then the host.
    (root / "site.yml").write_text("lexicon:\n  host_verbs: [opened]\n  presiding_forms: [opened]\n")
    assert main(["-C", str(root), "parse", str(root / "content/sources/2024-05-03-forum.txt")]) == 0
    assert "host: Wu Ping" in capsys.readouterr().out
    assert main(["-C", str(root), "check"]) == 0
    assert "could not tell who held" not in capsys.readouterr().out


def test_lexicon_typos_name_their_line(project, capsys):
    root = project()
    (root / "site.yml").write_text("title: X\nlexicon:\n  host_verb: [opened]\n")
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "site.yml:3:3: unknown key 'host_verb' in lexicon" in err
    assert "did you mean 'host_verbs'?" in err
    (root / "site.yml").write_text("lexicon:\n  noise: ['(unclosed']\n")
    assert main(["-C", str(root), "build"]) == 1
    assert "site.yml:2:3: lexicon has an invalid pattern" in capsys.readouterr().err


def test_a_reader_that_stops_reading_is_not_a_traceback(tmp_path):
    """`readout parse x --json | head`: the pipe closes early; the command ends quietly. The
    readout is long enough that its JSON overflows any pipe buffer after head has gone."""
    import subprocess
    import sys

    from helpers import SEED_PATH

    source = tmp_path / "long.txt"
    source.write_text(SEED_PATH.read_text(encoding="utf-8")
                      + "".join(f"\n\nThe region has made progress in sector {i}." for i in range(3000)), encoding="utf-8")
    command = (f"{sys.executable} -c 'import sys; from readout.cli import main; sys.exit(main(sys.argv[1:]))' "
               f"parse {source} --json | head -c 10")
    run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert run.stdout.startswith("{")
    assert "Traceback" not in run.stderr and "BrokenPipeError" not in run.stderr, run.stderr[-500:]


CHECK_CASES = {
    # An unknown key in an event file: build failed while check --strict passed.
    "unknown front matter key": ({f"content/events/{SEED_NAME}.md": "---\ntitel: X\n---\n"},
                                 f"content/events/{SEED_NAME}.md:2:1: unknown key 'titel'"),
    "broken record link": ({"content/pages/about.md": "---\ntitle: About\n---\nSee [[Nobody Here]].\n"},
                           "content/pages/about.md:4:5: broken link [[Nobody Here]]"),
    "template syntax error": ({"templates/base.html": "{% if %}\n"}, "templates/base.html:1"),
    "two pages at one URL": ({"content/pages/search.md": "---\ntitle: Mine\n---\nText.\n"},
                             "content/pages/search.md: page 'search' would replace the site's own /search/ pages"),
}


@pytest.mark.parametrize("files,message", CHECK_CASES.values(), ids=CHECK_CASES.keys())
def test_check_reports_everything_build_would(project, capsys, files, message):
    """`readout check` is a build that writes nothing: whatever fails the build fails check,
    at the same place, and check leaves no site behind."""
    root = project(files=files)
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    build_err = capsys.readouterr().err
    assert message in build_err
    assert main(["-C", str(root), "check"]) == 1
    assert message in capsys.readouterr().err
    assert not (root / "site").exists()


def test_a_template_error_in_a_macro_names_the_macro_file(project, capsys):
    """An undefined name or a runtime error inside macros.html is at its line there, not at
    that line number of the page template that imported it."""
    for mistake, message in (("{{ event.nothing }}", "template uses an undefined name"),
                             ("{{ 1 / 0 }}", "template error: ZeroDivisionError")):
        root = project()
        path = root / "templates" / "macros.html"
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(i for i, line in enumerate(lines, 1) if line.startswith("<time{% if event.date %}"))
        lines[number - 1] = mistake + lines[number - 1]
        path.write_text("\n".join(lines), encoding="utf-8")
        assert main(["-C", str(root), "build", "--no-search"]) == 1
        err = capsys.readouterr().err
        assert f"templates/macros.html:{number}: {message}" in err, err


def test_a_template_runtime_error_is_located_not_a_traceback(project, capsys):
    """{{ 1 / 0 }} in a template: the build fails at the template's line, the site stays."""
    root = project()
    path = root / "templates" / "base.html"
    path.write_text("{{ 1 / 0 }}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["-C", str(root), "build", "--no-search"]) == 1
    err = capsys.readouterr().err
    assert "templates/base.html:1: template error: ZeroDivisionError: division by zero" in err
    assert "Traceback" not in err
