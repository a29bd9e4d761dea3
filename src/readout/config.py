"""``site.yml`` → ``Config``. ``parse_config`` is pure; ``load_config`` reads the file."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ReadoutError, decode_utf8, read_input
from .model import SECTIONS
from .urls import unsafe_slug
from .yamlnodes import compose, mapping_items, unknown_key, value, where

THEMES = ("readout", "material")


@dataclass(frozen=True)
class Theme:
    """A theme of statements: a title and the keywords that tag a statement with it."""

    slug: str
    title: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    """The site's settings, validated. ``root`` is the project folder that holds ``site.yml``."""

    root: Path
    title: str = "Readouts"
    description: str = ""
    language: str = "en"
    base_url: str | None = None
    output_dir: str = "site"
    theme: str = "readout"
    themes: tuple[Theme, ...] = ()
    series: dict = field(default_factory=dict)  # slug → {title, description} (see series.py)
    lexicon: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    raw_html: bool = False  # markdown: {raw_html: true}: editors' raw HTML reaches the pages

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def output_path(self) -> Path:
        """The output folder; "~" means the user's home, as in a shell."""
        return (self.root / Path(self.output_dir).expanduser()).resolve()


STRING_KEYS = ("title", "description", "language", "output_dir", "theme")
KNOWN_KEYS = STRING_KEYS + ("base_url", "themes", "series", "lexicon", "extra", "markdown")
# A BCP 47 language tag (RFC 5646) as sites use them: a language, then script, region and variant
# subtags ("en", "zh-Hans-CN", "de-CH-1996"). It names files of the search index and lands in
# every page's lang attribute, so nothing else may pass.
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*")
# An absolute http(s) URL made only of the characters RFC 3986 allows: it is written into
# robots.txt, the sitemap, the feed, every canonical link and MkDocs' site_url.
BASE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?")


def parse_config(text: str, path: str, root: Path) -> Config:
    """The ``Config`` that ``text`` (the contents of ``site.yml`` at ``path``) describes."""
    node = compose(text, path)
    if node is None:
        return Config(root=root)
    settings: dict = {}
    for key, key_node, value_node in mapping_items(node, path, "site.yml"):
        if key not in KNOWN_KEYS:
            raise unknown_key(key, key_node, KNOWN_KEYS, path, "site.yml")
        settings.update(SETTINGS[key](key, value_node, path))
    return Config(root=root, **settings)


def string_setting(key: str, node: yaml.Node, path: str) -> dict:
    text = scalar_string(node, path, key)
    if key == "language" and not LANGUAGE_TAG.fullmatch(text):
        raise ReadoutError(f"'language' must be a BCP 47 language tag, not {shown(text)}",
                           where(node, path), "for example: en, zh, zh-Hans, en-GB")
    if key == "theme" and text not in THEMES:
        raise ReadoutError(f"unknown theme '{text}'", where(node, path), "themes available: " + ", ".join(THEMES))
    return {key: text}


def base_url_setting(key: str, node: yaml.Node, path: str) -> dict:
    url = None if is_null(node) else scalar_string(node, path, key)
    if url is not None and not BASE_URL.fullmatch(url):
        raise ReadoutError(f"base_url must be an absolute http(s) URL, not {shown(url)}",
                           where(node, path), "for example https://example.org/readouts/ "
                           "(no spaces, quotes, angle brackets or line breaks; encode them as %20…)")
    return {key: url.rstrip("/") + "/" if url else None}


def markdown_setting(key: str, node: yaml.Node, path: str) -> dict:
    settings = {}
    for inner, inner_key, inner_value in mapping_items(node, path, "markdown"):
        if inner != "raw_html":
            raise unknown_key(inner, inner_key, ("raw_html",), path, "markdown")
        if not (isinstance(inner_value, yaml.ScalarNode) and inner_value.tag.endswith(":bool")):
            raise ReadoutError("'raw_html' must be true or false", where(inner_value, path),
                               "true lets every editor's raw HTML into the pages; leave it false unless you trust them all")
        settings["raw_html"] = value(inner_value, path)
    return settings


def extra_setting(key: str, node: yaml.Node, path: str) -> dict:
    data = value(node, path)
    if not isinstance(data, dict):
        raise ReadoutError("'extra' must be a mapping", where(node, path), "write it as 'key: value' lines under 'extra:'")
    return {key: data}


# How each key of site.yml is read: key, its node, the file's path → the settings it gives.
SETTINGS: dict[str, Callable[[str, yaml.Node, str], dict]] = {
    **dict.fromkeys(STRING_KEYS, string_setting),
    "base_url": base_url_setting,
    "themes": lambda key, node, path: {key: parse_themes(node, path)},
    "series": lambda key, node, path: {key: parse_series(node, path)},
    "markdown": markdown_setting,
    "lexicon": lambda key, node, path: {key: parse_lexicon(node, path)},
    "extra": extra_setting,
}


