// Small behaviours shared by every page; inline handlers are not allowed by our Content-Security-Policy.
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-autosubmit]")) {
    event.target.form.submit();
  }
});

// A running import: fill the progress bar from the status endpoint, reload when it has finished.
(function () {
  var box = document.getElementById("import-job");
  if (!box || ["checking", "importing"].indexOf(box.dataset.state) < 0) { return; }
  var bar = box.querySelector(".erp-progress");
  function show(done, total) {
    var pct = total ? Math.min(100, Math.round(100 * done / total)) : 0;
    bar.style.width = pct + "%";
    bar.textContent = pct + "%";
  }
  show(Number(bar.dataset.done), Number(bar.dataset.total));
  function poll() {
    fetch(box.dataset.statusUrl, {credentials: "same-origin"}).then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.state === box.dataset.state) { show(s.done, s.total); setTimeout(poll, 500); }
        else { window.location.reload(); }
      }).catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();

document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) { window.print(); }
});

// Line tables: "Add a line" copies the last row with empty fields and the next row number.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-add-line]");
  if (!button) { return; }
  var table = button.parentNode.querySelector("[data-line-table]") || document.querySelector("[data-line-table]");
  var rows = table.querySelectorAll("[data-line-row]");
  var last = rows[rows.length - 1];
  var copy = last.cloneNode(true);
  var n = rows.length;
  copy.querySelectorAll("input, select").forEach(function (el) {
    el.name = el.name.replace(/^lines-\d+-/, "lines-" + n + "-");
    el.classList.remove("is-invalid");
    if (el.tagName === "SELECT") { el.selectedIndex = 0; } else { el.value = ""; }
  });
  var first = copy.querySelector("td");
  if (first) { first.textContent = String(n + 1); }
  last.parentNode.appendChild(copy);
});

// "Select all" boxes: data-check-all="name" ticks every checkbox of that name in the form.
document.addEventListener("change", function (event) {
  var name = event.target.getAttribute && event.target.getAttribute("data-check-all");
  if (!name) { return; }
  event.target.form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});

// Live panels: [data-refresh-url] answers JSON every data-refresh-seconds. Plain values fill [data-key];
// "by_state" rows fill [data-state] rows; with data-refresh-rows="name", the list data[name] of objects
// with an "id" fills the rows [data-row="<id>"], cell by [data-field].
document.querySelectorAll("[data-refresh-url]").forEach(function (panel) {
  var seconds = Number(panel.dataset.refreshSeconds || 10);
  function fill(row, item) {
    Object.keys(item).forEach(function (key) {
      var cell = row.querySelector('[data-field="' + key + '"]');
      if (cell && typeof item[key] !== "object") { cell.textContent = item[key]; }
    });
  }
  function apply(data) {
    Object.keys(data).forEach(function (key) {
      var el = panel.querySelector('[data-key="' + key + '"]');
      if (el && typeof data[key] !== "object") { el.textContent = data[key]; }
    });
    (data.by_state || data.orders || []).forEach(function (item) {
      var row = panel.querySelector('[data-state="' + item.state + '"]');
      if (row) { fill(row, item); }
    });
    (data[panel.dataset.refreshRows] || []).forEach(function (item) {
      var row = panel.querySelector('[data-row="' + item.id + '"]');
      if (row) { fill(row, item); }
    });
    panel.dataset.refreshed = String(Number(panel.dataset.refreshed || 0) + 1);
  }
  function poll() {
    fetch(panel.dataset.refreshUrl, {credentials: "same-origin", cache: "no-store"}).then(function (r) { return r.json(); })
      .then(apply).catch(function () {}).then(function () { setTimeout(poll, seconds * 1000); });
  }
  setTimeout(poll, seconds * 1000);
});

// Live scale weight: [data-live-url] answers {weight, label, stable, online, message}; polled every data-live-ms.
(function () {
  var box = document.querySelector("[data-live-url]");
  if (!box) { return; }
  var every = Number(box.dataset.liveMs || 200);
  var badge = box.querySelector('[data-live-field="label"]');
  function show(s) {
    box.querySelector('[data-live-field="weight"]').textContent = s.online ? s.weight : "—";
    badge.textContent = s.label || "";
    badge.className = "badge " + (!s.online ? "bg-danger" : (s.stable ? "bg-success" : "bg-warning text-dark"));
    box.querySelector('[data-live-field="message"]').textContent = s.message || "";
    box.dataset.stable = s.online && s.stable ? "1" : "0";
    box.dataset.updates = String(Number(box.dataset.updates || 0) + 1);
  }
  function poll() {
    fetch(box.dataset.liveUrl, {credentials: "same-origin", cache: "no-store"}).then(function (r) { return r.json(); })
      .then(show).catch(function () { show({online: false, label: "…", message: ""}); })
      .then(function () { setTimeout(poll, every); });
  }
  poll();
})();

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
