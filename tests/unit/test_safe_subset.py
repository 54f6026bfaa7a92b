"""The checks every text and Markdown field passes when content is loaded: the safe Markdown
subset, contact data in every common form, and the bounded YAML reader."""
from __future__ import annotations

import pytest

from macros.markdown_policy import problems
from macros.models.base import contact_data
from macros.yamlsource import MAX_BYTES, parse_yaml

HOSTS = frozenset({"lovdata.no", "nav.no"})
FILES = frozenset({"rutiner/samtalenotat.md", "assets/images/logo.svg"})


@pytest.mark.parametrize("text", [
    "Se [samtalenotat](/rutiner/samtalenotat.md#maal) og [§ 17](https://lovdata.no/lov/2009-12-18-131/§17).",
    "[Nav](https://www.nav.no/sosialhjelp) og [avsnitt](#maal)",
    "![Logo](/assets/images/logo.svg)",
    "[lenke](/rutiner/samtalenotat.md){: #anker .rp-knapp }",
    "Kode som `<b>` er tekst, og 1 < 2 > 0.",
    "| a | b |\n|:-|-:|\n| 1 | 2 |",
    "!!! note\n    Merk dette.",
])
def test_safe_markdown_passes(text):
    assert problems(text, HOSTS, FILES) == []


@pytest.mark.parametrize("text, message", [
    ("[klikk](javascript:alert(3))", "lenken «javascript:alert(3)» bruker «javascript:», som ikke er tillatt"),
    ("[klikk](jav&#x61;script:alert(3))", "bruker «javascript:», som ikke er tillatt"),
    ("[klikk](java\tscript:alert(3))", "bruker «javascript:», som ikke er tillatt"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "bruker «data:», som ikke er tillatt"),
    ("[x](vbscript:msgbox)", "bruker «vbscript:», som ikke er tillatt"),
    ("[x](mailto:post@nav.example)", "bruker «mailto:», som ikke er tillatt"),
    ("[x](//evil.example/)", "bruker «//» (uten https), som ikke er tillatt"),
    ("[x](http://lovdata.no/)", "bruker http; bruk https"),
    ("[x](https://evil.example/)", "lenken går til «evil.example», som ikke står i registeret over eksterne verter"),
    ("[x](https://lovdata.no.evil.example/)", "lenken går til «lovdata.no.evil.example»"),
    ("![x](https://evil.example/x.png)", "bildet «https://evil.example/x.png» ligger utenfor nettstedet"),
    ("[x](rutiner/samtalenotat.md)", "er relativ; skriv lenker innenfor nettstedet fra roten av docs/"),
    ("[x](/rutiner/finnes-ikke.md)", "viser til docs/rutiner/finnes-ikke.md, som ikke finnes"),
    ("Tekst <script>alert(1)</script>", "rå HTML er ikke tillatt i Markdown-tekst (fant «<script>aler»)"),
    ("<iframe src=\"file:///etc/passwd\">", "rå HTML er ikke tillatt"),
    ("<https://lovdata.no>", "rå HTML er ikke tillatt"),
    ('[x](/rutiner/samtalenotat.md){: style="position:fixed" }', "attributtet «style» er ikke tillatt"),
    ('[x](/rutiner/samtalenotat.md){: onclick="alert(1)" }', "attributtet «onclick» er ikke tillatt"),
    ("[x](/rutiner/samtalenotat.md){: .md-button }", "klassen «md-button» er ikke tillatt"),
    ('Avsnitt\n{: data-x="1" }', "attributtet «data-x» er ikke tillatt"),
])
def test_unsafe_markdown_is_named(text, message):
    found = problems(text, HOSTS, FILES)
    assert any(message in p for p in found), found


# Invented numbers, put together when the tests run so that this file holds none
# (tests/unit/test_no_personal_data.py scans every tracked file).
TLF = ("62", "55", "12", "34")
FNR = ("010190", "12345")


@pytest.mark.parametrize("text, kind", [
    ("post@nav.example", "e-postadresse"), ("post (at) nav (dot) example", "e-postadresse"),
    ("post\uff20nav.example", "e-postadresse"), ("post @ nav.example", "e-postadresse"),
    ("post[at]nav.example", "e-postadresse"),
    ("Ring " + "".join(TLF), "telefonnummer"), ("Ring " + " ".join(TLF), "telefonnummer"),
    ("Ring " + "-".join(TLF), "telefonnummer"), ("Ring " + "\u00a0".join(TLF), "telefonnummer"),
    ("Ring " + " ".join(("625", "51", "234")), "telefonnummer"),
    ("Ring +47 " + " ".join(TLF), "telefonnummer"), ("Ring 0047 " + "".join(TLF), "telefonnummer"),
    ("Fnr " + "".join(FNR), "fødselsnummer"), ("Fnr " + " ".join(FNR), "fødselsnummer"),
    ("Fnr " + "-".join(FNR), "fødselsnummer"), ("Fnr " + " ".join(("01", "01", "90", "123", "45")), "fødselsnummer"),
])
def test_contact_data_in_every_common_form(text, kind):
    assert contact_data(text) == kind


@pytest.mark.parametrize("text", [
    "13.10.2022", "2019-2022", "kr 10 000 000", "1 000 000 kroner", "sosialtjenesteloven § 20 a",
    "07.01.2019–31.12.2022", "versjon 1.2.3", "Det er viktig at brukeren får svar",
])
def test_dates_amounts_and_prose_are_not_contact_data(text):
    assert contact_data(text) is None


@pytest.mark.parametrize("text, message", [
    ("a: &x 1\nb: *x\n", "f.yaml:1: ankere og alias (&navn og *navn) er ikke tillatt"),
    ("x: " + "[" * 50 + "]" * 50, "f.yaml:1: strukturen er nøstet for dypt (mer enn 20 nivåer)"),
    ("a: 1\nb: 'x\x00'\n", "f.yaml:2: teksten har et usynlig kontrolltegn (U+0000)"),
    ("a: 1\nb: \u2028\n", "f.yaml:2: teksten har et usynlig kontrolltegn (U+2028)"),
    ("a: b\n---\nc: d\n", "f.yaml:2: filen har mer enn ett YAML-dokument"),
    ("? [a]\n: b\n", "f.yaml:1: en nøkkel må være enkel tekst"),
    ("a: 1\na: 2\n", "f.yaml:2: 'a' står to ganger (første gang på linje 1)"),
    ("a: '" + "x" * MAX_BYTES + "'\n", "f.yaml:1: filen er for stor; en innholdsfil kan være høyst 512 KB"),
])
def test_yaml_beyond_the_bounds_is_one_message(text, message):
    located, errors = parse_yaml(text, "f.yaml")
    assert located is None
    assert [str(e) for e in errors] == [message] or str(errors[0]).startswith(message)


def test_null_only_when_written_plainly():
    located, errors = parse_yaml("a: ~\nb: '~'\nc: null\nd:\ne: \"null\"\n", "f.yaml")
    assert errors == []
    assert located.data == {"a": None, "b": "~", "c": None, "d": None, "e": "null"}