def shown(text: str) -> str:
    """A value quoted for a message, control characters and all made visible, cut if long."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def scalar_string(node: yaml.Node, path: str, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        raise ReadoutError(f"'{key}' must be text", where(node, path), "put the value in quotes")
    return node.value


def parse_themes(node: yaml.Node, path: str) -> tuple[Theme, ...]:
    themes = []
    for slug, key_node, value_node in mapping_items(node, path, "themes"):
        why = unsafe_slug(slug)
        if why:
            raise ReadoutError(f"theme {why}", where(key_node, path),
                               "use lower-case letters, digits and hyphens, e.g. 'opening-up'")
        title, keywords = slug.replace("-", " ").capitalize(), ()
        for key, inner_key, inner in mapping_items(value_node, path, f"theme '{slug}'"):
            if key == "title":
                title = scalar_string(inner, path, "title")
            elif key == "keywords":
                words = value(inner, path)
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise ReadoutError("'keywords' must be a list of phrases", where(inner, path),
                                       "for example: keywords: [innovation, research]")
                keywords = tuple(words)
            else:
                raise unknown_key(key, inner_key, ("title", "keywords"), path, f"theme '{slug}'")
        themes.append(Theme(slug, title, keywords))
    return tuple(themes)


def parse_series(node: yaml.Node, path: str) -> dict:
    """``series: {slug: {title, description}}``: how the site names the series it finds."""
    found: dict[str, dict[str, str]] = {}
    for slug, key_node, value_node in mapping_items(node, path, "series"):
        why = unsafe_slug(slug)
        if why:
            raise ReadoutError(f"series {why}", where(key_node, path),
                               "use lower-case letters, digits and hyphens, e.g. 'yrd-symposiums'")
        found[slug] = {}
        for key, inner_key, inner in mapping_items(value_node, path, f"series '{slug}'"):
            if key not in ("title", "description"):
                raise unknown_key(key, inner_key, ("title", "description"), path, f"series '{slug}'")
            found[slug][key] = scalar_string(inner, path, key)
    return found


def parse_lexicon(node: yaml.Node, path: str) -> dict:
    """Additions to the loader's lexicon: lists of phrases under the lexicon's own keys, and
    ``sections: {section: {phrase: weight}}``. Checked here so a typo names its line."""
    from .load.lexicon import LIST_KEYS, default_lexicon

    known = LIST_KEYS + ("attendance", "speaking", "sections")
    extra: dict = {}
    for key, key_node, value_node in mapping_items(node, path, "lexicon"):
        if key not in known:
            raise unknown_key(key, key_node, known, path, "lexicon")
        data = value(value_node, path)
        if key == "organizations":
            if not isinstance(data, list) or not all(
                    isinstance(v, dict) and isinstance(v.get("name"), str) and set(v) <= {"name", "aliases"}
                    and all(isinstance(a, str) for a in v.get("aliases", [])) for v in data):
                raise ReadoutError("lexicon 'organizations' is a list of {name: …, aliases: […]}",
                                   where(value_node, path), "for example: organizations: [{name: State Council}]")
        elif key in LIST_KEYS:
            if not isinstance(data, list) or not all(isinstance(v, str) for v in data):
                raise ReadoutError(f"lexicon '{key}' must be a list of phrases", where(value_node, path),
                                   f"for example: {key}: [first phrase, second phrase]")
        elif key in ("attendance", "speaking"):
            if not isinstance(data, dict) or set(data) - {"before", "after"} or not all(
                    isinstance(v, list) and all(isinstance(x, str) for x in v) for v in data.values()):
                raise ReadoutError(f"lexicon '{key}' takes lists of phrases under 'before' and 'after'",
                                   where(value_node, path), f"for example: {key}: {{before: [took part]}}")
        elif not isinstance(data, dict) or not all(
                isinstance(v, dict) and all(isinstance(w, int) and not isinstance(w, bool) for w in v.values())
                for v in data.values()):
            raise ReadoutError("lexicon 'sections' maps a section to phrases and their weights",
                               where(value_node, path), "for example: sections: {priorities: {we will: 2}}")
        elif set(data) - set(SECTIONS):
            raise ReadoutError(f"unknown section '{sorted(set(data) - set(SECTIONS))[0]}' in lexicon",
                               where(value_node, path), "sections: " + ", ".join(SECTIONS))
        extra[key] = data
    try:
        default_lexicon().extended(extra).compile_all()
    except re.error as error:
        raise ReadoutError(f"lexicon has an invalid pattern: {error}", where(node, path),
                           "noise, people_separators, clause_breaks and shared_titles are regular expressions") from None
    return extra


def load_config(root: Path) -> Config:
    """The project's configuration: ``root/site.yml`` if it exists, else the defaults. A
    project folder that does not exist is an error, so that nothing is made in its place."""
    if not root.is_dir():
        raise ReadoutError(f"{root} is not a folder" if root.exists() else f"no such project folder: {root}",
                           None, "-C names the folder that holds site.yml and content/")
    path = root / "site.yml"
    if not path.exists() and not path.is_symlink():
        return Config(root=root)
    text = decode_utf8(read_input(path, "site.yml"), "site.yml", "save site.yml as UTF-8")
    return parse_config(text, "site.yml", root)
