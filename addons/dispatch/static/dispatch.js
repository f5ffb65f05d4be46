// The dispatch addon's behaviour on its own screens (loaded by them, not by every page).

// Receipt: each line's loss (kg, per cent with three decimals) and verdict as the received kg is typed.
// Computed in thousandths of a kilogram so 0.385 % is exact; the server computes the figures it keeps.
(function () {
  var table = document.querySelector("[data-loss-table]");
  if (!table) { return; }
  function grams(text) {
    var m = /^\s*(\d+)(?:\.(\d{0,3}))?\d*\s*$/.exec(text || "");
    return m ? parseInt(m[1], 10) * 1000 + parseInt(((m[2] || "") + "000").slice(0, 3), 10) : null;
  }
  function show(row) {
    var shipped = grams(row.getAttribute("data-shipped"));
    var received = grams(row.querySelector("[data-loss-input]").value);
    var cells = {kg: row.querySelector('[data-loss="kg"]'), rate: row.querySelector('[data-loss="rate"]'),
                 verdict: row.querySelector('[data-loss="verdict"]')};
    if (received === null || !shipped) { cells.kg.textContent = cells.rate.textContent = cells.verdict.textContent = ""; return; }
    var lost = shipped - received;
    var rate = Math.round(lost * 100000 / shipped);            // thousandths of a per cent
    var tolerance = grams(row.getAttribute("data-tolerance")); // thousandths of a per cent too
    cells.kg.textContent = (lost / 1000).toFixed(3);
    cells.rate.textContent = (rate / 1000).toFixed(3) + " %";
    var verdict = lost === 0 ? "none" : (lost <= 0 || lost * 100000 <= tolerance * shipped ? "normal" : "flagged");
    cells.verdict.textContent = table.getAttribute("data-verdict-" + verdict);
    row.classList.toggle("table-danger", verdict === "flagged");
  }
  table.querySelectorAll("[data-loss-row]").forEach(show);
  table.addEventListener("input", function (event) {
    var row = event.target.closest("[data-loss-row]");
    if (row) { show(row); }
  });
})();
