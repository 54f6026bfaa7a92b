"""Bad content stops the build with every error listed, and no page is written."""
from __future__ import annotations

from tests.sitebuild import ROOT, build, copy_small_project


def broken_build(tmp_path, edits):
    project = copy_small_project(tmp_path / "p")
    for rel, (old, new) in edits.items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} finnes ikke i {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    site = tmp_path / "site"
    return build(project, site, env={"RUTINEPORTALEN_PDF": "0"}), site


def test_errors_in_two_files_are_all_reported_and_nothing_is_written(tmp_path):
    result, site = broken_build(tmp_path, {
        "routines/kartlegging.yaml": ('type: sjekk, tekst: "Gi informasjon om tjenesten råd og veiledning."',
                                      'type: sjek, tekst: "Gi informasjon om tjenesten råd og veiledning."'),
        "routines/paragraf-17.yaml": ('hjemmel: ["sotjl § 17"', 'hjemmel: ["sotjl § 99"'),
        "routines/paragraf-20a.yaml": ('\neier: ', '\nansvarlig: "Fagleder"\neier: '),
    })
    assert result.returncode != 0
    assert "Innholdet har 3 feil:" in result.output
    assert "routines/kartlegging.yaml:" in result.output and "'type' må være en av: sporsmal, sjekk, veiledning (fikk 'sjek')" in result.output
    assert "routines/paragraf-20a.yaml:" in result.output and "ukjent felt 'ansvarlig'" in result.output
    assert "hjemmelen 'sotjl § 99' finnes ikke i lovregisteret" in result.output
    assert "Traceback" not in result.output
    assert not site.exists() or not any(site.rglob("*.html"))


def test_malformed_yaml_stops_the_build_with_line_number(tmp_path):
    result, site = broken_build(tmp_path, {
        "routines/paragraf-20a.yaml": ('eier: "', 'eier: Merk: "'),
    })
    assert result.returncode != 0
    assert "routines/paragraf-20a.yaml:" in result.output
    assert "kolon midt i en verdi må stå i anførselstegn" in result.output
    assert not site.exists() or not any(site.rglob("*.html"))


def test_unknown_routine_in_a_page_fails_the_build(tmp_path):
    result, site = broken_build(tmp_path, {
        "docs/rutiner/kartlegging.md": ('{{ rutine("kartlegging") }}', '{{ rutine("kartleging") }}'),
    })
    assert result.returncode != 0
    assert "kartleging" in result.output and "finnes ikke" in result.output
    assert not (site / "rutiner" / "kartlegging.html").exists()


def test_text_from_yaml_is_escaped_never_markup(tmp_path):
    result, site = broken_build(tmp_path, {
        "routines/kartlegging.yaml": ('tekst: "Tilfredsstillende bolig?"', 'tekst: "<script>alert(1)</script> bolig?"'),
    })
    assert result.returncode == 0, result.output
    html = (site / "rutiner" / "kartlegging.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; bolig?" in html


def test_raw_html_in_yaml_markdown_is_refused(tmp_path):
    # Author Markdown is a safe subset: raw HTML is refused with the file and line of the field
    # (it used to be shown as text; refusing it tells the author at once).
    result, site = broken_build(tmp_path, {
        "routines/samtalenotat.yaml": ("bruk: |\n", "bruk: |\n  <script>alert(2)</script> <b>fet</b>\n"),
    })
    assert result.returncode != 0
    line = next(i for i, text in enumerate((ROOT / "routines/samtalenotat.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("bruk:"))
    assert (f"routines/samtalenotat.yaml:{line}: 'bruk': rå HTML er ikke tillatt i Markdown-tekst (fant «<script>aler»)"
            in result.output)
    assert "Traceback" not in result.output
    assert not site.exists() or not any(site.rglob("*.html"))
