/* Internkontroll summary on a stikkprøve page (the widget "oppsummering", on [data-rp-oppsummering]):
   sampled cases are columns identified only by a running number; each point gets ja/nei per case;
   the page shows the share met per point and highlights points with avvik. Nothing is stored;
   forlat.js warns before the page is left while marks exist. */
(function () {
  "use strict";

  function percent(ja, total) { return Math.round((100 * ja) / total); }

  function setup(section) {
    var table = section.querySelector("table");
    var headRow = table.tHead.rows[0];
    var shareHead = headRow.querySelector(".rp-andel");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var status = section.querySelector("[data-rp-oppsummering-status]");
    var cases = 0;

    function recompute() {
      var avvik = 0;
      rows.forEach(function (row, i) {
        var selects = row.querySelectorAll("select");
        var ja = 0, nei = 0;
        selects.forEach(function (s) { if (s.value === "ja") ja++; else if (s.value === "nei") nei++; });
        var cell = row.querySelector("[data-rp-andel]");
        var total = ja + nei;
        cell.textContent = total ? ja + " av " + total + " (" + percent(ja, total) + " %)" + (nei ? " – avvik" : "") : "–";
        row.classList.toggle("rp-avvik", nei > 0);
        cell.setAttribute("data-rp-ja", String(ja));
        cell.setAttribute("data-rp-nei", String(nei));
        if (nei > 0) avvik++;
      });
      status.textContent = cases === 0 ? "Ingen saker er lagt inn ennå."
        : cases + (cases === 1 ? " sak" : " saker") + " lagt inn. " +
          (avvik === 0 ? "Ingen punkter med avvik." : avvik + (avvik === 1 ? " punkt" : " punkter") + " med avvik.");
    }

    function addCase() {
      cases++;
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = "Sak " + cases;
      headRow.insertBefore(th, shareHead);
      rows.forEach(function (row, i) {
        var td = document.createElement("td");
        var select = document.createElement("select");
        select.setAttribute("aria-label", "Sak " + cases + ", punkt " + (i + 1));
        [["", "–"], ["ja", "Ja"], ["nei", "Nei"]].forEach(function (o) {
          var option = document.createElement("option");
          option.value = o[0];
          option.textContent = o[1];
          select.appendChild(option);
        });
        select.addEventListener("change", recompute);
        td.appendChild(select);
        row.insertBefore(td, row.querySelector("[data-rp-andel]"));
      });
      recompute();
      rows[0].querySelectorAll("select")[cases - 1].focus();
    }

    function removeCase() {
      if (cases === 0) return;
      var last = headRow.querySelectorAll("th")[cases];
      var used = rows.some(function (row) { return row.querySelectorAll("select")[cases - 1].value !== ""; });
      if (used && !window.confirm("Sak " + cases + " har markeringer. Vil du fjerne den?")) return;
      headRow.removeChild(last);
      rows.forEach(function (row) { var cells = row.querySelectorAll("td"); row.removeChild(cells[cases - 1]); });
      cases--;
      recompute();
    }

    section.querySelector("[data-rp-ny-sak]").addEventListener("click", addCase);
    section.querySelector("[data-rp-fjern-sak]").addEventListener("click", removeCase);
    section.querySelector("[data-rp-skriv-oppsummering]").addEventListener("click", function () {
      document.body.classList.add("rp-skriv-oppsummering");
      window.print();
    });
    recompute();
  }

  window.rpMount("oppsummering", "[data-rp-oppsummering]", setup);
  // After printing the summary alone, the page prints whole again.
  window.rpMount.global("oppsummering-etter-utskrift", function () {
    window.addEventListener("afterprint", function () { document.body.classList.remove("rp-skriv-oppsummering"); });
  });
})();
