"""Make the scrubbed test copy of seed 003 (deterministic).

    python -m tools.seed003.scrub SEED_PATH tests/fixtures/seed003/seed003-scrubbed.txt

What is removed:

* every e-mail address -> ``kontakt@example.invalid`` (first letter upper-case
  when the address started with one);
* every phone number (8 digits, with or without spaces, optionally +47) ->
  ``<telefon>``;
* person names -> ``NN`` (the usual Norwegian stand-in for an unnamed person).
  Names are found two ways: ``PERSON_NAMES``, the full names that occur in the
  free text (found by reading the seed; OCR spelling kept, e.g. "Tdne" for
  "Tone"), matched as whole words and allowed to wrap onto the next line; and
  every capitalised first or last name taken from the contact persons' e-mail
  addresses, wherever it occurs as a whole word, except ``NOT_PERSONS`` (words
  that are place names in this seed, e.g. "Lunde barnehage").

Why the structure survives: every replacement happens inside one line and
swaps a token for another token of the same kind (a capitalised name for "NN",
an address for an address, digits for "<telefon>"), so the number of lines, the
blank lines, leading spaces, whether a line starts in lower case and how it
ends are all unchanged.  ``check_structure`` asserts exactly that before the
file is written, and the tests check that the fixture still gives 143 rows with
the same row signature.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .blocks import EMAIL_RE, cut_blocks, read_lines

EMAIL_PLACEHOLDER = "kontakt@example.invalid"
PHONE_PLACEHOLDER = "<telefon>"
NAME_PLACEHOLDER = "NN"

# Norwegian numbers have 8 digits and start with 2-9 (a date like "01122022" does
# not); digits glued to letters, "/" or "." are part of something else (a URL).
PHONE_RE = re.compile(r"(?<![\w/.,])(?:\+47 ?)?[2-9]\d(?: ?\d){6}(?![\w/.,])")

# Full names in the free text, in the OCR's spelling.  A space may be a line break.
PERSON_NAMES: tuple[str, ...] = (
    "Anita Funnemark Skuldalen", "Janicke Vilnes", "Marthe Josefine Rolstad",
    "Tdne Strugstad Quviller", "[dene Imingen", "Qla Busterud", "Tor Syversen",
    "Hbnne Grgneng", "EVa E. Johannessen", "P8l Roland", "Elsa Westgard",
    "Kristina Mariager", "Anderson", "Tommy Andressen", "Kjersti With Eidsmo Urbye",
    "Therese Lys§", "Thomas Katten", "Kamilla Sofie Thorsteinsen", "Hanne Ernstsen",
    "Dious Lubega", "Torgrim Sollid", "Britt Leandersen", "Mohammed Ahmed Jama",
    "@yvind Rasmussen", "Lars Thuesen", "Mats Fly-Hansen", "Hans Christian Holte",
    "Evy Grimstad", "Mathias",
)

# Tokens of contact e-mail addresses that are not (only) person names here.
NOT_PERSONS: frozenset[str] = frozenset({"Lunde", "Fedje", "Eid", "Ness", "Strid", "Harder", "Nav"})

_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space, or one line break


def _phrase_re(phrase: str) -> re.Pattern[str]:
    words = phrase.split(" ")
    return re.compile(r"(?<![\w@.])" + _SEP.join(re.escape(w) for w in words) + r"(?![\w§])")


def _nn(match: re.Match[str]) -> str:
    # each word -> "NN", keeping separators (and so line breaks) and trailing , or .
    return re.sub(r"\S+", lambda m: NAME_PLACEHOLDER + re.sub(r"^.*?([.,]?)$", r"\1", m.group()),
                  match.group())


def contact_name_tokens(lines: list[str]) -> list[str]:
    """Capitalised name parts of the contact addresses ("kari.eltvik.hanssen@nav.no"
    -> Kari, Eltvik, Hanssen); office addresses ("nav.loten@nav.no") are skipped."""
    block = cut_blocks(lines)["epost_fylke"]
    tokens: set[str] = set()
    for _, text in block.content():
        m = EMAIL_RE.search(text)
        if not m:
            continue
        local = m.group().split("@")[0]
        if local.lower().startswith("nav."):
            continue
        for part in re.split(r"[.\-_]", local):
            part = re.sub(r"\d+$", "", part)
            if len(part) >= 3:
                tokens.add(part.capitalize())
    return sorted(tokens - NOT_PERSONS)


def scrub_text(text: str, name_tokens: list[str]) -> str:
    def mail(m: re.Match[str]) -> str:
        return EMAIL_PLACEHOLDER.capitalize() if m.group()[0].isupper() else EMAIL_PLACEHOLDER

    text = EMAIL_RE.sub(mail, text)
    text = PHONE_RE.sub(PHONE_PLACEHOLDER, text)
    for phrase in PERSON_NAMES:
        text = _phrase_re(phrase).sub(_nn, text)
    if name_tokens:
        tokens = re.compile(r"(?<![\w@.<])(?:" + "|".join(map(re.escape, name_tokens)) + r")(?![\w@])")
        text = tokens.sub(NAME_PLACEHOLDER, text)
    return text


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
    scrubbed = scrub_text(text, contact_name_tokens(original))
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
