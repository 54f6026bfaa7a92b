/* Rutineportalen: Norwegian text rules for search, the browser side of macros/norsk.py.
   The patterns, folding pairs, stop words and abbreviations come from the build
   (assets/js/sokeregler.js, written from macros/norsk.py), so they cannot drift apart. Written here
   by hand: the glue, compound splitting, and a port of Snowball's Norwegian stemmer (Snowball 3.0.1,
   the version of the snowballstemmer package the build uses) for query words the site does not
   use; tests/browser/test_search_browser.py checks it gives Python's stem for every word of the site. */
(function () {
  "use strict";
  var RP = (window.RutineportalenSok = window.RutineportalenSok || {});
  var R = RP.norskRegler;
  if (!R) return;

  var LIST = new RegExp(R.liste, "g");
  var NUMBER = new RegExp(R.tall, "g");
  var PARAGRAPH = new RegExp(R.paragraf, "g");
  var BARE = new RegExp(R.bar, "g");
  var WORD = new RegExp(R.ord, "g");
  var STOP = new Set(R.stoppord);
  var TYPO = R.skrivefeilFra;
  var MIN_PART = R.minDel;
  var LINKS = R.fuger;

  /* The single letters in one pass, then the longer pairs («aa»), in the build's order. */
  var LETTER = {}, LETTERS = "", PAIRS = [];
  R.fold.forEach(function (p) {
    if (p[0].length === 1) { LETTER[p[0]] = p[1]; LETTERS += p[0]; } else PAIRS.push(p);
  });
  var LETTER_RE = new RegExp("[" + LETTERS + "]", "g");
  function letter(ch) { return LETTER[ch]; }
  function fold(text) {
    var s = String(text == null ? "" : text).normalize("NFC").toLowerCase().replace(LETTER_RE, letter);
    for (var i = 0; i < PAIRS.length; i++) s = s.split(PAIRS[i][0]).join(PAIRS[i][1]);
    return s;
  }

  function para(_, number, letter) { return " §" + number + (letter || "") + " "; }

  function paragraphs(folded) {
    folded = folded.replace(LIST, function (m) { return m.slice(2).replace(NUMBER, para); });
    return folded.replace(PARAGRAPH, para).replace(BARE, para);
  }

  /* The folded words of a text, paragraph references as one word each («§20a»). */
  function words(text) {
    return paragraphs(fold(text)).match(WORD) || [];
  }

  /* Folded words joined by spaces, as macros/norsk.py normalise(). */
  function normalise(text) {
    return (fold(text).split("§").join(" ").match(WORD) || []).join(" ");
  }

  function literal(word) { return word.charAt(0) === "§" || /^[0-9]+$/.test(word); }

  /* ---------- Snowball's Norwegian stemmer (norwegian.sbl, Snowball 3.0.1) ---------- */
  var V = "aeêioòóôuyæåø";
  var S_ENDING = "bcdfghjlmnoptvyz";
  function byLength(a, b) { return b[0].length - a[0].length; }
  var MAIN = [["a", 1], ["e", 1], ["ede", 1], ["ande", 1], ["ende", 1], ["ane", 1], ["ene", 1], ["hetene", 1],
              ["erte", 4], ["en", 1], ["heten", 1], ["ar", 1], ["er", 1], ["heter", 1], ["s", 3], ["as", 1],
              ["es", 1], ["edes", 1], ["endes", 1], ["enes", 1], ["hetenes", 1], ["ens", 1], ["hetens", 1],
              ["ers", 2], ["ets", 1], ["et", 1], ["het", 1], ["ert", 4], ["ast", 1]].sort(byLength);
  var BEFORE_ERS = [["", 1], ["ind", 0], ["kk", 0], ["nk", 0], ["amm", 0], ["omm", 0], ["kap", 0], ["skap", 1],
                    ["pp", 0], ["lt", 0], ["ast", 0], ["øst", 0], ["v", 0], ["hav", 1], ["giv", 1]].sort(byLength);
  var OTHER = [["leg"], ["eleg"], ["ig"], ["eig"], ["lig"], ["elig"], ["els"], ["lov"], ["elov"], ["slov"],
               ["hetslov"]].sort(byLength);
  function vowel(ch) { return ch !== undefined && V.indexOf(ch) >= 0; }
  function endsWith(w, end, s) { return end >= s.length && w.slice(end - s.length, end) === s; }

  function region(w) {
    var p1 = w.length;
    if (w.length < 3) return p1;
    var i = 0;
    while (i < w.length && !vowel(w[i])) i++;
    if (i >= w.length) return p1;
    i++;
    while (i < w.length && vowel(w[i])) i++;
    if (i >= w.length) return p1;
    i++;
    return Math.max(i, 3);
  }

  function longest(w, table, p1) {
    for (var i = 0; i < table.length; i++) {
      var s = table[i][0];
      if (endsWith(w, w.length, s) && w.length - s.length >= p1) return table[i];
    }
    return null;
  }

  function snowball(w) {
    var p1 = region(w);
    if (w.length < p1) return w;
    var m = longest(w, MAIN, p1);
    if (m) {
      var i = w.length - m[0].length;
      if (m[1] === 1) w = w.slice(0, i);
      else if (m[1] === 4) w = w.slice(0, i) + "er";
      else if (m[1] === 2) {
        var before = w.slice(0, i);
        for (var b = 0; b < BEFORE_ERS.length; b++) {
          if (endsWith(before, before.length, BEFORE_ERS[b][0])) {
            if (BEFORE_ERS[b][1] === 1) w = before;
            break;
          }
        }
      } else {
        var c = w[i - 1];
        var ok = i >= 1 && (S_ENDING.indexOf(c) >= 0 ||
                            (c === "r" && !(i >= 2 && w[i - 2] === "e")) ||
                            (c === "k" && i >= 2 && !vowel(w[i - 2])));
        if (ok) w = w.slice(0, i);
      }
    }
    if (w.length >= p1 && (endsWith(w, w.length, "dt") || endsWith(w, w.length, "vt")) && w.length - 2 >= p1) {
      w = w.slice(0, -1);
    }
    if (w.length >= p1) {
      var o = longest(w, OTHER, p1);
      if (o) w = w.slice(0, w.length - o[0].length);
    }
    return w;
  }

  function stem(word) { return literal(word) ? word : snowball(word); }

  /* ---------- the site's vocabulary, compounds and queries (macros/norsk.py) ---------- */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    if (la > lb) { var t = a; a = b; b = t; la = a.length; lb = b.length; }
    var i = 0;
    while (i < la && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
    return a.slice(i) === b.slice(i + 1);
  }

  function splitCompound(word, known, final) {
    var n = word.length;
    function split(start, partsLeft) {
      var rest = word.slice(start);
      var last = start && rest.length >= MIN_PART ? final(rest) : null;
      if (last) return [last];
      if (partsLeft === 1) return null;
      for (var end = n - MIN_PART; end >= start + MIN_PART; end--) {
        var head = word.slice(start, end);
        if (!known.has(head)) continue;
        for (var skip = 0; skip < 2; skip++) {
          var next = end + skip;
          if (skip && (next > n - MIN_PART || LINKS.indexOf(word[end]) < 0)) continue;
          var tail = split(next, partsLeft - 1);
          if (tail) return [head].concat(tail);
        }
      }
      return null;
    }
    return split(0, 2) || split(0, 3);
  }

  /* The words of the site and their stems (`stems` holds those that differ from the word). */
  function Vocabulary(stems, wordsSeen, abbreviations) {
    var self = this;
    this.stems = stems;
    this.words = new Set();
    this.terms = new Set();
    this.known = new Set();
    wordsSeen.forEach(function (w) {
      if (literal(w)) return;
      self.words.add(w);
      var s = Object.prototype.hasOwnProperty.call(stems, w) ? stems[w] : w;
      self.terms.add(s);
      if (w.length >= MIN_PART) self.known.add(w);
      if (s.length >= MIN_PART) self.known.add(s);
    });
    this.abbreviations = (abbreviations || R.forkortelser).map(function (a) { return { short: a[0], full: a[1] }; });
  }
  /* Up to naerOrd words of the site one edit away from a word it does not use (alphabetical). */
  Vocabulary.prototype.near = function (word) {
    if (!this.sorted) this.sorted = Array.from(this.words).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    var found = [];
    for (var i = 0; i < this.sorted.length && found.length < R.naerOrd; i++) {
      var w = this.sorted[i];
      if (Math.abs(w.length - word.length) <= 1 && withinOneEdit(word, w)) found.push(w);
    }
    return found;
  };
  Vocabulary.prototype.stem = function (word) {
    if (Object.prototype.hasOwnProperty.call(this.stems, word)) return this.stems[word];
    return stem(word);
  };
  Vocabulary.prototype.final = function (part) {
    for (var i = 0; i < R.endelser.length; i++) {
      var base = part.slice(0, part.length - R.endelser[i].length);
      if (base.length >= MIN_PART && this.known.has(base)) return base;
    }
    return this.terms.has(this.stem(part)) ? part : null;
  };
  Vocabulary.prototype.split = function (word) {
    var self = this;
    return splitCompound(word, this.known, function (p) { return self.final(p); });
  };

  function related(a, b) {
    var s = a.length <= b.length ? a : b, l = a.length <= b.length ? b : a;
    return l.indexOf(s) === 0 && s.length >= TYPO;
  }

  /* One group per query word, each with its readings: {terms, prefix, fuzzy, why}. */
  function parseQuery(query, vocab) {
    var groups = [];
    words(query).forEach(function (word) {
      if (STOP.has(word) || (word.length === 1 && !/[0-9]/.test(word))) return;
      var alts = [];
      if (word.charAt(0) === "§") {
        alts.push({ terms: [word], prefix: false, fuzzy: 0, why: "paragraf" });
      } else if (/^[0-9]+$/.test(word)) {
        alts.push({ terms: [word], prefix: false, fuzzy: 0, why: "tall" });
        alts.push({ terms: ["§" + word], prefix: false, fuzzy: 0, why: "paragraf" });
      } else {
        var base = vocab.stem(word);
        alts.push({ terms: [base], prefix: true, fuzzy: word.length >= TYPO ? 1 : 0, why: "ord" });
        vocab.abbreviations.forEach(function (a) {
          if (a.short === word) alts.push({ terms: a.full.slice(), prefix: a.full.length === 1, fuzzy: 0, why: "forkortelse" });
          else if (a.full.length === 1 && related(base, a.full[0])) alts.push({ terms: [a.short], prefix: false, fuzzy: 0, why: "fullform" });
        });
        if (word.length >= TYPO && !vocab.words.has(word)) {
          vocab.near(word).forEach(function (near) {
            alts.push({ terms: [vocab.stem(near)], prefix: true, fuzzy: 0, why: "skrivefeil" });
          });
        }
        if (!vocab.terms.has(base)) {
          var parts = vocab.split(word);
          if (parts) {
            var stems = [];
            parts.forEach(function (p) { var s = vocab.stem(p); if (stems.indexOf(s) < 0) stems.push(s); });
            alts.push({ terms: stems, prefix: true, fuzzy: 0, why: "sammensatt" });
          }
        }
      }
      groups.push({ word: word, alternatives: alts });
    });
    return groups;
  }

  /* What a word is indexed as: its stem from the build, or nothing for a stop word. */
  function indexTerm(stems) {
    return function (word) {
      if (STOP.has(word)) return null;
      return Object.prototype.hasOwnProperty.call(stems, word) ? stems[word] : word;
    };
  }

  RP.norsk = {
    fold: fold, paragraphs: paragraphs, words: words, normalise: normalise, stem: stem,
    withinOneEdit: withinOneEdit, splitCompound: splitCompound, Vocabulary: Vocabulary,
    parseQuery: parseQuery, indexTerm: indexTerm, stopwords: STOP
  };
})();
