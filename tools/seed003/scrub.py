"""Make the scrubbed test copy of seed 003 (deterministic).

    python -m tools.seed003.scrub SEED_PATH tests/fixtures/seed003/seed003-scrubbed.txt

No list of names is kept here: every name is found in the seed being scrubbed,
from where it stands and what surrounds it.

* **E-mail addresses**, in every written form (``@``, ``＠``, ``&#64;``,
  ``(at)``, ``[at]``, spaces around the sign, ``(dot)``), become
  ``kontakt@example.invalid`` (first letter upper-case when the address started
  with one).  The contact column (block 3, «E-post til kontaktperson») holds one
  address a row, so every contact position ends up holding the placeholder.
* **Phone numbers** (8 digits starting with 2-9, written together or as
  2-2-2-2, 3-2-3 or 4-4, with spaces, non-breaking spaces, hyphens or dots,
  optionally after +47, 0047 or (+47)) and **fødselsnummer** (11 digits with
  any spacing, or as DDMMÅÅ-NNNNN or DD.MM.ÅÅ NNNNN) become ``<telefon>``.
* **Person names** become ``NN`` (the usual Norwegian stand-in for an unnamed
  person).  The seed itself is the lexicon: a *common word* is one the seed also
  writes in lower case; a *structural word* is one of the tiltak-name, office
  or county columns (blocks 1-3), which are places, offices and tiltak, and
  which the extraction reads; every other capitalised word is a *proper noun of
  the seed*.  Names are then found four ways:

  1. the name parts of the contact persons' addresses in the contact column
     (``kari.nordmann@…`` gives Kari, Nordmann), wherever they stand
     capitalised as whole words;
  2. a *name run*: two or more capitalised words in a row (one space, a hyphen
     or one line break between them; initials such as ``E.`` count) with at
     least one proper noun or contact name part among them.  Structural and
     role words at the start of a run («NAV», «Prosjektleder») are context and
     stay, and so is a common word capitalised because it starts a sentence;
  3. a single proper noun next to a role: «Kari, prosjektleder»,
     «prosjektleder Kari», «kollega Kari», «v. Kari»;
  4. every proper noun on a line that holds a phone number or fødselsnummer.

  This removes names of organisations too (a church mission, a sports club):
  the fixture only has to keep the structure and the columns the extraction
  reads, so more is removed rather than less.  What it cannot see: a name made only of
  common and structural words (a first name the seed also uses as a word,
  followed by a surname that is also a place).

Why the structure survives: every replacement happens inside one line and
swaps a token for another token of the same kind (a capitalised word for "NN",
an address for an address, digits for "<telefon>"), so the number of lines, the
blank lines, leading spaces, whether a line starts in lower case and how it
ends are all unchanged.  ``check_structure`` asserts exactly that before the
file is written, and the tests check that the fixture still gives 143 rows with
the same row signature.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .blocks import EMAIL_RE, cut_blocks, read_lines

EMAIL_PLACEHOLDER = "kontakt@example.invalid"
PHONE_PLACEHOLDER = "<telefon>"
NAME_PLACEHOLDER = "NN"

# --- e-mail addresses -------------------------------------------------------

_HS = r"[ \t\u00a0\u202f]*"  # horizontal space, never a line break
_BR_OPEN, _BR_CLOSE = r"[(\[{<]", r"[)\]}>]"
# "@" and the ways people write it to fool harvesters
_AT_SIGN = r"(?:@|＠|﹫|&#0*64;|&#x0*40;|&commat;|%40)"
# A space before the sign only counts with one after it too: "Se @pytest.fixture" is no address.
AT = (rf"(?:{_AT_SIGN}{_HS}|[ \t\u00a0\u202f]+{_AT_SIGN}[ \t\u00a0\u202f]+"
      rf"|{_HS}{_BR_OPEN}{_HS}(?:at|a|alfa|krøllalfa){_HS}{_BR_CLOSE}{_HS})")
DOT = rf"(?:\.|{_HS}{_BR_OPEN}{_HS}(?:dot|punktum|prikk){_HS}{_BR_CLOSE}{_HS})"
EMAIL_ANY_RE = re.compile(
    rf"(?<![\w.%+-])[\w.%+-]*\w{AT}[\w-]+(?:{DOT}[\w-]+)*{DOT}[A-Za-z]{{2,}}(?![\w-])",
    re.IGNORECASE)

# --- phone numbers and fødselsnummer ----------------------------------------

_SEP = r"[ \u00a0\u202f.\-]"  # space, no-break spaces, dot, hyphen
_PREFIX = r"(?:(?:\+|00)[ \u00a0\u202f]?47[ \u00a0\u202f\-]?|\(\+?47\)[ \u00a0\u202f]?)"
# Groups keep one separator: "20.00-21.30" is a time span, not a number.
_EIGHT = (rf"(?:\d{{8}}|\d{{2}}(?P<s2>{_SEP})\d{{2}}(?P=s2)\d{{2}}(?P=s2)\d{{2}}"
          rf"|\d{{3}}(?P<s3>{_SEP})\d{{2}}(?P=s3)\d{{3}}|\d{{4}}[ \u00a0\u202f]\d{{4}})")
# Digits glued to letters, "/", ":" or "#" belong to something else (a URL, a
# reference, a colour); "1.5" and "2,5" are decimals.  Without a prefix a
# Norwegian number starts with 2-9, so "01122022" (a date) is not one.
_LEFT = r"(?<![\w/:#])(?<!\d[.,\-])"
_RIGHT = r"(?!\w|/|[.,\-]\d)"
_YEARS = r"(?:19|20)\d\d[ \u00a0\u202f](?:19|20)\d\d"  # "2021 2022" is two years
PHONE_RE = re.compile(rf"{_LEFT}(?:{_PREFIX}|(?=[2-9])(?!{_YEARS})){_EIGHT}{_RIGHT}")
# fødselsnummer and d-nummer: 11 digits with any spacing, or written "DDMMÅÅ-NNNNN" or
# "DD.MM.ÅÅ NNNNN" (other hyphens and dots are references: "LOV-2009-12-18-131").
_SPACE = r"[ \u00a0\u202f]"
FNR_RE = re.compile(rf"{_LEFT}(?:\d(?:{_SPACE}*\d){{10}}|\d{{6}}-\d{{5}}|\d\d\.\d\d\.\d\d{_SPACE}*\d{{5}}){_RIGHT}")

# --- names --------------------------------------------------------------------

# A word as the OCR writes it: æ/ø/å can come out as @ & § 8 3 ..., and an
# initial I or Ø as "[" or "@" ("@yvind").
_WORD = r"[\w@§&]"
_TOKEN_RE = re.compile(r"(?<![\w@§&\[])[\w@§&\[]+(?![\w@§&])")
# A capitalised word (at least two characters) or an initial ("E.").
_UPPER = r"[A-ZÀ-ÖØ-Þ]"
_CAP = r"(?:(?:" + _UPPER + r"|[@\[](?=[a-zæøå]))" + _WORD + r"+|" + _UPPER + r"\.)"
# Between the words of one name: spaces, a hyphen, or at most one line break.
_GLUE = r"(?:[ \t]+|[ \t]*\n[ \t]*|[ \t]*-[ \t]*\n?[ \t]*)"
_RUN_RE = re.compile(r"(?<![\w@§&\[.])" + _CAP + "(?:" + _GLUE + _CAP + r")+(?![\w@§&])")
_CAP_RE = re.compile(_CAP)
_SINGLE_RE = re.compile(r"(?<![\w@§&\[.])" + _CAP + r"(?![\w@§&])")
# Roles a name stands next to ("Kari, prosjektleder", "kollega Kari"): words, not
# names.  "llega" is kollega as the OCR also writes it ("Kbllega").
ROLE = (r"(?:\w*(?:leder|koordinator|r[a&8då]dgiver|direkt[gø@]r|konsulent|veileder|forsker|llega|"
        r"ansatt|medarbeider|sjef|student|rektor|assistent|terapeut|psykolog|mentor|miljøarbeider)\w*)")
_ROLE_RE = re.compile(ROLE + r"$", re.IGNORECASE)
# before a name: a role, or "v." / "v/" (ved: "foreningen v. Kari")
_ROLE_BEFORE_RE = re.compile(r"(?:(?i:\b" + ROLE + r")|\bv\.|\bv/)[ \t]*\n?[ \t]*$")
_ROLE_AFTER_RE = re.compile(r"^[ \t]*,[ \t]*\n?[ \t]*(?i:" + ROLE + r")\b")


@dataclass(frozen=True)
class Lexicon:
    """What the seed itself says about its words (all lower case)."""

    common: frozenset[str]  # written in lower case somewhere in the seed
    structural: frozenset[str]  # words of the tiltak-name, office and county columns
    contact: frozenset[str]  # name parts of the contact persons' addresses

    def kind(self, token: str) -> str:
        word = token.rstrip(".").lower()
        if len(word) == 1:
            return "initial"
        if word in self.structural:
            return "structural"
        if word in self.common:
            return "common"
        return "proper"


def _contact_lines(lines: list[str]) -> list[str]:
    return [text for _, text in cut_blocks(lines)["epost_fylke"].content() if text.strip()]


def contact_name_tokens(lines: list[str]) -> list[str]:
    """Name parts of the addresses in the contact column: the local part cut at
    ".", "-" and "_" (digits dropped), capitalised.  An office address
    ("nav.<sted>@…") names no person and is skipped."""
    tokens: set[str] = set()
    for text in _contact_lines(lines):
        for m in EMAIL_ANY_RE.finditer(text):
            local = re.split(AT, m.group(), maxsplit=1, flags=re.IGNORECASE)[0]
            if local.lower().startswith("nav."):
                continue
            for part in re.split(r"[.\-_]", local):
                part = re.sub(r"\d+", "", part)
                if len(part) >= 3:
                    tokens.add(part.capitalize())
    return sorted(tokens)


def build_lexicon(lines: list[str]) -> Lexicon:
    blocks = cut_blocks(lines)
    text = "\n".join(lines)
    without_mail = EMAIL_ANY_RE.sub(" ", text)
    common = {t.lower() for t in _TOKEN_RE.findall(without_mail) if t[0].islower()}
    structural: set[str] = set()
    for key in ("navn", "kontor"):
        for _, line in blocks[key].content():
            structural.update(t.lower() for t in _TOKEN_RE.findall(line))
    for line in _contact_lines(lines):  # the county after the address
        structural.update(t.lower() for t in _TOKEN_RE.findall(EMAIL_ANY_RE.sub(" ", line)))
    contact = {t.lower() for t in contact_name_tokens(lines)} - structural
    return Lexicon(frozenset(common), frozenset(structural), frozenset(contact))


def _replace_spans(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for a, b in sorted(set(spans)):
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(NAME_PLACEHOLDER)
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _token_span(m: re.Match[str], offset: int = 0) -> tuple[int, int]:
    # an initial keeps its dot: "E." -> "NN."
    end = m.end() - 1 if m.group().endswith(".") else m.end()
    return offset + m.start(), offset + end


_SENTENCE_END_RE = re.compile(r"(?:^|[.!?:;«\"(*•–-]|\n[ \t]*\n)[ \t\n]*$")


def _starts_sentence(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END_RE.search(text[max(0, pos - 40):pos])) if pos else True


def name_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Character spans of the person names in ``text`` (see the module doc)."""
    spans: list[tuple[int, int]] = []
    # 1. name parts of the contact addresses
    if lex.contact:
        contact_re = re.compile(r"(?<![\w@§&\[.<])(?:" + "|".join(
            re.escape(w.capitalize()) + "|" + re.escape(w.upper()) for w in sorted(lex.contact)) + r")(?![\w@§&])")
        spans += [m.span() for m in contact_re.finditer(text)]
    # 2. name runs with a proper noun in them
    for run in _RUN_RE.finditer(text):
        tokens = list(_CAP_RE.finditer(run.group()))
        kinds = [lex.kind(t.group()) for t in tokens]
        if "proper" not in kinds and not any(t.group().lower() in lex.contact for t in tokens):
            continue
        # Context before the name stays: structural and role words, and a common word that is
        # capitalised only because it starts a sentence.  Mid-sentence a capitalised common word
        # is part of the name (a first name that is also a word).
        start = 0
        while start < len(tokens) - 1 and (
                kinds[start] == "structural" or _ROLE_RE.match(tokens[start].group())
                or (kinds[start] == "common" and _starts_sentence(text, run.start() + tokens[start].start()))):
            start += 1
        if start == len(tokens) - 1 and kinds[start] != "proper":
            continue
        spans += [_token_span(t, run.start()) for t in tokens[start:]]
    # 3. a lone proper noun next to a role; 4. proper nouns on a line with a number
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    phone_lines = {bisect.bisect(breaks, m.start()) for rx in (PHONE_RE, FNR_RE) for m in rx.finditer(text)}
    for m in _SINGLE_RE.finditer(text):
        word = m.group()
        if lex.kind(word) != "proper" or word.isupper():
            continue
        before, after = text[max(0, m.start() - 60):m.start()], text[m.end():m.end() + 60]
        if (_ROLE_BEFORE_RE.search(before) or _ROLE_AFTER_RE.match(after)
                or bisect.bisect(breaks, m.start()) in phone_lines):
            spans.append(_token_span(m))
    return spans


