"""Phrase lists compiled into regular expressions: a trie of the phrases, matched as whole
words. The loader's many phrase lists (``lexicon``) and the names it remembers use these."""

from __future__ import annotations

import importlib
import re

# "southwest China's", "North China's", "central China’s": the region before a province.
CHINAS = (r"(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral|[Nn]orth(?:west|east)|[Ss]outh(?:west|east)|"
          r"[Nn]orthern|[Ss]outhern|[Ee]astern|[Ww]estern)[\s-]+){0,2}China['’]s(?:\s+|(?=[A-Z]))")
# China's provinces, autonomous regions and municipalities, by the short names readouts print.
PROVINCES = ("Beijing", "Tianjin", "Shanghai", "Chongqing", "Hebei", "Shanxi", "Liaoning", "Jilin", "Heilongjiang",
             "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong",
             "Hainan", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu", "Qinghai", "Guangxi", "Tibet", "Xizang",
             "Ningxia", "Xinjiang", "Inner Mongolia")


def alternation(phrases, fold: bool = True) -> str:
    """A regex body matching any of ``phrases``, longest first, written as a trie ("s(?:ession|
    ymposium)" rather than "session|symposium"): the engine then tests each letter once at a
    position instead of once per phrase, which keeps the loader's many phrase lists fast."""
    trie: dict = {}
    for phrase in {p.lower() if fold else p for p in phrases}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def body(node: dict) -> str:
        branches = [re.escape(char) + body(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{joined})?" if "" in node else joined

    return body(trie) or r"(?!x)x"


def phrase_pattern(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """A regex matching any of ``phrases`` as whole words, longest first."""
    body = alternation(phrases, fold=bool(flags & re.IGNORECASE))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])" if phrases else body, flags)


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words of which every match of ``pattern`` holds one (read from its parsed
    form: the rarest-looking of the literals each alternative must print, three letters or
    more), or None where the pattern requires none. A text holding none of them cannot match,
    so the search can be spared."""
    try:  # the regex module's own parser (private, so looked up by name)
        sre, parser = importlib.import_module("re._constants"), importlib.import_module("re._parser")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except (ImportError, re.error):  # a Python without it: no shortcut, the search runs
        return None

    def better(a: frozenset | None, b: frozenset | None) -> frozenset | None:
        if not a or not b:
            return a or b
        return max(a, b, key=lambda words: (min(map(len, words)), -len(words), sorted(words)))

    def sequence(items) -> frozenset | None:
        best, run = None, []
        for op, av in [*items, (None, None)]:
            if op is sre.LITERAL:
                run.append(chr(av))
                continue
            chunk = max(re.findall(r"[a-z]{3,}", "".join(run).lower()), key=len, default=None)
            best, run = better(best, frozenset([chunk]) if chunk else None), []
            if op is sre.SUBPATTERN:
                best = better(best, sequence(av[-1]))
            elif op is sre.BRANCH:
                branches = [sequence(b) for b in av[1]]
                best = better(best, frozenset().union(*(b for b in branches if b)) if all(branches) else None)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
                best = better(best, sequence(av[2]))
        return best

    found = sequence(tree)
    return tuple(sorted(found)) if found else None
