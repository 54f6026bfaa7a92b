/* Rutineportalen: the "Kopier mal" button (the widget "kopier-mal", on [data-rp-kopier]) puts the
   template text of its document ([data-rp-mal-tekst]) on the clipboard and says so in its status line. */
(function () {
  "use strict";

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
  }

  function setup(button) {
    var root = button.closest("[data-rp-dokument]");
    var source = root.querySelector("[data-rp-mal-tekst]");
    var status = root.querySelector("[data-rp-kopier-status]");
    button.addEventListener("click", function () {
      var text = source.textContent.trim() + "\n";
      function done() { status.textContent = "Malen er kopiert. Lim den inn i fagsystemet."; }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else { fallback(text); done(); }
    });
  }

  window.rpMount("kopier-mal", "[data-rp-kopier]", setup);
})();
