/* Rutineportalen: the tool buttons (the widget "verktoy", on [data-rp-verktoy]). They need JavaScript,
   so the templates ship them hidden and this shows them; without it the page still reads and prints.
   Each button's own widget (skriv-ut.js, sjekkliste.js, kopier.js, oppsummering.js) gives it its action. */
(function () {
  "use strict";
  window.rpMount("verktoy", "[data-rp-verktoy]", function (root) { root.hidden = false; });
})();
