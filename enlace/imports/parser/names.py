"""Finding organizations, states and bodies named in a text (see `vocabulary.ALIASES`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import ALIASES, BODIES, GROUP, MEMBER_STATES, STATES


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    table.update({ord("’"): "'", ord("‘"): "'", ord("–"): "-", ord("—"): "-", ord("\u00a0"): " "})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Strip accents, keeping the length, so positions in the folded text are positions in the original."""
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int


def _split_top(pattern: str) -> list[str]:
    """The alternatives of a pattern at its top level: "a|(?:b|c)d" -> ["a", "(?:b|c)d"]."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _group_end(pattern: str) -> int:
    """Where the group that opens the pattern closes."""
    depth, i = 0, 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 1
        elif pattern[i] == "(":
            depth += 1
        elif pattern[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"Unbalanced group in alias pattern: {pattern!r}")


def _first_letters(pattern: str) -> set[str]:
    """Letters an alias can start with. Alias patterns begin with a letter or a (?:...) group (tested)."""
    letters: set[str] = set()
    for branch in _split_top(pattern):
        if branch.startswith("(?:"):
            end = _group_end(branch)
            letters |= _first_letters(branch[3:end])
            if branch[end + 1 : end + 2] == "?":  # an optional group: what follows can start the alias too
                letters |= _first_letters(branch[end + 2 :])
        elif branch[:1].isalpha() and branch[1:2] not in ("?", "*"):
            letters.add(branch[0])
        else:
            raise ValueError(f"An alias must start with a letter or a group: {branch!r}")
    return letters


@lru_cache(maxsize=1)
def _matchers() -> dict[str, tuple[re.Pattern, list]]:
    """For each first letter, one alternation of the aliases that can start with it.

    Trying ~100 alternatives at every word of a long report is slow; trying the few that share the word's
    first letter is not. One group per alias: the group that matched says which alias it was.
    """
    by_letter: dict[str, list] = {}
    for alias in ALIASES:
        assert re.compile(alias.pattern).groups == 0, alias  # the pattern's own groups would shift ours
        for letter in _first_letters(alias.pattern):
            by_letter.setdefault(letter, []).append(alias)
    matchers = {}
    for letter, aliases in by_letter.items():
        body = "|".join(f"({alias.pattern})" for alias in aliases)
        checks = [(alias.code, re.compile(alias.must) if alias.must else None) for alias in aliases]
        matchers[letter] = (re.compile(rf"(?:{body})(?![\w])"), checks)
    return matchers


_WORD_START = re.compile(r"(?<!\w)[a-z]")


def find_mentions(text: str) -> list[Mention]:
    """Organizations, states and bodies named in the text, in order, without overlaps."""
    matchers = _matchers()
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a few characters lower-case to two; keep positions aligned
        lowered = "".join(char.lower()[:1] or char for char in folded)
    mentions: list[Mention] = []
    taken = 0
    for word in _WORD_START.finditer(lowered):
        start = word.start()
        if start < taken or (entry := matchers.get(word.group())) is None:
            continue
        pattern, checks = entry
        match = pattern.match(lowered, start)
        if match is None:
            continue
        code, must = checks[match.lastindex - 1]
        if must is None or must.search(folded[start : match.end()]):
            mentions.append(Mention(code, start, match.end()))
            taken = match.end()
    return mentions


def unique_codes(mentions: list[Mention]) -> list[str]:
    return list(dict.fromkeys(mention.code for mention in mentions))


def codes_in(text: str) -> list[str]:
    """Codes named in the text, in order of first appearance, without repeats."""
    return unique_codes(find_mentions(text))


def is_state(code: str) -> bool:
    return code in MEMBER_STATES


def is_organization(code: str) -> bool:
    """An organization that can attend or receive: not a state, not the states as a group, not a body."""
    return code not in MEMBER_STATES and code not in (STATES, GROUP) and code not in BODIES


_NAME_GOES_ON = re.compile(
    r"\s+(?:(?:sobre|de|del|la|las|los|el|y|e|para|en|contra|on|of|for|the|and|in|against)\s+)*"
    r"[A-ZÁÉÍÓÚÑ][\w'’-]*"
)
_LEADING_ARTICLE = re.compile(r"^(?:el|la|los|las|the)\s+", re.IGNORECASE)


def name_as_written(text: str, mention: Mention) -> str:
    """The mention with the capitalised words that carry on its name: "Grupo de Trabajo sobre Niñez Migrante"."""
    end = mention.end
    while found := _NAME_GOES_ON.match(text, end):
        end = found.end()
    return _LEADING_ARTICLE.sub("", text[mention.start : end].strip())
