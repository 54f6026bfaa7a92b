/* Rutineportalen: abbreviations from the glossary (<abbr>, made by the Markdown abbr extension)
   can be reached by keyboard, so the explanation (Material's tooltip, or the title) shows on
   focus as well as on hover (the widget "ordliste", on every abbreviation of the page content). */
(function () {
  "use strict";
  window.rpMount("ordliste", ".md-content abbr", function (abbr) {
    if (!abbr.hasAttribute("tabindex")) abbr.setAttribute("tabindex", "0");
  });
})();
