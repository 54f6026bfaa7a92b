/* Rutineportalen: interactive checklists (the widget "sjekkliste", on [data-rp-lagring]).
   Only booleans are stored (which boxes are ticked), under "<prefix><item id>:<text fingerprint>"
   where the prefix holds the document id and version, so a new version starts clean, and an id
   that comes to stand for another text does not inherit the tick. Nothing typed into a
   field is ever stored (taushetsplikt). Mounted by mount.js, once per list. */
(function () {
  "use strict";

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function keyOf(prefix, box) {
    return prefix + box.getAttribute("data-rp-sjekk") + ":" + box.getAttribute("data-rp-tekst");
  }

  // Ticks of other versions, and of items whose text has changed, are removed.
  function forgetStale(docId, keys) {
    var s = store();
    if (!s) return;
    var base = "rutineportalen:" + docId + ":";
    for (var i = s.length - 1; i >= 0; i--) {
      var key = s.key(i);
      if (key && key.indexOf(base) === 0 && keys.indexOf(key) === -1) s.removeItem(key);
    }
  }

  function progressText(done, total) {
    return done + " av " + total + " punkter er krysset av";
  }

  function setup(root) {
    var prefix = root.getAttribute("data-rp-lagring");
    var docId = root.getAttribute("data-rp-dokument");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[data-rp-sjekk]"));
    var progress = root.querySelector("[data-rp-fremdrift]");
    var s = store();
    forgetStale(docId, boxes.map(function (box) { return keyOf(prefix, box); }));

    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      if (progress) progress.textContent = progressText(done, boxes.length);
    }

    boxes.forEach(function (box) {
      var key = keyOf(prefix, box);
      box.checked = !!(s && s.getItem(key) === "1");
      box.addEventListener("change", function () {
        if (s) {
          if (box.checked) s.setItem(key, "1"); else s.removeItem(key);
        }
        update();
      });
    });

    root.querySelectorAll("[data-rp-nullstill]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (!window.confirm("Vil du fjerne alle avkrysninger i denne listen?")) return;
        boxes.forEach(function (box) {
          box.checked = false;
          if (s) s.removeItem(keyOf(prefix, box));
        });
        update();
        if (progress) progress.focus();
      });
    });
    update();
  }

  window.rpMount("sjekkliste", "[data-rp-lagring]", setup);
})();