def scrub_text(text: str, lex: Lexicon) -> str:
    def mail(m: re.Match[str]) -> str:
        return EMAIL_PLACEHOLDER.capitalize() if m.group()[0].isupper() else EMAIL_PLACEHOLDER

    text = EMAIL_ANY_RE.sub(mail, text)
    text = _replace_spans(text, name_spans(text, lex))  # before the numbers: phone lines are read
    text = FNR_RE.sub(PHONE_PLACEHOLDER, text)
    return PHONE_RE.sub(PHONE_PLACEHOLDER, text)


def _shape(line: str) -> tuple[bool, bool, bool, bool]:
    s = line.strip()
    return (bool(s), line.startswith(" "), bool(s) and s[0].islower(),
            s.endswith((".", "!", "?", ":", ")", "»", '"')))


def check_structure(original: list[str], scrubbed: list[str]) -> None:
    """Raise if scrubbing changed anything the extraction reads besides words."""
    if len(original) != len(scrubbed):
        raise AssertionError(f"line count changed: {len(original)} -> {len(scrubbed)}")
    for n, (a, b) in enumerate(zip(original, scrubbed), 1):
        if _shape(a) != _shape(b):
            raise AssertionError(f"line {n} changed shape: {a!r} -> {b!r}")
        if EMAIL_RE.search(a) and not EMAIL_RE.search(b):
            raise AssertionError(f"line {n} lost its address: {a!r}")


def scrub_file(seed: Path, out: Path) -> str:
    original = read_lines(seed)
    text = "\n".join(original) + "\n"
    scrubbed = scrub_text(text, build_lexicon(original))
    check_structure(original, scrubbed.split("\n")[:-1])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(scrubbed, encoding="utf-8")
    return scrubbed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.seed003.scrub", description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    scrubbed = scrub_file(args.seed, args.out)
    mails = len(re.findall(re.escape(EMAIL_PLACEHOLDER), scrubbed, flags=re.IGNORECASE))
    names = len(re.findall(r"(?<!\w)NN(?!\w)", scrubbed))
    print(f"skrev {args.out}: {scrubbed.count(chr(10))} linjer, {mails} e-postadresser, "
          f"{scrubbed.count(PHONE_PLACEHOLDER)} telefonnumre, {names} navn erstattet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
