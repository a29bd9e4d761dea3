"""The ``readout`` command: a thin layer over the library. ``main(argv)`` returns the exit code:
0 done, 1 a problem in the project (printed as ``path:line:column: message``), 2 a usage error."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .errors import ReadoutError


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="readout", description=__doc__.split("\n")[0])
    parser.add_argument("-C", "--project", default=".", metavar="DIR",
                        help="the project folder (holding site.yml and content/); default: here")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="read one readout and print what was extracted")
    parse.add_argument("path", type=Path, help="a readout text file")
    parse.add_argument("--json", action="store_true", help="print the event as JSON (the data contract)")

    build = commands.add_parser("build", help="build the site")
    build.add_argument("--output", type=Path, metavar="DIR", help="output folder (default: output_dir of site.yml)")
    build.add_argument("--strict", action="store_true", help="fail on loader warnings too")
    build.add_argument("--no-search", action="store_true", help="skip the search index (faster)")
    build.add_argument("--theme", choices=("readout", "material"), help="override site.yml's theme")

    export = commands.add_parser("export", help="export the record for another tool")
    export.add_argument("format", choices=("mkdocs",), help="mkdocs: a docs tree and mkdocs.yml")
    export.add_argument("folder", type=Path, help="where to write it (new, empty, or an earlier export)")

    check = commands.add_parser("check", help="read every source and report warnings; build nothing")
    check.add_argument("--strict", action="store_true", help="exit 1 if there is any warning")

    new = commands.add_parser("new", help="add a readout from its web page, a saved page or a text file: "
                                           "write content/sources/<id>.txt and start its event file")
    new.add_argument("path", help="an http(s) address, a saved page (.html) or a readout text file (.txt, UTF-8)")

    serve = commands.add_parser("serve", help="build, then serve the site on 127.0.0.1")
    serve.add_argument("--port", type=port_number, default=8000, help="1 to 65535, or 0 for any free port (default: 8000)")
    serve.add_argument("--bind", type=bind_address, default="127.0.0.1",
                       help="address to listen on, IPv4 or IPv6 (default: 127.0.0.1, loopback only)")
    serve.add_argument("--output", type=Path, metavar="DIR")
    return parser


def port_number(text: str) -> int:
    """argparse type: a TCP port, checked before anything is built."""
    try:
        port = int(text)
    except ValueError:
        port = None
    if port is None or not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number: give one from 1 to 65535, or 0 for any free port")
    return port


def bind_address(text: str) -> str:
    """argparse type: an address to listen on; an empty one (every network, silently) is refused."""
    if not text.strip() or any(c.isspace() for c in text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an address: give one such as 127.0.0.1 or ::1")
    return text


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``argv``; return the exit code."""
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
        project = Path(args.project)
        if not project.is_dir():
            # Checked before any command runs: a mistyped folder must not be made.
            parser.error(f"-C {args.project}: {'not a folder' if project.exists() else 'no such folder'}")
    except SystemExit as exit:
        return int(exit.code or 0)
    try:
        return COMMANDS[args.command](args)
    except ReadoutError as error:
        if args.debug:
            raise
        print(error.format(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`readout parse x | head`): not an error of ours. Point
        # stdout at nothing so the interpreter's final flush does not raise again.
        from .write import discard_stdout

        discard_stdout()
        return 141


def run_parse(args) -> int:
    from .config import load_config
    from .load import read_source
    from .sources import project_lexicon

    path = args.path
    if not path.is_file():
        raise ReadoutError(f"no such file: {path}", None, "give the path of a readout text file")
    config = load_config(Path(args.project).resolve())
    event = read_source(path, config.root, project_lexicon(config))
    if args.json:
        # One string, written once, with the collector paused: an event of a million tiny
        # statements is a hundred megabytes of JSON, and written piece by piece it took minutes.
        # Past ten thousand statements the JSON is compact (the C encoder; indenting is pure Python).
        from .gcpause import no_collections

        with no_collections():
            data = event.to_json()
            text = json.dumps(data, ensure_ascii=False, indent=2 if len(event.statements) <= 10_000 else None)
        sys.stdout.write(text + "\n")
        return 0
    print(describe(event))
    return 0


def describe(event) -> str:
    """A human-readable summary of what the loader read."""
    lines = [f"{event.id}: {event.title}",
             f"  date: {event.date or '?'}{' (' + event.time_of_day + ')' if event.time_of_day else ''}",
             f"  kind: {event.kind or '?'}   location: {event.location or '?'}",
             f"  subject: {event.subject or '?'}"]
    for role, person in ((role.replace("_", " "), p) for role, people in event.by_role() for p in people):
        printed = f" (printed {person.as_printed!r})" if person.as_printed else ""
        lines.append(f"  {role}: {person.name}{printed}" + "".join(f"\n    - {t}" for t in person.titles))
    for s in event.statements:
        lines.append(f"  [{s.id} ¶{s.paragraph + 1} {s.section}] {s.text}")
    for w in event.warnings:
        lines.append(f"  warning: {event.source.path}:{w.line}:{w.column}: {w.message}")
    return "\n".join(lines)


def run_build(args) -> int:
    from .build import build
    from .config import load_config

    config = load_config(Path(args.project).resolve())
    report = build(config, args.output, strict=args.strict, search=not args.no_search, theme=args.theme,
                   progress=Progress())
    for warning in report.output_warnings + report.warnings:
        print(warning.format(), file=sys.stderr)
    print(f"Built {report.pages} pages ({report.rendered} rendered, the rest unchanged) in {report.seconds:.2f} s")
    print(f"Open {report.entry.as_uri()}")
    return 0


class Progress:
    """Shown while rendering takes more than a second: a bar on a terminal, plain lines
    otherwise (logs, CI)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self.shown = False
        self.last_line = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self.started < 1.0 or not total:
            return
        if self.stream.isatty():
            width = 30
            filled = width * done // total
            self.stream.write(f"\rRendering [{'#' * filled}{'.' * (width - filled)}] {done}/{total} pages")
            if done == total:
                self.stream.write("\n")
            self.stream.flush()
        elif done == total or now - self.last_line >= 1.0:
            self.stream.write(f"Rendering: {done}/{total} pages\n")
            self.last_line = now
        self.shown = True


def run_check(args) -> int:
    """Everything ``readout build`` checks, nothing it writes: the whole build runs into a
    throwaway folder (search index aside), so every error a build would report — front matter,
    links, two pages at one URL, templates, the Material shell — is reported here too."""
    import tempfile

    from .build import build
    from .config import load_config

    config = load_config(Path(args.project).resolve())
    with tempfile.TemporaryDirectory(prefix="readout-check-") as folder:
        report = build(config, Path(folder) / "site", search=False)
    for warning in report.warnings:
        print(warning.format())
    print(f"Checked {report.readouts} readouts and {report.pages} pages: {len(report.warnings)} warnings")
    return 1 if args.strict and report.warnings else 0


def run_serve(args) -> int:
    from .config import load_config
    from .serve import serve

    config = load_config(Path(args.project).resolve())
    serve(config, args.output, args.bind, args.port, debug=args.debug)
    return 0


def run_new(args) -> int:
    from .adding import add_readout
    from .config import load_config

    config = load_config(Path(args.project).resolve())
    added = add_readout(config, args.path)
    print(f"Added {added.source}" + (f" from {added.url}" if added.url else ""))
    print(f"Wrote {added.event_file}: correct what the loader read there, then 'readout check'")
    for line in added.warnings:
        print(line)
    return 0


def run_export(args) -> int:
    from .build import export_mkdocs
    from .config import load_config

    config = load_config(Path(args.project).resolve())
    folder = export_mkdocs(config, args.folder)
    print(f"Exported the record to {folder}")
    print(f"Build it with: mkdocs build --strict -f {folder / 'mkdocs.yml'}")
    return 0


COMMANDS = {"parse": run_parse, "build": run_build, "check": run_check, "serve": run_serve, "new": run_new, "export": run_export}
