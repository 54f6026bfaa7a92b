"""Norwegian text rules for search: folding, paragraph forms, words, stems, compounds, typos.

One source for the site search (macros/search_index.py) and the tiltak catalogue's filter box
(macros/catalogue.py). The browser applies the same rules in overrides/assets/js/norsk.js; the
patterns and word lists it needs are shipped in the search index (see `rules()`), so only the
glue and a port of Snowball's Norwegian stemmer are written twice, and tests compare the two.

The pipeline, for indexed text and for a query alike:
  lower case -> fold (æ→ae, ø→o, å→a, aa→a, accents off) -> paragraph forms to one token
  («§ 20 a», «§§ 17 og 20 a», «paragraf 17» → §17, §20a) -> words -> stop words out -> stem.
Folding comes before stemming, so «økonomi» and «okonomi» meet however they were typed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import snowballstemmer

FOLD: tuple[tuple[str, str], ...] = (
    ("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "ae"), ("ö", "o"),
    ("é", "e"), ("è", "e"), ("ê", "e"), ("á", "a"), ("à", "a"), ("ó", "o"), ("ò", "o"), ("ô", "o"),
    ("ü", "u"), ("ç", "c"), ("aa", "a"),
)
"""Applied in this order, after lower-casing: single letters first, then «aa» (so the browser can do
the letters in one pass). Shared with the browser through `rules()`."""

# The patterns below run on folded text (only a-z, 0-9 and punctuation remain), and are written
# in the common subset of Python's and JavaScript's regular expressions: the browser uses them as
# they are. A paragraph letter is a-h standing alone, so «§ 17 i loven» is not «§ 17 i».
LIST_RE = r"§§\s*\d+(?:\s*[a-h](?![a-z0-9]))?(?:\s*(?:,|og|eller|-|–)\s*\d+(?:\s*[a-h](?![a-z0-9]))?)*"
"""«§§ 17 og 20 a»: every number in the list is a paragraph."""
NUMBER_RE = r"(\d+)(?:\s*([a-h])(?![a-z0-9]))?"
PARAGRAPH_RE = r"(?:§|(?<![a-z0-9])paragraf(?:en|ene|er)?(?![a-z0-9]))\s*(\d+)(?:\s*([a-h])(?![a-z0-9]))?"
"""«§ 17», «§20 a», «paragraf 17»."""
BARE_RE = r"(?<![a-z0-9§])(\d+)([a-h])(?![a-z0-9])"
"""«20a» written without the sign is a paragraph too."""
WORD_RE = r"§\d+[a-h]?|[a-z0-9]+"

_LIST = re.compile(LIST_RE)
_NUMBER = re.compile(NUMBER_RE)
_PARAGRAPH = re.compile(PARAGRAPH_RE)
_BARE = re.compile(BARE_RE)
_WORD = re.compile(WORD_RE)

STOPWORDS: frozenset[str] = frozenset("""
og i jeg det at en et den til er som pa de med han av ikke der sa var meg seg men ett har om vi
min mitt ha hadde hun na over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal
selv her alle vil bli ble blitt kunne inn nar vaere kom noen noe ville dere deres kun ja etter ned
skulle denne for deg si sine sitt mot a hvorfor dette disse uten hvordan ingen din ditt blir
samme hvilken hvilke inni mellom var hver hvem hvis bade bare enn fordi for mange ogsa slik vaert
begge siden
""".split())
"""Snowball's Norwegian stop words (folded), less the ones that carry meaning here."""

MIN_TYPO_LENGTH = 5
"""Words of this many letters or more may have one typo (one edit)."""
MAX_NEAR = 3
"""At most this many of the site's words are tried for a word it does not use."""
MIN_PART = 3
"""The shortest part a compound is split into."""
ENDINGS = ("erne", "ene", "ens", "ets", "ers", "ne", "en", "et", "er", "e", "a", "s", "")
"""Inflection endings a compound's last part may carry beyond a word of the site (mottaker-ne)."""
LINKS = ("s", "e")
"""Letters that join the parts of a compound (sosialhjelp-s-mottaker, barn-e-hage)."""

