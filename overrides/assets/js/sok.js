/* Rutineportalen: the site search in the header (overrides/partials/search.html).
   The index (assets/js/sokeindeks.js, from macros/search_index.py) and MiniSearch
   (vendor/minisearch.js) load with <script src> the first time search opens, so it works from disk
   and under `script-src 'self'`. Queries are read by norsk.js (stems, compounds, æøå, one typo,
   abbreviations, paragraphs); MiniSearch ranks with BM25 over title, heading, office, kommuner and
   text. macros/search_index.py Index does the same in Python for the tests.
   Nothing typed is stored: the query lives in the box and is gone when the page closes.
   The box is the widget "sok" (on [data-rp-sok]); the shortcut that opens it is a document listener
   registered once through rpMount.global (mount.js). */
(function () {
  "use strict";
  var RP = (window.RutineportalenSok = window.RutineportalenSok || {});
  var N = RP.norsk;
  var me = document.currentScript;
  if (!N || !me || RP.sok) return;  // RP.sok: this script has already run on this page
  var here = me.src.replace(/[?#].*$/, "");
  var base = here.replace(/assets\/js\/sok\.js$/, "");
  var MAX = 20;
  var SNIPPET = 180;
  var HAS = Object.prototype.hasOwnProperty;

  /* ---------- the engine ---------- */
  var engine = null;
  var loading = [];

  function fieldValue(doc, name) {
    if (name === "tittel") return doc.t;
    if (name === "overskrift") return doc.h;
    if (name === "kontor") return doc.ko || "";
    if (name === "kommuner") return doc.km || "";
    if (doc.d) return doc.d.map(function (p) { return p[0] + " " + p[2]; }).join(" ");
    return doc.x;
  }

  function build() {
    var t0 = performance.now();
    var data = RP.sokeindeks;
    var seen = new Set();
    var term = N.indexTerm(data.stammer);
    var mini = new window.MiniSearch({
      fields: data.felt,
      idField: "id",
      extractField: function (doc, name) { return name === "id" ? doc.id : fieldValue(doc, name); },
      tokenize: function (text) {
        var ws = N.words(text);
        for (var i = 0; i < ws.length; i++) seen.add(ws[i]);
        return ws;
      },
      processTerm: term,
      searchOptions: {
        boost: data.vekt,
        tokenize: function (s) { return [s]; },
        processTerm: function (t) { return t; }
      }
    });
    mini.addAll(data.dokumenter);
    var byId = new Map();
    data.dokumenter.forEach(function (d) { byId.set(d.id, d); });
    engine = { mini: mini, byId: byId, vocab: new N.Vocabulary(data.stammer, seen), term: term, typer: data.typer,
               buildMs: performance.now() - t0 };
    RP.sok.engine = engine;
    document.documentElement.setAttribute("data-rp-sok-klar", "1");
    var waiting = loading;
    loading = null;
    waiting.forEach(function (f) { f(); });
  }

  function addScript(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    s.onerror = function () { setStatus("Søket kunne ikke lastes."); };
    document.head.appendChild(s);
  }

  /* Load MiniSearch and the index once; call `then` when search is ready. */
  function ready(then) {
    if (engine) { if (then) then(); return; }
    if (then) loading.push(then);
    if (loading.started) return;
    loading.started = true;
    RP.sok.lastStart = performance.now();
    var left = 2;
    function one() { if (--left === 0) build(); }
    if (window.MiniSearch) one(); else addScript(base + "assets/js/vendor/minisearch.js", one);
    if (RP.sokeindeks) one(); else addScript(base + "assets/js/sokeindeks.js", one);
  }

  function toQuery(groups) {
    return {
      combineWith: "OR",
      queries: groups.map(function (g) {
        return {
          combineWith: "OR",
          queries: g.alternatives.map(function (a) {
            var specs = a.terms.map(function (t) { return { queries: [t], prefix: a.prefix, fuzzy: a.fuzzy }; });
            return specs.length === 1 ? specs[0] : { combineWith: "AND", queries: specs };
          })
        };
      })
    };
  }

  /* Results by page, best first: each page once, with its best section and the matched terms. */
  function search(query) {
    var groups = N.parseQuery(query, engine.vocab);
    if (!groups.length) return [];
    var raw = engine.mini.search(toQuery(groups));
    var pages = [];
    var seen = new Set();
    for (var i = 0; i < raw.length; i++) {
      var doc = engine.byId.get(raw[i].id);
      if (seen.has(doc.u)) continue;
      seen.add(doc.u);
      pages.push({ doc: doc, score: raw[i].score, terms: new Set(raw[i].terms) });
    }
    return pages;
  }

  /* ---------- snippets ---------- */
  var SPAN = /§+\s*\d+(?:\s*[a-hA-H](?![0-9A-Za-zÆØÅæøåÄÖäöÉéÈèÊêÁáÀàÓóÒòÔôÜüÇç]))?|[0-9A-Za-zÆØÅæøåÄÖäöÉéÈèÊêÁáÀàÓóÒòÔôÜüÇç]+/g;

  function marks(text, terms) {
    var out = [];
    var m;
    SPAN.lastIndex = 0;
    while ((m = SPAN.exec(text))) {
      var ws = N.words(m[0]);
      for (var i = 0; i < ws.length; i++) {
        var t = engine.term(ws[i]);
        if (t && terms.has(t)) { out.push([m.index, m.index + m[0].length]); break; }
      }
    }
    return out;
  }

  function bestPart(hit) {
    var doc = hit.doc;
    if (!doc.d) return { heading: doc.h, anchor: doc.a, text: doc.x, marks: marks(doc.x, hit.terms) };
    var best = null;
    doc.d.forEach(function (p) {
      var ms = marks(p[2], hit.terms);
      if (!best || ms.length > best.marks.length) best = { heading: p[0], anchor: p[1], text: p[2], marks: ms };
    });
    return best;
  }

  function snippet(el, part) {
    var text = part.text;
    var first = part.marks.length ? part.marks[0][0] : 0;
    var start = Math.max(0, first - 60);
    if (start > 0) { var sp = text.indexOf(" ", start); start = sp >= 0 && sp < first ? sp + 1 : start; }
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) { var sp2 = text.lastIndexOf(" ", end); end = sp2 > start ? sp2 : end; }
    if (start > 0) el.appendChild(document.createTextNode("… "));
    var pos = start;
    part.marks.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      el.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      el.appendChild(mark);
      pos = r[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos, end) + (end < text.length ? " …" : "")));
  }

  function markTitle(el, text, terms) {
    var pos = 0;
    marks(text, terms).forEach(function (r) {
      el.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      el.appendChild(mark);
      pos = r[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  /* ---------- the box ---------- */
  var root, input, list, status, filter, toggle;
  var active = -1;
  var lastQuery = null;
  var statusTimer = null;

  function setStatus(text) {
    if (status && status.textContent !== text) status.textContent = text;
  }

  function kind() {
    var checked = filter && filter.querySelector("input:checked");
    return checked ? checked.value : "";
  }

  function options() { return list.querySelectorAll('[role="option"]'); }

  function setActive(n) {
    var opts = options();
    if (active >= 0 && opts[active]) {
      opts[active].setAttribute("aria-selected", "false");
      opts[active].parentNode.classList.remove("rp-sok__aktiv");
    }
    active = n;
    if (n >= 0 && opts[n]) {
      opts[n].setAttribute("aria-selected", "true");
      opts[n].parentNode.classList.add("rp-sok__aktiv");
      input.setAttribute("aria-activedescendant", opts[n].id);
      opts[n].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function describe(n, k) {
    var label = k ? " i «" + engine.typer[k] + "»" : "";
    if (n === 0) return "Ingen treff" + label;
    return (n === 1 ? "1 treff" : n + " treff") + label + (n > MAX ? ", viser de " + MAX + " beste" : "");
  }

  function render(query) {
    var k = kind();
    var all = search(query);
    var counts = { "": all.length };
    all.forEach(function (h) { counts[h.doc.k] = (counts[h.doc.k] || 0) + 1; });
    filter.querySelectorAll("[data-rp-sok-antall]").forEach(function (el) {
      el.textContent = "(" + (counts[el.getAttribute("data-rp-sok-antall")] || 0) + ")";
    });
    var hits = k ? all.filter(function (h) { return h.doc.k === k; }) : all;
    list.textContent = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
    hits.slice(0, MAX).forEach(function (hit, i) {
      var part = bestPart(hit);
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      li.setAttribute("role", "presentation");
      var a = document.createElement("a");
      a.className = "md-search-result__link rp-sok__treff";
      a.id = "rp-sok-valg-" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      a.href = new URL(hit.doc.u + (part.anchor ? "#" + part.anchor : ""), base).href;
      a.setAttribute("data-rp-sok-side", hit.doc.u);
      var article = document.createElement("span");
      article.className = "md-search-result__article md-typeset rp-sok__artikkel";
      var title = document.createElement("span");
      title.className = "rp-sok__tittel";
      markTitle(title, hit.doc.t, hit.terms);
      var where = document.createElement("span");
      where.className = "rp-sok__hvor";
      var place = [engine.typer[hit.doc.k]];
      if (hit.doc.ko) place.push(hit.doc.ko);
      if (part.heading) place.push(part.heading);
      where.textContent = place.join(" › ");
      var text = document.createElement("span");
      text.className = "rp-sok__utdrag";
      if (part.text) snippet(text, part);
      article.appendChild(title);
      article.appendChild(where);
      if (part.text) article.appendChild(text);
      a.appendChild(article);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
    clearTimeout(statusTimer);
    var message = describe(hits.length, k);
    // Announce once typing pauses, not on every key.
    statusTimer = setTimeout(function () { setStatus(message); }, 250);
    root.setAttribute("data-rp-sok-antall", String(hits.length));
    root.setAttribute("data-rp-sok-sporring", query);
  }

  function update() {
    var query = input.value;
    if (!query.trim()) {
      lastQuery = "";
      list.textContent = "";
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      filter.querySelectorAll("[data-rp-sok-antall]").forEach(function (el) { el.textContent = ""; });
      setStatus("Skriv for å søke");
      root.removeAttribute("data-rp-sok-antall");
      return;
    }
    if (!engine) { setStatus("Laster søket …"); ready(update); return; }
    lastQuery = query;
    render(query);
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    ready();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    setActive(-1);
    input.blur();
  }

  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function setup(box) {
    var switcher = document.getElementById("__search");
    if (!switcher) return;
    root = box;
    toggle = switcher;
    input = root.querySelector("[data-rp-sok-felt]");
    list = root.querySelector("[data-rp-sok-liste]");
    status = root.querySelector("[data-rp-sok-status]");
    filter = root.querySelector("[data-rp-sok-filter]");
    var form = root.querySelector("[data-rp-sok-skjema]");

    input.addEventListener("focus", function () {
      if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
      ready();
    });
    input.addEventListener("input", update);
    // Start loading when the pointer comes near search: the index is usually ready by the first key
    // (the header's search button: see the document listeners below).
    root.addEventListener("pointerenter", function () { ready(); });
    filter.addEventListener("change", function () { if (engine && input.value.trim()) render(input.value); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { update(); input.focus(); }, 0); });
    input.addEventListener("keydown", function (e) {
      var n = options().length;
      if (e.key === "ArrowDown" && n) { e.preventDefault(); setActive((active + 1) % n); }
      else if (e.key === "ArrowUp" && n) { e.preventDefault(); setActive(active <= 0 ? n - 1 : active - 1); }
      else if (e.key === "Enter") {
        e.preventDefault();
        var opts = options();
        var target = opts[active >= 0 ? active : 0];
        if (target) window.location.href = target.href;
      } else if (e.key === "Escape") { e.preventDefault(); close(); }
    });
    root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && e.target !== input) { e.preventDefault(); close(); }
    });
  }

  RP.sok = { ready: ready, search: function (q) { return search(q); }, engine: null, lastStart: null };
  window.rpMount("sok", "[data-rp-sok]", setup);
  /* Listeners outside the box, on the document, so a new page (or a new box) never adds them again:
     Material's shortcut / (or s, f) opens search from anywhere but a text field; Material's search
     switch (#__search, in the header) focuses the box; the header's search button starts loading. */
  window.rpMount.global("sok-snarvei", function () {
    function mounted() { return input && document.contains(input); }
    document.addEventListener("keydown", function (e) {
      if (!mounted() || e.ctrlKey || e.metaKey || e.altKey || editable(document.activeElement)) return;
      if (e.key === "/" || e.key === "s" || e.key === "f") { e.preventDefault(); open(); }
    });
    document.addEventListener("change", function (e) {
      if (mounted() && e.target === toggle && toggle.checked) { input.focus(); ready(); }
    }, true);
    document.addEventListener("pointerover", function (e) {
      if (mounted() && e.target.closest && e.target.closest('label[for="__search"]')) ready();
    });
  });
})();
