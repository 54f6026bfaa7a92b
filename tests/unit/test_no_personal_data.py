"""No e-mail address, phone number or fødselsnummer in any file of the repository.

The promise (design.md, issue 12): no personal name, e-mail address or phone number from the
sources anywhere in the project, code, tests and fixtures included. The git history is not
rewritten; this guards HEAD. Every file git tracks is read, whoever added it; binary files
(fonts, images, PDFs, archives) are skipped.

The patterns are the scrubber's (tools/seed003/scrub.py), so what the scrubber removes from the
seed and what this test refuses in the repository are the same forms. Names cannot be matched
without a list of them; tests/unit/test_seed003_extraction.py checks the scrubbed fixture holds the
placeholder in every contact position instead.

Planted cases are built when the tests run (``_fill``), so this file holds no number or address.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess

import pytest

from tests.sitebuild import ROOT
from tools.seed003.scrub import EMAIL_ANY_RE, FNR_RE, PHONE_RE

BINARY_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z",
    ".tar", ".jar", ".whl", ".mp3", ".mp4", ".webm", ".ogg", ".wav", ".pyc", ".so", ".dll", ".exe",
    ".sqlite", ".db", ".xlsx", ".docx", ".pptx", ".odt", ".ods",
})
# Vector path data is numbers separated by spaces ("M 2 4 12 36"): not scanned for phone numbers.
NUMERIC_DATA_SUFFIXES = frozenset({".svg"})

# --- the allow-list: only what provably is not personal data ----------------------------------
# Domains reserved for examples (RFC 2606, RFC 6761): no mailbox can exist there.
RESERVED_DOMAIN = re.compile(r"(?:^|\.)(?:example|invalid|test|localhost)$|^example\.(?:com|net|org)$", re.I)
# Ola and Kari Nordmann are the Norwegian stand-in people ("John Doe"), used in scanner self-tests.
STAND_IN_PERSON = re.compile(r"^(?:ola|kari)[._-]?nordmann$", re.I)
# A copyright line in vendored third-party code: its licence requires the notice verbatim, and it
# comes from the library, not from our sources.
LICENCE_NOTICE = re.compile(r"^\W*Copyright\s+(?:\(c\)|©)\s*\d{4}", re.I)


def _fnr_date_ok(digits: str) -> bool:
    """A fødselsnummer starts with a date of birth (D-numbers add 4 to the first digit, H-numbers
    and synthetic numbers add 4 or 8 to the third); eleven digits that are no date are not one."""
    day, month = int(digits[0:2]), int(digits[2:4])
    day -= 40 if day > 40 else 0
    month -= 80 if month > 80 else 40 if month > 40 else 0
    try:
        dt.date(2000, month, day)  # a leap year: 29 February is a date
    except ValueError:
        return False
    return True


def allowed(rel: str, line: str, kind: str, value: str) -> bool:
    if kind == "e-post":
        local, _, domain = re.split(r"\s*(@|＠|﹫|&#0*64;|&#x0*40;|&commat;|%40|[(\[{<]\s*(?:at|a|alfa|krøllalfa)\s*[)\]}>])\s*",
                                    value, maxsplit=1, flags=re.I)
        domain = re.sub(r"\s*[(\[{<]\s*(?:dot|punktum|prikk)\s*[)\]}>]\s*", ".", domain, flags=re.I)
        if RESERVED_DOMAIN.search(domain) or STAND_IN_PERSON.match(local) or LICENCE_NOTICE.match(line):
            return True
    if kind == "fødselsnummer" and not _fnr_date_ok(re.sub(r"\D", "", value)):
        return True
    return False


def findings(rel: str, text: str) -> list[str]:
    """Every address, phone number and fødselsnummer in ``text``, as "path:line: kind: value"."""
    scan_numbers = not rel.lower().endswith(tuple(NUMERIC_DATA_SUFFIXES))
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        hits = [("e-post", m.group()) for m in EMAIL_ANY_RE.finditer(line)]
        if scan_numbers:
            hits += [("fødselsnummer", m.group()) for m in FNR_RE.finditer(line)]
            hits += [("telefon", m.group()) for m in PHONE_RE.finditer(line)]
        out += [f"{rel}:{n}: {kind}: {value}" for kind, value in hits if not allowed(rel, line, kind, value)]
    return out


def is_text(rel: str, data: bytes) -> bool:
    return not rel.lower().endswith(tuple(BINARY_SUFFIXES)) and b"\0" not in data[:8192]


def tracked_files() -> list[str]:
    """Files git tracks, and new files not yet added (unless ignored), so a slip is caught before
    it is committed."""
    proc = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                          capture_output=True, check=True)
    return sorted({p for p in proc.stdout.decode("utf-8").split("\0") if p})


def test_no_address_phone_number_or_fodselsnummer_in_any_tracked_file():
    files = tracked_files()
    assert "tests/unit/test_no_personal_data.py" in files and len(files) > 100  # the scan really sees the repository
    problems, scanned = [], 0
    for rel in files:
        path = ROOT / rel
        if path.is_symlink() or not path.is_file():  # deleted in the work tree, or a link out of it
            continue
        data = path.read_bytes()
        if not is_text(rel, data):
            continue
        scanned += 1
        problems += findings(rel, data.decode("utf-8", errors="replace"))
    assert scanned > 100
    assert problems == []


# --- planted cases: the scanner catches every form ---------------------------------------------

def _fill(template: str) -> str:
    """Turn "9x xx xx xx" into a number with the x's counted up 1, 2, 3 ... 0, 1 (so this file
    holds no number), and "⟨at⟩" into "@"."""
    counter = itertools.cycle("1234567890")
    return "".join(next(counter) if c == "x" else c for c in template).replace("⟨at⟩", "@")


LOCAL, DOMAIN = "fornavn.etternavn", "nav.no"
PLANTED_EMAILS = [
    _fill(f"{LOCAL}⟨at⟩{DOMAIN}"),
    f"Fornavn.Etternavn{_fill('⟨at⟩')}Nav.No",
    f"{LOCAL}＠{DOMAIN}",
    f"{LOCAL}﹫{DOMAIN}",
    f"{LOCAL} {_fill('⟨at⟩')} {DOMAIN}",
    f"{LOCAL}\u00a0{_fill('⟨at⟩')}\u00a0{DOMAIN}",
    f"{LOCAL}(at){DOMAIN}",
    f"{LOCAL} (at) {DOMAIN}",
    f"{LOCAL} [at] {DOMAIN}",
    f"{LOCAL} {{at}} {DOMAIN}",
    f"{LOCAL}(a){DOMAIN}",
    f"{LOCAL}(krøllalfa){DOMAIN}",
    f"{LOCAL}&#64;{DOMAIN}",
    f"{LOCAL}&commat;{DOMAIN}",
    f"{LOCAL}%40{DOMAIN}",
    f"{LOCAL} (at) nav (dot) no",
    f"{LOCAL}[at]nav[punktum]no",
]
PLANTED_PHONES = [_fill(t) for t in (
    "9xxxxxxx", "4x xx xx xx", "9xx xx xxx", "9xxx xxxx", "4x-xx-xx-xx", "9xx-xx-xxx", "2x.xx.xx.xx",
    "9x\u00a0xx\u00a0xx\u00a0xx", "9xx\u202fxx\u202fxxx", "+47 9xxxxxxx", "+479xxxxxxx", "+47 4x xx xx xx",
    "+47-9xx-xx-xxx", "0047 9xx xx xxx", "00479xxxxxxx", "(+47) 2x xx xx xx", "(47) 9xxxxxxx",
)]
PLANTED_FNR = [_fill(t) for t in (
    "0101xxxxxxx", "0101xx xxxxx", "0101xx-xxxxx", "01 01 xx xxx xx", "0101 xxxx xxx", "01.01.xx xxxxx",
    "4101xxxxxxx", "0141xx xxxxx",  # D-number, H-number
)]
NOT_PERSONAL = [
    "2022-11-01", "01.11.22", "1.1.2022.", "01122022", "2021-2022", "2021 2022", "2019/14098",
    "LOV-2009-12-18-131", "§ 20 a", "§§ 17 og 20 a", "mkdocs-material==9.5.39", "pydantic==2.14.1",
    "kl. 08.00-15.30", "3067 Sandefjord", "1.5 12 34", "12345678", "#1a2b3c4d", "sha256:9a8b7c6d5e4f3a2b",
    "@media print", "@pytest.fixture", "npm i @scope/pakke", "font: 12px/1.5 serif",
    "kontakt@example.invalid", "postmottak@nav.example", "ola.nordmann@nav.no", "12.34.56.78.90",
    "Copyright-fri", "kl. 20.00-21.30", "kr 25 000 000", "vilkår (a) og (b)",
]


@pytest.mark.parametrize("value", PLANTED_EMAILS)
def test_the_scanner_catches_every_written_form_of_an_address(value):
    assert [f.split(": ", 2)[1] for f in findings("docs/x.md", f"Skriv til {value} i dag.")] == ["e-post"]


@pytest.mark.parametrize("value", PLANTED_PHONES)
def test_the_scanner_catches_every_written_form_of_a_phone_number(value):
    assert findings("kontor/x.yaml", f"Ring {value}, eller møt opp.") == [f"kontor/x.yaml:1: telefon: {value}"]


@pytest.mark.parametrize("value", PLANTED_FNR)
def test_the_scanner_catches_a_fodselsnummer_with_any_spacing(value):
    found = findings("tests/x.py", f"fnr {value} i saken")
    assert found and all(": fødselsnummer: " in f or ": telefon: " in f for f in found)
    assert any(f.endswith(f"fødselsnummer: {value}") for f in found)


@pytest.mark.parametrize("value", NOT_PERSONAL)
def test_the_scanner_leaves_dates_versions_paragraphs_and_example_addresses(value):
    assert findings("docs/x.md", f"Se {value} her.") == []


def test_no_file_is_exempt_and_only_licence_notices_keep_an_address():
    value = PLANTED_PHONES[1]
    for rel in ("tests/site/test_kontor.py", "tests/unit/test_no_personal_data.py", "docs/x.md"):
        assert findings(rel, f"Ring {value}") == [f"{rel}:1: telefon: {value}"]
    address = PLANTED_EMAILS[0]
    assert findings("x.js", f" * Copyright (c) 2020 Fornavn <{address}>") == []
    assert findings("x.js", f" * Laget av Fornavn <{address}>") == [f"x.js:1: e-post: {address}"]


def test_svg_path_data_is_not_read_as_phone_numbers_but_addresses_are_caught():
    path = _fill('<path d="M 2x xx xx xx L 4x xx xx xx"/>')
    assert findings("overrides/x.md", path) != []  # the same text outside an SVG is two numbers
    assert findings("overrides/x.svg", path) == []
    assert findings("overrides/x.svg", f"<!-- {PLANTED_EMAILS[0]} -->") != []


def test_binary_files_are_skipped_and_text_files_are_read():
    assert not is_text("fonts/x.woff2", b"wOF2 plain bytes")
    assert not is_text("x.pdf", b"%PDF-1.7")
    assert not is_text("x.dat", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    assert is_text("README.md", "Ring oss".encode())
    assert is_text("x.unknown", b"plain text")
