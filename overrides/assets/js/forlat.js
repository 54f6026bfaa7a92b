/* Rutineportalen: a warning before leaving a page with marks that are not stored (the widget
   "ulagret", on the stikkprøve summary and form). Typing or choosing in one of them makes it
   unsaved; a link out of the page, or closing it, then asks first. The question for links is in our
   own words (the browser's own prompt for beforeunload cannot carry a text; the link check also covers
   Material's instant navigation). The window listeners are registered once, through rpMount.global. */
(function () {
  "use strict";
  var SELECTOR = "[data-rp-oppsummering], .rp-skjema";
  var unsaved = new WeakSet();

  function hasMarks(root) {
    return Array.prototype.some.call(root.querySelectorAll("select, input, textarea"),
      function (el) { return el.type === "radio" ? el.checked : el.value !== ""; });
  }

  function anyUnsaved() {
    return Array.prototype.some.call(document.querySelectorAll(SELECTOR),
      function (root) { return unsaved.has(root) && hasMarks(root); });
  }

  window.rpMount("ulagret", SELECTOR, function (root) {
    root.addEventListener("input", function () { unsaved.add(root); });
  });

  window.rpMount.global("ulagret-forlat-siden", function () {
    window.addEventListener("beforeunload", function (event) {
      if (anyUnsaved()) { event.preventDefault(); event.returnValue = ""; }
    });
    window.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || link.getAttribute("href").charAt(0) === "#" || !anyUnsaved()) return;
      if (!window.confirm("Du har markeringer som ikke lagres. Vil du forlate siden?")) {
        event.preventDefault();
        event.stopImmediatePropagation();
      } else {
        unsaved = new WeakSet();
      }
    }, true);
  });
})();
