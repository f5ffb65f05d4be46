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
