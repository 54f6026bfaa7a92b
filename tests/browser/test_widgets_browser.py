"""Widgets mount once: every widget script goes through the one mount helper (overrides/assets/js/mount.js,
`rpMount`), and mounting again, the way Material does on instant navigation, doubles nothing.

In Chromium each page is mounted a second time in every way there is (Material's `document$` emitting,
`rpMount.again()`, a second DOMContentLoaded, and every one of our scripts loaded a second time), then
used once; what the listeners do is counted (dialogs, clipboard writes, print calls, status updates,
columns added), never read from the helper's internals. The files are also read, so that a new widget
cannot bypass the helper."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.browser_support import serve
from tests.sitebuild import ROOT, build, copy_project

pytestmark = pytest.mark.browser

JS = ROOT / "overrides" / "assets" / "js"
LIBRARIES = {"norsk.js": "the Norwegian search rules, read by sok.js and katalog.js"}
"""Our scripts that are no widget: plain functions, no page element, no listener."""


def extra_javascript() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra_javascript"]


def ours() -> list[str]:
    """Our scripts in the order the pages load them (generated ones, such as sokeregler.js, are not in overrides/)."""
    return [p.removeprefix("assets/js/") for p in extra_javascript() if (JS / p.removeprefix("assets/js/")).is_file()]


def remount(page) -> None:
    """Everything that could mount the widgets a second time, as a new page under instant navigation would."""
    page.evaluate("() => window.document$.next(document)")  # what Material emits for each page it shows
    page.evaluate("() => window.rpMount.again()")
    page.evaluate("() => document.dispatchEvent(new Event('DOMContentLoaded'))")
    page.evaluate("""files => Promise.all(files.map(f => new Promise((done, fail) => {
        const s = document.createElement('script');
        s.src = new URL('assets/js/' + f, document.querySelector('script[src$="assets/js/mount.js"]').src.replace(/assets\\/js\\/mount\\.js$/, '')).href;
        s.onload = done; s.onerror = () => fail(new Error(f));
        document.head.appendChild(s);
    })))""", ours())


def open_page(context, url):
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


def count_mutations(page, selector: str, attribute: str | None = None) -> None:
    """Count each write to the element (its text, or one attribute) from now on in window.__writes."""
    page.evaluate("""([sel, attr]) => {
        window.__writes = 0;
        new MutationObserver(records => { window.__writes += records.length; })
            .observe(document.querySelector(sel), attr ? {attributes: true, attributeFilter: [attr]}
                                                       : {childList: true, characterData: true, subtree: true});
    }""", [selector, attribute])


def writes(page) -> int:
    page.evaluate("() => new Promise(r => setTimeout(r, 50))")  # let the observer deliver
    return page.evaluate("() => window.__writes")


# ---------- the files ----------

def test_mount_helper_loads_first_and_every_script_is_listed():
    listed = ours()
    assert listed[0] == "mount.js"
    assert extra_javascript()[0] == "assets/js/mount.js"
    on_disk = sorted(p.name for p in JS.glob("*.js"))
    assert sorted(listed) == on_disk  # a new script that is not loaded, or a listed one that is missing, fails
    assert len(listed) == len(set(listed))


def strip_comments(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), source, flags=re.S)
    return re.sub(r"(?m)(^|[^:\\])//.*$", r"\1", source)


def block_after(source: str, start: int) -> tuple[int, int]:
    """The span of the first {...} block from `start`, skipping braces in strings."""
    depth, i, quote, begin = 0, start, None, None
    while i < len(source):
        ch = source[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
            begin = i if begin is None else begin
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return begin, i
        i += 1
    raise AssertionError("unbalanced braces")


def widget_files() -> list[str]:
    return [f for f in ours() if f != "mount.js" and f not in LIBRARIES]


def test_every_widget_script_mounts_through_rpmount():
    names: dict[str, str] = {}
    files = widget_files()
    assert {"sjekkliste.js", "kopier.js", "oppsummering.js", "katalog.js", "sok.js", "ordliste.js"} <= set(files)
    for name in files:
        source = strip_comments((JS / name).read_text(encoding="utf-8"))
        widgets = re.findall(r"""rpMount\(\s*"([a-z-]+)"\s*,""", source)
        assert len(widgets) == 1, f"{name}: én widget per fil, kalt med rpMount(navn, selektor, oppsett): {widgets}"
        globals_ = re.findall(r"""rpMount\.global\(\s*"([a-z-]+)"\s*,""", source)
        for widget in [widgets[0], *globals_]:
            assert widget not in names, f"{name}: navnet {widget} er brukt i {names.get(widget)}"
            names[widget] = name
        # Only the helper decides when to mount.
        for forbidden in ("DOMContentLoaded", "document$", "readyState", "window.Rutineportalen[", "data-rp-klar"):
            assert forbidden not in source, f"{name}: {forbidden}"
        # Listeners on window or document are added once, inside rpMount.global(...).
        spans = [block_after(source, m.end()) for m in re.finditer(r"rpMount\.global\(", source)]
        for m in re.finditer(r"\b(window|document)\.addEventListener\(", source):
            assert any(a < m.start() < b for a, b in spans), f"{name}: {m.group()} utenfor rpMount.global"
    for name, why in LIBRARIES.items():
        source = strip_comments((JS / name).read_text(encoding="utf-8"))
        assert "document" not in source and "addEventListener" not in source and "rpMount" not in source, (name, why)
    mount = (JS / "mount.js").read_text(encoding="utf-8")
    assert "document$" in mount and "DOMContentLoaded" in mount


def test_the_file_check_catches_a_widget_that_bypasses_the_helper(tmp_path):
    """The span check above: a document listener outside rpMount.global is found, one inside is not."""
    bad = strip_comments('(function () {\n  document.addEventListener("keydown", f);\n'
                         '  window.rpMount.global("x", function () { if (a) { b(); } });\n})();')
    good = strip_comments('(function () {\n  window.rpMount.global("x", function () {\n'
                          '    var s = "}"; document.addEventListener("keydown", f);\n  });\n})();')
    for source, inside in ((bad, False), (good, True)):
        spans = [block_after(source, m.end()) for m in re.finditer(r"rpMount\.global\(", source)]
        at = source.index("document.addEventListener")
        assert any(a < at < b for a, b in spans) is inside


# ---------- in Chromium, mounted twice ----------

def test_checklist_mounted_twice_ticks_resets_and_prints_once(context, base_url):
    page, errors = open_page(context, base_url + "rutiner/paragraf-20a.html")
    remount(page)
    total = page.locator("input[data-rp-sjekk]").count()
    assert total > 3
    page.evaluate("""() => {
        window.__stored = [];
        const set = Storage.prototype.setItem, remove = Storage.prototype.removeItem;
        Storage.prototype.setItem = function (k, v) { if (k.startsWith('rutineportalen:')) window.__stored.push('+' + k); return set.call(this, k, v); };
        Storage.prototype.removeItem = function (k) { if (k.startsWith('rutineportalen:')) window.__stored.push('-' + k); return remove.call(this, k); };
        window.__prints = 0;
        window.print = () => { window.__prints++; };
    }""")
    count_mutations(page, "[data-rp-fremdrift]")
    first = page.locator("input[data-rp-sjekk]").first
    first.click()
    assert first.is_checked()
    assert page.inner_text("[data-rp-fremdrift]") == f"1 av {total} punkter er krysset av"
    assert [w[0] for w in page.evaluate("() => window.__stored")] == ["+"]  # stored once
    assert writes(page) == 1  # the progress line written once
    first.click()
    assert not first.is_checked()
    assert page.inner_text("[data-rp-fremdrift]") == f"0 av {total} punkter er krysset av"
    assert [w[0] for w in page.evaluate("() => window.__stored")] == ["+", "-"]

    first.click()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.click("[data-rp-nullstill]")
    page.wait_for_timeout(200)
    assert dialogs == ["Vil du fjerne alle avkrysninger i denne listen?"]  # asked once
    assert first.is_checked()

    page.click("[data-rp-skriv-ut]")
    assert page.evaluate("() => window.__prints") == 1
    assert page.locator("[data-rp-verktoy]").first.is_visible()
    assert errors == []


def test_copy_button_mounted_twice_copies_once(browser, base_url):
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page, errors = open_page(ctx, base_url + "rutiner/samtalenotat.html")
    remount(page)
    page.evaluate("""() => {
        window.__copies = 0;
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = text => { window.__copies++; return write(text); };
    }""")
    count_mutations(page, "[data-rp-kopier-status]")
    page.click("[data-rp-kopier]")
    page.wait_for_function("() => document.querySelector('[data-rp-kopier-status]').textContent.length > 0")
    assert page.evaluate("() => window.__copies") == 1
    assert writes(page) == 1
    assert page.inner_text("[data-rp-kopier-status]") == "Malen er kopiert. Lim den inn i fagsystemet."
    assert page.evaluate("() => navigator.clipboard.readText()").startswith(
        page.locator("[data-rp-mal-tekst]").text_content().strip())
    assert errors == []
    ctx.close()


def test_summary_mounted_twice_adds_one_case_per_click_and_warns_once(context, base_url):
    page, errors = open_page(context, base_url + "skjema/stikkprove-20a.html")
    remount(page)
    assert page.locator("[data-rp-oppsummering]").count() == 1
    assert page.locator("[data-rp-oppsummering] table").count() == 1
    page.click("[data-rp-ny-sak]")
    headers = page.eval_on_selector_all("[data-rp-oppsummering] thead th", "els => els.map(e => e.textContent)")
    assert headers == ["Punkt", "Sak 1", "Oppfylt"]
    rows = page.locator("[data-rp-oppsummering] tbody tr")
    assert all(rows.nth(i).locator("select").count() == 1 for i in range(rows.count()))
    page.select_option('select[aria-label="Sak 1, punkt 1"]', "nei")
    assert rows.nth(0).locator("[data-rp-andel]").inner_text() == "0 av 1 (0 %) – avvik"
    assert page.inner_text("[data-rp-oppsummering-status]") == "1 sak lagt inn. 1 punkt med avvik."
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    page.click("[data-rp-fjern-sak]")
    page.wait_for_timeout(200)
    assert dialogs == ["Sak 1 har markeringer. Vil du fjerne den?"]  # asked once, removed once
    headers = page.eval_on_selector_all("[data-rp-oppsummering] thead th", "els => els.map(e => e.textContent)")
    assert headers == ["Punkt", "Oppfylt"]
    assert page.inner_text("[data-rp-oppsummering-status]") == "Ingen saker er lagt inn ennå."
    assert errors == []


def test_catalogue_mounted_twice_filters_once_per_keystroke(context, base_url):
    page, errors = open_page(context, base_url + "tiltak/index.html")
    total = page.locator("ol[data-rp-katalog-liste] > li").count()
    remount(page)
    assert page.locator("ol[data-rp-katalog-liste] > li").count() == total  # no item added or rebuilt
    status = page.locator("[data-rp-katalog-status]")
    assert status.inner_text() == f"Viser {total} av {total} tiltak"
    count_mutations(page, "[data-rp-katalog-status]")
    page.focus("[data-rp-katalog-sok]")
    page.keyboard.type("b")
    assert writes(page) == 1  # one keystroke, one filtering
    page.keyboard.type("olig")
    assert writes(page) == 5
    shown = page.locator("ol[data-rp-katalog-liste] > li:not([hidden])").count()
    assert 0 < shown < total
    assert status.inner_text() == f"Viser {shown} av {total} tiltak"
    page.locator('fieldset[data-rp-fasett="fylke"] input[type=checkbox]').first.check()
    assert writes(page) == 6
    assert "q=bolig" in page.url and page.url.count("q=") == 1
    assert errors == []


def test_search_box_mounted_twice_renders_once_per_keystroke(context, base_url):
    page, errors = open_page(context, base_url + "index.html")
    page.evaluate("() => new Promise(done => window.RutineportalenSok.sok.ready(done))")
    remount(page)
    page.keyboard.press("/")  # the shortcut, registered once
    assert page.evaluate("document.activeElement.id") == "rp-sok-felt"
    count_mutations(page, "[data-rp-sok]", "data-rp-sok-sporring")
    page.keyboard.type("k")
    assert writes(page) == 1
    page.keyboard.type("vp")
    assert writes(page) == 3
    assert page.get_attribute("[data-rp-sok]", "data-rp-sok-sporring") == "kvp"
    options = page.locator("[data-rp-sok-liste] [role=option]")
    ids = options.evaluate_all("els => els.map(e => e.id)")
    assert ids and len(ids) == len(set(ids))  # each hit once
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#rp-sok-felt", "aria-activedescendant") == "rp-sok-valg-0"  # one step, not two
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#rp-sok-felt", "aria-activedescendant") == ("rp-sok-valg-1" if len(ids) > 1 else "rp-sok-valg-0")
    assert errors == []


# ---------- with Material's instant navigation on ----------

@pytest.fixture(scope="module")
def instant_url(tmp_path_factory):
    """A copy of the project with navigation.instant, served at its own site_url: Material navigates
    instantly only to addresses in its sitemap, and compares them with the port."""
    tmp = tmp_path_factory.mktemp("instant")
    project = copy_project(tmp / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "navigation.instant" not in text and text.count("\n    - navigation.tabs ") == 1
    site = tmp / "site"
    site.mkdir()
    with serve(site) as url:
        text = text.replace("\n    - navigation.tabs ", "\n    - navigation.instant\n    - navigation.tabs ")
        text, n = re.subn(r"(?m)^site_url: .*$", f"site_url: {url}", text)
        assert n == 1
        config.write_text(text, encoding="utf-8")
        result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
        assert result.returncode == 0, result.output
        yield url


def go(page, url: str, rel: str, selector: str) -> None:
    """Follow a link the way Material itself does (a click on an anchor), and wait for the new content."""
    page.evaluate("""href => { const a = document.createElement('a'); a.href = href;
                               document.body.appendChild(a); a.click(); a.remove(); }""", url + rel)
    page.wait_for_url("**/" + rel)
    page.wait_for_selector(selector)


def test_instant_navigation_mounts_each_new_page_once(context, instant_url):
    page, errors = open_page(context, instant_url + "index.html")
    page.wait_for_load_state("networkidle")  # Material's sitemap, which instant navigation needs
    page.evaluate("""() => {
        window.__sameDocument = true;
        window.__stored = [];
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.startsWith('rutineportalen:')) window.__stored.push(k); return set.call(this, k, v); };
        window.__prints = 0;
        window.print = () => { window.__prints++; };
    }""")
    dialogs: list[str] = []
    answer = {"accept": False}
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept() if answer["accept"] else d.dismiss()))

    for visit in (1, 2):
        go(page, instant_url, "rutiner/paragraf-20a.html", "[data-rp-fremdrift]")
        assert page.evaluate("() => window.__sameDocument")  # no page load: Material swapped the content
        total = page.locator("input[data-rp-sjekk]").count()
        boxes = page.locator("input[data-rp-sjekk]")
        assert page.locator("[data-rp-verktoy]").first.is_visible()
        boxes.nth(visit).click()
        assert page.inner_text("[data-rp-fremdrift]") == f"{visit} av {total} punkter er krysset av"
        assert len(page.evaluate("() => window.__stored")) == visit  # one write per tick
        dialogs.clear()
        page.click("[data-rp-nullstill]")
        page.wait_for_timeout(200)
        assert dialogs == ["Vil du fjerne alle avkrysninger i denne listen?"]
        page.click("[data-rp-skriv-ut]")
        assert page.evaluate("() => window.__prints") == visit

        go(page, instant_url, "tiltak/index.html", "[data-rp-katalog-status]")
        count_mutations(page, "[data-rp-katalog-status]")
        page.focus("[data-rp-katalog-sok]")
        page.keyboard.type("b")
        assert writes(page) == 1

        go(page, instant_url, "skjema/stikkprove-20a.html", "[data-rp-ny-sak]")
        page.click("[data-rp-ny-sak]")
        headers = page.eval_on_selector_all("[data-rp-oppsummering] thead th", "els => els.map(e => e.textContent)")
        assert headers == ["Punkt", "Sak 1", "Oppfylt"]
        page.select_option('select[aria-label="Sak 1, punkt 1"]', "nei")
        dialogs.clear()
        answer["accept"] = True
        go(page, instant_url, "index.html", "[data-rp-sok]")  # asks once before leaving the marks
        answer["accept"] = False
        assert dialogs == ["Du har markeringer som ikke lagres. Vil du forlate siden?"]

    page.evaluate("() => new Promise(done => window.RutineportalenSok.sok.ready(done))")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "rp-sok-felt"
    count_mutations(page, "[data-rp-sok]", "data-rp-sok-sporring")
    page.keyboard.type("kvp")
    assert writes(page) == 3
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#rp-sok-felt", "aria-activedescendant") == "rp-sok-valg-0"
    assert page.evaluate("() => window.__sameDocument")
    assert errors == []


@pytest.mark.parametrize("rel", ["rutiner/paragraf-20a.html", "rutiner/samtalenotat.html", "skjema/stikkprove-17.html",
                                 "tiltak/index.html", "index.html", "kunnskap/index.html"])
def test_pages_from_disk_mount_without_errors(context, site, rel):
    """From file:// too (the site is meant to work from disk): no console error, the tools are shown."""
    assert (site / rel).is_file(), rel
    page, errors = open_page(context, (site / rel).as_uri())
    remount(page)
    tools = page.locator("[data-rp-verktoy]")
    assert all(tools.nth(i).is_visible() for i in range(tools.count()))
    assert page.evaluate("() => typeof window.rpMount") == "function"
    assert errors == []
