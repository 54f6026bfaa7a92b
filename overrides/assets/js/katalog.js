/* Rutineportalen: the tiltak catalogue filter (tiltak/index.html; the widget "katalog", on [data-rp-katalog]).
   Every tiltak is already in the HTML. This script shows the filter form and filters the list by toggling
   `hidden` on the items: no item is ever rebuilt. The values it filters on are prepared at build time
   (data-fylke, data-tema, ... joined by "|", and data-sok: the distinct search terms of the text, read by
   the same Norwegian rules as the site search, norsk.js).
   Within a filter the ticked options are alternatives (or); different filters must all match (and).
   Each option shows how many tiltak it would give together with the other active filters.
   The state lives in the address (?fylke=Innlandet&tema=arbeid&q=...), so a view can be shared,
   bookmarked and restored on reload; nothing is stored in the browser. */
(function () {
  "use strict";

  var FACETS = ["fylke", "kontor", "maalgruppe", "tema", "paragraf", "rapporttype", "rapportaar", "viderefort"];
  var FOLD = [[/æ/g, "ae"], [/ø/g, "o"], [/å/g, "a"], [/ä/g, "ae"], [/ö/g, "o"], [/aa/g, "a"]];

  /* The same folding as macros/catalogue.py normalise(): "Økonomi" and "okonomi" meet. */
  function normalise(text) {
    var s = String(text || "").toLowerCase();
    for (var i = 0; i < FOLD.length; i++) s = s.replace(FOLD[i][0], FOLD[i][1]);
    return s.replace(/[^0-9a-z]+/g, " ").replace(/^ +| +$/g, "");
  }

  function setup(root) {
    var form = root.querySelector("[data-rp-katalog-filtre]");
    var list = root.querySelector("[data-rp-katalog-liste]");
    var status = root.querySelector("[data-rp-katalog-status]");
    var empty = root.querySelector("[data-rp-katalog-tom]");
    var search = root.querySelector("[data-rp-katalog-sok]");
    var sorter = root.querySelector("[data-rp-katalog-sorter]");
    var reset = root.querySelector("[data-rp-katalog-nullstill]");
    if (!form || !list) return;

    /* Options of each filter: checkbox, count element, and value -> option number. */
    var facets = FACETS.map(function (key) {
      var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + key + '"]'));
      var index = {};
      boxes.forEach(function (box, i) { index[box.value] = i; });
      return {
        key: key,
        boxes: boxes,
        counts: boxes.map(function (box) { return box.parentNode.querySelector("[data-rp-antall]"); }),
        shown: boxes.map(function () { return -1; }),
        index: index,
        selected: boxes.map(function () { return false; }),
        active: 0
      };
    });

    var els = list.children;
    var items = [];
    for (var n = 0; n < els.length; n++) {
      var el = els[n];
      var codes = [];
      for (var f = 0; f < facets.length; f++) {
        var raw = el.getAttribute("data-" + facets[f].key) || "";
        var values = raw ? raw.split("|") : [];
        var c = [];
        for (var v = 0; v < values.length; v++) {
          var code = facets[f].index[values[v]];
          if (code !== undefined) c.push(code);
        }
        codes.push(c);
      }
      items.push({ el: el, codes: codes, sok: " " + (el.getAttribute("data-sok") || "") + " ",
                   text: true, hidden: el.hidden, order: n });
    }
    var total = items.length;
    var lastQuery = "";
    var lastSort = "navn";

    function readForm() {
      facets.forEach(function (facet) {
        facet.active = 0;
        facet.boxes.forEach(function (box, i) {
          facet.selected[i] = box.checked;
          if (box.checked) facet.active++;
        });
      });
    }

    /* The site search's Norwegian reading of what is typed (norsk.js): every word must match a term of
       the tiltak (data-sok, stems from the build), as a prefix of its stem, as a split compound, as an
       abbreviation or its full form, a paragraph, or one of the catalogue's words one typo away. */
    var N = window.RutineportalenSok && window.RutineportalenSok.norsk;
    var vocab = null;

    function alternativeMatches(sok, alt) {
      for (var t = 0; t < alt.terms.length; t++) {
        if (sok.indexOf(" " + alt.terms[t] + (alt.prefix ? "" : " ")) < 0) return false;
      }
      return true;
    }

    function matchText(raw) {
      if (!vocab) {
        var seen = [];
        items.forEach(function (item) { item.sok.split(" ").forEach(function (w) { if (w) seen.push(w); }); });
        vocab = new N.Vocabulary({}, seen);
      }
      var groups = raw ? N.parseQuery(raw, vocab) : [];
      for (var i = 0; i < items.length; i++) {
        var item = items[i], ok = true;
        for (var g = 0; g < groups.length && ok; g++) {
          var alts = groups[g].alternatives, any = false;
          for (var a = 0; a < alts.length && !any; a++) any = alternativeMatches(item.sok, alts[a]);
          ok = any;
        }
        item.text = ok;
      }
    }

    function update() {
      readForm();
      var query = search.value.replace(/^\s+|\s+$/g, "");
      if (query !== lastQuery) { matchText(query); lastQuery = query; }
      var nf = facets.length;
      var counts = facets.map(function (facet) {
        var a = new Array(facet.boxes.length);
        for (var i = 0; i < a.length; i++) a[i] = 0;
        return a;
      });
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var failed = 0, failedFacet = -1;
        if (item.text) {
          for (var f = 0; f < nf && failed < 2; f++) {
            var facet = facets[f];
            if (!facet.active) continue;
            var codes = item.codes[f], pass = false;
            for (var k = 0; k < codes.length; k++) {
              if (facet.selected[codes[k]]) { pass = true; break; }
            }
            if (!pass) { failed++; failedFacet = f; }
          }
          if (failed === 0) {
            for (var g = 0; g < nf; g++) {
              var cg = item.codes[g], count = counts[g];
              for (var m = 0; m < cg.length; m++) count[cg[m]]++;
            }
          } else if (failed === 1) {
            // It would show if this one filter allowed it: it counts for that filter's options.
            var cf = item.codes[failedFacet], countf = counts[failedFacet];
            for (var j = 0; j < cf.length; j++) countf[cf[j]]++;
          }
        } else {
          failed = 1;
        }
        var hide = failed > 0;
        if (!hide) shown++;
        if (item.hidden !== hide) { item.el.hidden = hide; item.hidden = hide; }
      }
      facets.forEach(function (facet, f) {
        for (var i = 0; i < facet.counts.length; i++) {
          if (facet.shown[i] !== counts[f][i]) {
            facet.shown[i] = counts[f][i];
            if (facet.counts[i]) facet.counts[i].textContent = String(counts[f][i]);
          }
        }
      });
      status.textContent = "Viser " + shown + " av " + total + " tiltak";
      if (empty) empty.hidden = shown > 0;
      sortList();
      writeUrl();
    }

    function sortKey(item, key) {
      return item.el.getAttribute("data-" + key) || "";
    }

    function sortList() {
      var key = sorter ? sorter.value : "navn";
      if (key === lastSort) return;
      lastSort = key;
      var ordered = items.slice();
      if (key !== "navn") {
        var collator = window.Intl && Intl.Collator ? new Intl.Collator("nb") : null;
        var keys = ordered.map(function (item) { return sortKey(item, key); });
        ordered = ordered.map(function (item, i) { return { item: item, key: keys[i] }; });
        ordered.sort(function (a, b) {
          var c = collator ? collator.compare(a.key, b.key) : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
          return c || a.item.order - b.item.order;
        });
        ordered = ordered.map(function (x) { return x.item; });
      }
      var fragment = document.createDocumentFragment();
      ordered.forEach(function (item) { fragment.appendChild(item.el); });
      list.appendChild(fragment);
    }

    function writeUrl() {
      var parts = [];
      facets.forEach(function (facet) {
        facet.boxes.forEach(function (box) {
          if (box.checked) parts.push(facet.key + "=" + encodeURIComponent(box.value));
        });
      });
      if (search.value.replace(/^\s+|\s+$/g, "")) parts.push("q=" + encodeURIComponent(search.value));
      if (sorter && sorter.value !== "navn") parts.push("sorter=" + encodeURIComponent(sorter.value));
      var url = window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    }

    function readUrl() {
      var params = {};
      window.location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
        if (!pair) return;
        var at = pair.indexOf("=");
        var key = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, " "));
        var value = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
        (params[key] = params[key] || []).push(value);
      });
      facets.forEach(function (facet) {
        var wanted = params[facet.key] || [];
        facet.boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
      });
      search.value = params.q ? params.q[0] : "";
      if (sorter && params.sorter) {
        for (var i = 0; i < sorter.options.length; i++) {
          if (sorter.options[i].value === params.sorter[0]) sorter.value = params.sorter[0];
        }
      }
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target !== search) update();
    });
    search.addEventListener("input", update);
    if (reset) {
      reset.addEventListener("click", function () {
        facets.forEach(function (facet) { facet.boxes.forEach(function (box) { box.checked = false; }); });
        search.value = "";
        if (sorter) sorter.value = "navn";
        update();
      });
    }
    form.hidden = false;
    readUrl();
    update();
  }

  window.rpMount("katalog", "[data-rp-katalog]", setup);
  window.Rutineportalen = window.Rutineportalen || {};
  window.Rutineportalen.katalog = { normalise: normalise };  // for tests; not called on page load
})();
