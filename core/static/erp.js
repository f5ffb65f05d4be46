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
  copy.querySelectorAll(".erp-pick-menu").forEach(function (menu) { menu.textContent = ""; menu.hidden = true; });
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

// Pickers (core/picker.py): typing asks the server for suggestions; choosing one fills the hidden id.
// Arrow keys move through the suggestions, Enter chooses, Escape closes. Typing again forgets the id.
(function () {
  var timer = null;
  function partsOf(input) {
    var box = input.closest(".erp-pick");
    return {box: box, id: box.querySelector("[data-pick-id]"), menu: box.querySelector(".erp-pick-menu")};
  }
  function close(input) {
    var p = partsOf(input);
    p.menu.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }
  function choose(input, item) {
    var p = partsOf(input);
    input.value = item.dataset.label;
    p.id.value = item.dataset.id;
    close(input);
    input.classList.remove("is-invalid");
    if (p.box.hasAttribute("data-pick-submit")) { input.form.submit(); }
  }
  function show(input, list) {
    var p = partsOf(input);
    p.menu.textContent = "";
    list.forEach(function (record) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "list-group-item list-group-item-action py-1";
      item.setAttribute("role", "option");
      item.dataset.id = record.id;
      item.dataset.label = record.label;
      item.textContent = record.label;
      p.menu.appendChild(item);
      if (record.label === input.value) { p.id.value = String(record.id); }
    });
    var open = list.length > 0 && document.activeElement === input;
    p.menu.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  }
  function ask(input) {
    var url = partsOf(input).box.dataset.pickUrl;
    url += (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(input.value.trim());
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); }).then(function (list) { show(input, list); }).catch(function () {});
  }
  function pickInput(target) { return target && target.closest ? target.closest("[data-pick-text]") : null; }
  document.addEventListener("input", function (event) {
    var input = pickInput(event.target);
    if (!input) { return; }
    partsOf(input).id.value = "";
    clearTimeout(timer);
    timer = setTimeout(function () { ask(input); }, 150);
  });
  document.addEventListener("focusin", function (event) {
    var input = pickInput(event.target);
    if (input && !partsOf(input).id.value) { ask(input); }
  });
  document.addEventListener("keydown", function (event) {
    var input = pickInput(event.target);
    if (!input) { return; }
    var menu = partsOf(input).menu;
    var items = Array.prototype.slice.call(menu.querySelectorAll("button"));
    var at = items.findIndex(function (b) { return b.classList.contains("active"); });
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!items.length) { ask(input); return; }
      menu.hidden = false;
      if (at >= 0) { items[at].classList.remove("active"); }
      at = event.key === "ArrowDown" ? (at + 1) % items.length : (at <= 0 ? items.length - 1 : at - 1);
      items[at].classList.add("active");
      items[at].scrollIntoView({block: "nearest"});
    } else if (event.key === "Enter" && !menu.hidden && (at >= 0 || items.length === 1)) {
      event.preventDefault();
      choose(input, items[Math.max(at, 0)]);
    } else if (event.key === "Escape") {
      close(input);
    }
  });
  document.addEventListener("mousedown", function (event) {
    var item = event.target.closest && event.target.closest(".erp-pick-menu button");
    if (item) {
      event.preventDefault();          // keep the focus in the input
      choose(item.closest(".erp-pick").querySelector("[data-pick-text]"), item);
      return;
    }
    document.querySelectorAll(".erp-pick-menu:not([hidden])").forEach(function (menu) {
      if (!menu.closest(".erp-pick").contains(event.target)) { menu.hidden = true; }
    });
  });
})();