_stemmer = snowballstemmer.stemmer("norwegian")


def fold(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).lower()
    for src, dest in FOLD:
        folded = folded.replace(src, dest)
    return folded


def _paragraph(number: str, letter: str | None) -> str:
    return f" §{number}{letter or ''} "


def paragraphs(folded: str) -> str:
    """Write every paragraph reference as one token: «§§ 17 og 20 a» -> «§17 og §20a»."""
    folded = _LIST.sub(lambda m: _NUMBER.sub(lambda n: _paragraph(n.group(1), n.group(2)), m.group(0)[2:]), folded)
    folded = _PARAGRAPH.sub(lambda m: _paragraph(m.group(1), m.group(2)), folded)
    return _BARE.sub(lambda m: _paragraph(m.group(1), m.group(2)), folded)


def words(text: str) -> list[str]:
    """The folded words of a text, paragraph references as one word each; stop words included."""
    return _WORD.findall(paragraphs(fold(text)))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of a folded word; numbers and paragraphs stay as they are."""
    if word[0] == "§" or word.isdigit():
        return word
    return _stemmer.stemWord(word)


def term(word: str) -> str | None:
    """What a word is indexed and searched as: its stem, or None for a stop word."""
    return None if word in STOPWORDS else stem(word)


def terms(text: str) -> list[str]:
    return [t for t in (term(w) for w in words(text)) if t]


def normalise(text: str) -> str:
    """Folded words joined by spaces (the catalogue's filter text and its URL-safe query)."""
    return " ".join(_WORD.findall(fold(text).replace("§", " ")))


# ---------- edit distance ----------

def within_one_edit(a: str, b: str) -> bool:
    """True if a and b differ by at most one insertion, deletion or substitution (Levenshtein)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


# ---------- compounds ----------

def split_compound(word: str, known: set[str], final) -> list[str] | None:
    """Split a folded word into parts the site uses, fewest parts first, longest first part first.

    `known` holds words and stems that may stand before a joint; `final(part)` gives the word of
    the site a last part is (it may be inflected: «mottakerne» -> «mottaker»), or None. A joining s or e between two
    parts is dropped. Two or three parts; None if no split exists.
    """
    n = len(word)

    def split(start: int, parts_left: int) -> list[str] | None:
        rest = word[start:]
        last = final(rest) if start and len(rest) >= MIN_PART else None
        if last:
            return [last]
        if parts_left == 1:
            return None
        for end in range(n - MIN_PART, start + MIN_PART - 1, -1):
            head = word[start:end]
            if head not in known:
                continue
            for skip in (0, 1):
                nxt = end + skip
                if skip and (nxt > n - MIN_PART or word[end] not in LINKS):
                    continue
                tail = split(nxt, parts_left - 1)
                if tail:
                    return [head, *tail]
        return None

    for max_parts in (2, 3):
        found = split(0, max_parts)
        if found:
            return found
    return None


# ---------- queries ----------

@dataclass(frozen=True)
class Alternative:
    """One way to read a query word: all `terms` must match (more than one for a split compound)."""

    terms: tuple[str, ...]
    prefix: bool
    fuzzy: int
    why: str


@dataclass
class Group:
    """One word of the query and its readings; any of them may match."""

    word: str
    alternatives: list[Alternative] = field(default_factory=list)


@dataclass(frozen=True)
class Abbreviation:
    short: str
    """The folded abbreviation, one word (kvp)."""
    full: tuple[str, ...]
    """The terms of its full form (kvalifiseringsprogramm)."""


def abbreviations(pairs: Iterable[tuple[str, str]]) -> list[Abbreviation]:
    """Abbreviations of one word and their full forms, without any «(explanation)»."""
    found = []
    for short, full in pairs:
        short_words = words(short)
        full_terms = tuple(terms(re.sub(r"\(.*?\)", " ", full)))
        if len(short_words) == 1 and full_terms:
            found.append(Abbreviation(short_words[0], full_terms))
    return found


def _related(a: str, b: str) -> bool:
    """Stems of one word: equal, or one begins the other and the shorter has five letters or more."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= MIN_TYPO_LENGTH


def parse_query(query: str, vocabulary: "Vocabulary") -> list[Group]:
    """The reading of a query: one group per word, each with its alternatives."""
    groups: list[Group] = []
    for word in words(query):
        if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        group = Group(word)
        if word[0] == "§":
            group.alternatives.append(Alternative((word,), False, 0, "paragraf"))
        elif word.isdigit():
            group.alternatives.append(Alternative((word,), False, 0, "tall"))
            group.alternatives.append(Alternative((f"§{word}",), False, 0, "paragraf"))
        else:
            base = vocabulary.stem(word)
            fuzzy = 1 if len(word) >= MIN_TYPO_LENGTH else 0
            group.alternatives.append(Alternative((base,), True, fuzzy, "ord"))
            for abbr in vocabulary.abbreviations:
                if abbr.short == word:
                    group.alternatives.append(Alternative(abbr.full, len(abbr.full) == 1, 0, "forkortelse"))
                elif len(abbr.full) == 1 and _related(base, abbr.full[0]):
                    group.alternatives.append(Alternative((abbr.short,), False, 0, "fullform"))
            if fuzzy and word not in vocabulary.words:
                for near in vocabulary.near(word):
                    group.alternatives.append(Alternative((vocabulary.stem(near),), True, 0, "skrivefeil"))
            if base not in vocabulary.terms:
                parts = vocabulary.split(word)
                if parts:
                    stems = tuple(dict.fromkeys(vocabulary.stem(p) for p in parts))
                    group.alternatives.append(Alternative(stems, True, 0, "sammensatt"))
        groups.append(group)
    return groups


class Vocabulary:
    """The site's own words: what compounds are split against, and the stems of its words."""

    def __init__(self, words_seen: Iterable[str], abbreviations: list[Abbreviation]):
        self.words = {w for w in words_seen if w[0] != "§" and not w.isdigit()}
        self.stems = {w: stem(w) for w in self.words}
        self.terms = set(self.stems.values())
        self.known = {w for w in self.words | self.terms if len(w) >= MIN_PART}
        self.abbreviations = abbreviations
        self.sorted_words = sorted(self.words)

    def near(self, word: str, limit: int = MAX_NEAR) -> list[str]:
        """Up to `limit` words of the site one edit away from a word it does not use (alphabetical)."""
        found = []
        for w in self.sorted_words:
            if abs(len(w) - len(word)) <= 1 and within_one_edit(word, w):
                found.append(w)
                if len(found) == limit:
                    break
        return found

    def stem(self, word: str) -> str:
        return self.stems.get(word) or stem(word)

    def final(self, part: str) -> str | None:
        for ending in ENDINGS:
            base = part[:len(part) - len(ending)]
            if len(base) >= MIN_PART and base in self.known:
                return base
        return part if self.stem(part) in self.terms else None

    def split(self, word: str) -> list[str] | None:
        return split_compound(word, self.known, self.final)


def rules() -> dict:
    """What the browser needs to apply the same rules (shipped in the search index)."""
    return {
        "fold": [list(pair) for pair in FOLD],
        "liste": LIST_RE,
        "tall": NUMBER_RE,
        "paragraf": PARAGRAPH_RE,
        "bar": BARE_RE,
        "ord": WORD_RE,
        "stoppord": sorted(STOPWORDS),
        "skrivefeilFra": MIN_TYPO_LENGTH,
        "minDel": MIN_PART,
        "naerOrd": MAX_NEAR,
        "fuger": list(LINKS),
        "endelser": list(ENDINGS),
    }
