"""The header search in Chromium, from http:// and from file://: the JavaScript reads queries and ranks
like the Python reference (macros/search_index.py), the query collection passes, a dozen queries typed
into the real box show the right page, and it all works by keyboard, under the CSP, with no other host."""
from __future__ import annotations

import pytest

from macros import norsk, search_index
from tests.site.test_search_queries import QUERIES, top_three_ok

TYPED = ["samtalenotatet", "kartleggingssamtalen", "sosialhjelpsmottakerne", "arshjul", "samtalnotat",
         "KVP", "§17", "20a", "paragraf 20a", "jobbmestring", "Nav Hadsel", "personlig økonomi ungdom"]
"""A dozen from the collection, one or more of each kind."""


@pytest.fixture(scope="module")
def reference(site):
    return search_index.load_site(site)


@pytest.fixture(params=["http", "file"])
def start(request, site, base_url):
    return {"http": base_url + "index.html", "file": (site / "index.html").as_uri()}[request.param]


def open_ready(context, url):
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.evaluate("() => new Promise(done => window.RutineportalenSok.sok.ready(done))")
    return page, errors, requests


def expected(query: str) -> list[str]:
    return next(q["treff"] for q in QUERIES if q["sok"] == query)


def test_javascript_stems_every_word_of_the_site_like_snowball(context, base_url, reference):
    page, errors, _ = open_ready(context, base_url + "index.html")
    words = sorted(reference.vocab.words) + ["samtalenotatet", "stedfortrederen", "forhåndsvarselet", "kapers",
                                              "skapers", "havers", "mottakers", "bokens", "arbeidsledigheten"]
    words = [norsk.fold(w) for w in words]
    stems = page.evaluate("ws => ws.map(window.RutineportalenSok.norsk.stem)", words)
    wrong = [(w, js, norsk.stem(w)) for w, js in zip(words, stems) if js != norsk.stem(w)]
    assert len(words) > 5000 and wrong == []
    assert errors == []


def test_javascript_reads_queries_like_python(context, base_url, reference):
    page, _, _ = open_ready(context, base_url + "index.html")
    queries = [q["sok"] for q in QUERIES] + ["§§ 17 og 20 a", "Økonomisk RÅDGIVNING", "tilgjengelihet"]
    js = page.evaluate("""qs => qs.map(q => window.RutineportalenSok.norsk.parseQuery(q, window.RutineportalenSok.sok.engine.vocab)
        .map(g => [g.word, g.alternatives.map(a => [a.terms, a.prefix, a.fuzzy, a.why])]))""", queries)
    py = [[[g.word, [[list(a.terms), a.prefix, a.fuzzy, a.why] for a in g.alternatives]]
           for g in norsk.parse_query(q, reference.vocab)] for q in queries]
    assert js == py


def test_query_collection_ranks_alike_and_passes(context, start, reference):
    page, errors, requests = open_ready(context, start)
    js = page.evaluate("qs => qs.map(q => window.RutineportalenSok.sok.search(q).slice(0, 3).map(h => h.doc.u))",
                       [q["sok"] for q in QUERIES])
    py = [[h.url for h in reference.search(q["sok"])[:3]] for q in QUERIES]
    assert js == py
    passed = sum(top_three_ok(q, urls) for q, urls in zip(QUERIES, js))
    assert passed / len(QUERIES) >= 0.95, passed
    assert errors == []
    assert [u for u in requests if not u.startswith(("file://", start.split("index.html")[0]))] == []


def test_typed_queries_show_the_right_page(context, start):
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(start)
    box = page.locator("#rp-sok-felt")
    for query in TYPED:
        box.click()
        box.fill("")
        page.keyboard.type(query)
        page.wait_for_function("q => document.querySelector('[data-rp-sok]').getAttribute('data-rp-sok-sporring') === q",
                               arg=query)
        top = page.locator("[data-rp-sok-liste] [role=option]").evaluate_all(
            "els => els.slice(0, 3).map(a => a.getAttribute('data-rp-sok-side'))")
        assert any(u in expected(query) for u in top), (query, top)
    assert errors == []


def test_keyboard_shortcut_arrows_enter_and_escape(context, base_url):
    page = context.new_page()
    page.goto(base_url + "rutiner/index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "rp-sok-felt"
    assert page.is_checked("#__search")
    page.keyboard.type("samtalenotatet")
    page.wait_for_selector("[data-rp-sok-liste] [role=option]")
    box = page.locator("#rp-sok-felt")
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    first = page.locator("[data-rp-sok-liste] [role=option]").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert first.get_attribute("data-rp-sok-side") == "rutiner/samtalenotat.html"
    # the matched word is marked in the title or the snippet
    assert "samtalenotat" in " ".join(first.locator("mark").all_inner_texts()).lower()
    page.wait_for_function("() => document.querySelector('[data-rp-sok-status]').textContent.endsWith('treff')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/rutiner/samtalenotat.html*")
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    assert page.evaluate("document.activeElement.id") != "rp-sok-felt"


def test_filter_by_kind_by_keyboard(context, base_url):
    page = context.new_page()
    page.goto(base_url + "index.html")
    page.keyboard.press("/")
    page.keyboard.type("økonomi")
    page.wait_for_selector("[data-rp-sok-liste] [role=option]")
    kinds = page.locator("[data-rp-sok-liste] [role=option]").evaluate_all(
        "els => new Set(els.map(a => a.getAttribute('data-rp-sok-side').split('/')[0])).size")
    assert kinds > 1
    page.locator('input[name="rp-sok-type"][value="tiltak"]').focus()
    page.keyboard.press("Space")
    sides = page.locator("[data-rp-sok-liste] [role=option]").evaluate_all(
        "els => els.map(a => a.getAttribute('data-rp-sok-side'))")
    assert sides and all(s.startswith("tiltak/") for s in sides)
    page.wait_for_function("() => document.querySelector('[data-rp-sok-status]').textContent.includes('i «Tiltak»')")


def test_search_box_passes_axe_with_results_open(context, base_url):
    from tests.quality import axe_violations

    page = context.new_page()
    page.goto(base_url + "index.html")
    page.keyboard.press("/")
    page.keyboard.type("vilkår")
    page.wait_for_selector("[data-rp-sok-liste] [role=option]")
    page.keyboard.press("ArrowDown")
    assert axe_violations(page) == []


def test_catalogue_filter_reads_norwegian_like_the_search(context, base_url):
    page = context.new_page()
    page.goto(base_url + "tiltak/index.html")
    box = page.locator("#rp-katalog-q")
    for query, wanted in [("rusutfordringene", "oppfolging-av-unge-med-rusutfordringer-haugesund-utsira"),
                          ("okonomisk radgivning", "okonomisk-familieveileder-horten"),
                          ("jobbspesialisten", "jobbspesialist-st-hanshaugen")]:
        box.fill(query)
        shown = page.locator("[data-rp-katalog-liste] > li:not([hidden])").evaluate_all(
            "els => els.map(li => li.getAttribute('data-id'))")
        assert wanted in shown, (query, shown)
        assert len(shown) < 142
