"""Repair the OCR damage in seed 003's short fields (names, målgruppe, ...).

The OCR kept no æ, ø or å.  They became other characters (ø → g, @, e, a;
å → a, &, 8, d, 3, é; æ → ee, ae, z ...), and those are also real letters, so
blind replacement is wrong.  The repair works token by token:

1. ``WORD_TABLE``: forced replacements of frequent or irregular forms
   (``pa`` → på, ``oppfalging`` → oppfølging, ``Igfter`` → løfter).
2. Otherwise every spelling reachable with at most two substitutions from
   ``SUBSTITUTIONS`` is a candidate; a candidate is accepted when it is in the
   word list (``ordliste.txt``), or is a compound whose changed part is a listed
   word (``hverdagsgkonomi`` → hverdagsøkonomi).  A token is changed only when
   one candidate wins; listed and protected tokens are left alone.
3. A standalone ``&`` (and ``8``/``3`` after a word that takes "å") before a
   lower-case word is the infinitive marker "å".

Respondents' own typos (``Helthetlige``, ``arbedislivet``) are not OCR damage
and are kept.  The raw text is always kept next to the repaired text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

WORDLIST_PATH = Path(__file__).with_name("ordliste.txt")

# OCR form (lower case) -> true form (lower case).  Frequent forms, forms that
# need a substitution the generic rules leave out (e/a/o → ø is too risky in
# general), and the short function words.
WORD_TABLE: dict[str, str] = {
    "pa": "på", "pd": "på", "p&": "på", "p8": "på", "p3": "på", "p§": "på", "pé": "på",
    "ogsa": "også", "ogsd": "også", "ogs&": "også", "ogs8": "også", "ogs%": "også",
    "nar": "når", "ndr": "når", "n&r": "når",
    "ar": "år", "&r": "år", "8r": "år", "3r": "år", "dr": "år",
    "fa": "få", "f&": "få", "f8": "få", "fd": "få",
    "na": "nå", "nd": "nå", "n&": "nå",
    "bade": "både", "bdde": "både", "b&de": "både",
    "ma": "må", "m&": "må", "md": "må",
    "sma": "små", "smd": "små",
    "oppfalging": "oppfølging", "oppfelging": "oppfølging", "oppfslging": "oppfølging",
    "oppfolging": "oppfølging", "oppfalgingen": "oppfølgingen", "oppfelgingen": "oppfølgingen",
    "oppfalgingstjenesten": "oppfølgingstjenesten",
    "skonomi": "økonomi", "skonomisk": "økonomisk", "skonomiske": "økonomiske",
    "pkonomi": "økonomi", "pkonomisk": "økonomisk", "pkonomiske": "økonomiske",
    "@pkonomi": "økonomi", "@pkonomisk": "økonomisk", "@pkonomiske": "økonomiske",
    "igfter": "løfter", "igp": "løp", "ignnet": "lønnet",
    "falge": "følge", "felge": "følge",
    "stgtte": "støtte", "jobbstgtte": "jobbstøtte",
    "m@t": "møt",
    "szerlig": "særlig", "szerlige": "særlige", "seaerlige": "særlige",
    "ordinzer": "ordinær", "ordinzert": "ordinært", "ordinaer": "ordinær", "ordinaert": "ordinært",
    "ordinaere": "ordinære",
    # bullets the OCR read as "e" + a garbled capital (name 49), and name 3
    "efékundeertilflyttede": "sekundærtilflyttede", "eminoritetsspraklige": "minoritetsspråklige",
    "ievek§rsutfordringari": "levekårsutfordringer i",
    "e@s": "eøs",
}

# Whole names cut off by the cell width; the completion is the obvious one.
NAME_FIXES: dict[str, str] = {
    "Familien i fokus/Trygge hje,": "Familien i fokus/Trygge hjem",
    "Ung i Sortland - Fremtiden skapes n": "Ung i Sortland - Fremtiden skapes nå",
}

# Generic substitutions: OCR form -> true letter.  Multi-letter forms first.
SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("eae", "æ"), ("ee", "æ"), ("ae", "æ"), ("ze", "æ"), ("z", "æ"),
    ("@p", "ø"), ("@", "ø"), ("@", "å"), ("g", "ø"),
    ("&", "å"), ("8", "å"), ("3", "å"), ("§", "å"), ("%", "å"), ("é", "å"),
    ("a", "å"), ("d", "å"),
    ("0", "o"),
)

# First parts of compounds common in the answers ("gkonomirapport").
COMPOUND_HEADS: tuple[str, ...] = ("økonomi", "økonomisk")

# Real words that one substitution turns into another real word: never change them.
PROTECTED: frozenset[str] = frozenset({
    "sa", "far", "var", "vare", "vart", "ga", "la", "han", "ha", "ta", "da", "de", "dem",
    "for", "mot", "bra", "sta", "fore", "mate", "rad", "tak", "fra", "dra",
})

# Acronyms and names the repair must not touch (IPS once became "LØS").
ACRONYMS: frozenset[str] = frozenset({
    "NAV", "IPS", "KVP", "FACT", "TFO", "AAP", "SLT", "BTI", "HOSA", "SSA", "ROP", "TIS",
    "DRIV", "FORUT", "OPTIMIST", "SKRATSJ", "MAKS", "SKODD", "FIN", "MIN", "CV", "NA",
})

# Words after which a standalone "8" or "3" is the infinitive marker "å", not a digit.
_TAKES_INFINITIVE = frozenset({
    "for", "til", "om", "enn", "på", "viktig", "vanskelig", "mulig", "lett", "godt", "fint",
    "behov", "ønsker", "gnsker", "plikt", "tid", "uten", "ved",
})

_TOKEN_SPLIT_RE = re.compile(r"([\w@&§%é]+)", re.UNICODE)


@lru_cache(maxsize=1)
def wordlist() -> frozenset[str]:
    words = set()
    for line in WORDLIST_PATH.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and not w.startswith("#") and any(c in w for c in "æøå"):
            words.add(w)
    return frozenset(words)


def _variants(word: str, max_subs: int = 2) -> dict[str, tuple[int, frozenset[int]]]:
    """Spellings reachable with up to ``max_subs`` substitutions, each with the
    number of substitutions and the changed positions in the *result*."""
    found: dict[str, tuple[int, frozenset[int]]] = {}
    frontier = [(word, 0, frozenset())]
    for _ in range(max_subs):
        nxt = []
        for text, n, changed in frontier:
            for src, dst in SUBSTITUTIONS:
                start = text.find(src)
                while start >= 0:
                    new = text[:start] + dst + text[start + len(src):]
                    shift = len(dst) - len(src)
                    moved = frozenset(p if p < start else p + shift for p in changed if p < start or p >= start + len(src))
                    pos = moved | {start}
                    if new not in found or found[new][0] > n + 1:
                        found[new] = (n + 1, pos)
                        nxt.append((new, n + 1, pos))
                    start = text.find(src, start + 1)
        frontier = nxt
    return found


def _match(candidate: str, changed: frozenset[int]) -> int | None:
    """0 = a listed word; 1 = a compound whose last part holds every changed
    letter and is a listed word of 6+ letters (5 when no "å" was put in:
    "foreldrene" must not become "forel" + "årene"), or whose first part is one
    of ``COMPOUND_HEADS``; None = not accepted.  Other heads are not used:
    "overganger" would become "overgå" + "nger"."""
    words = wordlist()
    if candidate in words:
        return 0
    for cut in range(3, len(candidate) - 4):
        tail = candidate[cut:]
        if min(changed) < cut or tail not in words:
            continue
        if len(tail) >= 6 or all(candidate[p] != "å" for p in changed):
            return 1
    for head in COMPOUND_HEADS:
        if candidate.startswith(head) and len(candidate) > len(head) + 2 and max(changed) < len(head):
            return 1
    return None


@lru_cache(maxsize=None)
def repair_lower(word: str) -> str | None:
    """The repaired form of a lower-case token, or None to keep it."""
    if word in WORD_TABLE:
        return WORD_TABLE[word]
    # Single characters ("a", "%", "§") are too ambiguous outside the table.
    if len(word) < 2 or word in PROTECTED or word in wordlist() or not re.search(r"[a-zæøå@&§%é]", word):
        return None
    best: list[tuple[tuple[int, int], str]] = []
    for cand, (n, changed) in _variants(word).items():
        if re.search(r"[@&§%é0-9]", cand) or not changed:
            continue
        kind = _match(cand, changed)
        if kind is not None:
            best.append(((kind, n), cand))  # listed words before compounds, then fewer changes
    if not best:
        return None
    top = min(score for score, _ in best)
    winners = sorted({c for score, c in best if score == top})
    return winners[0] if len(winners) == 1 else None


def _restore_case(original: str, fixed: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return fixed.upper()
    if original[0].isupper() or original[0] == "@":  # "@" is the OCR of a capital Ø
        return fixed[:1].upper() + fixed[1:]
    return fixed


def repair_word(token: str) -> str:
    """Repair one token, keeping its case ("@konomi" → "Økonomi")."""
    if token in ACRONYMS:
        return token
    lower = token.lower()
    # A capital I before g/e, in an otherwise lower-case word, is a misread
    # lower-case l ("Igfter" = løfter): the result stays lower-case.
    if token[:1] == "I" and token[1:2] in ("g", "e") and token[1:].islower():
        fixed = WORD_TABLE.get(lower) or repair_lower("l" + lower[1:])
        if fixed is not None:
            return fixed
    letters = [c for c in token if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        # all capitals: an acronym ("ARA", "DPS") unless the table knows it ("M@T", "E@S")
        fixed = WORD_TABLE.get(lower)
        return token if fixed is None else fixed.upper()
    fixed = repair_lower(lower)
    return token if fixed is None else _restore_case(token, fixed)


def repair_text(text: str) -> str:
    """Repair every token of a text; whitespace and punctuation are kept."""
    parts = _TOKEN_SPLIT_RE.split(text)
    # parts alternates: separator, token, separator, token, ...
    words = [i for i in range(1, len(parts), 2)]
    for idx, i in enumerate(words):
        tok = parts[i]
        nxt = parts[words[idx + 1]] if idx + 1 < len(words) else ""
        prev = parts[words[idx - 1]] if idx > 0 else ""
        if tok in {"&", "8", "3"} and nxt[:1].islower():
            if tok == "&" or prev.lower() in _TAKES_INFINITIVE:
                sentence_start = not prev or parts[i - 1].rstrip().endswith((".", "!", "?"))
                parts[i] = "Å" if sentence_start else "å"
                continue
        if tok.isdigit():
            continue
        parts[i] = repair_word(tok)
    return "".join(parts)


def repair_name(raw: str) -> str:
    """A tiltak name: joined lines, OCR repaired, "NAV" written "Nav", first letter
    capital (row 93 lost the capital with the Ø: "gkonomisk familieveileder")."""
    name = re.sub(r"\s+", " ", raw).strip()
    name = NAME_FIXES.get(name, name)
    name = repair_text(name)
    name = re.sub(r"\bNAV\b", "Nav", name)
    return name[:1].upper() + name[1:]
