/* Rutineportalen: the print button above a routine or form (the widget "skriv-ut", on [data-rp-skriv-ut]).
   The print stylesheet decides what is printed. */
(function () {
  "use strict";
  window.rpMount("skriv-ut", "[data-rp-skriv-ut]", function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
