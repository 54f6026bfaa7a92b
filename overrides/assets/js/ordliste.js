/* Rutineportalen: abbreviations from the glossary (<abbr>, made by the Markdown abbr extension)
   can be reached by keyboard, so the explanation (Material's tooltip, or the title) shows on
   focus as well as on hover. Re-run on every page load, also after instant navigation. */
(function () {
  "use strict";
  window.Rutineportalen = window.Rutineportalen || {};
  window.Rutineportalen.ordliste = function () {
    var abbrs = document.querySelectorAll(".md-content abbr");
    for (var i = 0; i < abbrs.length; i++) {
      if (!abbrs[i].hasAttribute("tabindex")) abbrs[i].setAttribute("tabindex", "0");
    }
  };
})();
