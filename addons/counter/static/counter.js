// The counter screen: find a product, weigh it on the counter's scale (the server takes the weight), add it
// to the cart, share the total across payment methods, send the sale. Prices shown are the server's; the
// server prices the sale again when it is sent.
(function () {      // a receipt just paid prints itself
  if (document.querySelector("[data-auto-print]")) { window.addEventListener("load", function () { window.print(); }); }
})();

(function () {
  var root = document.getElementById("counter");
  if (!root) { return; }
  var find = document.getElementById("find"), found = document.getElementById("found");
  var body = document.querySelector("#cart tbody"), fields = document.getElementById("cart-fields");
  var weighButton = document.getElementById("weigh"), scale = document.getElementById("scale");
  var error = document.getElementById("counter-error"), pay = document.getElementById("pay");
  var form = document.getElementById("pay-form");
  var token = (form.querySelector("input[name=csrf_token]") || {}).value;
  var cart = [], pending = null, timer = null;

  function money(n) { return (Math.round(n * 100) / 100).toFixed(2); }
  function say(text) { error.textContent = text || ""; error.classList.toggle("d-none", !text); }
  function total() { return cart.reduce(function (s, l) { return s + l.amount; }, 0); }
  function paid() {
    return Array.prototype.reduce.call(form.querySelectorAll("input[name^=pay-]"), function (s, i) {
      return s + (Number(i.value) || 0); }, 0);
  }
  function refresh() {
    body.innerHTML = ""; fields.innerHTML = "";
    cart.forEach(function (l, n) {
      var tr = document.createElement("tr");
      tr.dataset.code = l.code;
      tr.innerHTML = "<td></td><td class='num'></td><td class='num'></td><td class='num'></td><td class='num'></td>" +
        "<td><button type='button' class='btn btn-sm btn-link text-danger'>×</button></td>";
      var cells = tr.querySelectorAll("td");
      cells[0].textContent = l.code + " " + l.name; cells[1].textContent = l.quantity;
      cells[2].textContent = l.kg || ""; cells[3].textContent = l.price; cells[4].textContent = money(l.amount);
      tr.querySelector("button").addEventListener("click", function () { cart.splice(n, 1); refresh(); });
      body.appendChild(tr);
      [["product", l.id], ["quantity", l.quantity], ["weighing", l.weighing || ""]].forEach(function (kv) {
        var input = document.createElement("input");
        input.type = "hidden"; input.name = "line-" + n + "-" + kv[0]; input.value = kv[1];
        fields.appendChild(input);
      });
    });
    document.getElementById("total").textContent = money(total());
    document.getElementById("paid").textContent = money(paid());
    document.getElementById("due").textContent = money(total() - paid());
    pay.disabled = !cart.length || Math.abs(total() - paid()) > 0.001;
    weighButton && (weighButton.disabled = !pending || !pending.by_weight);
  }
  function choose(p) {
    pending = p; found.innerHTML = ""; find.value = p.code + " " + p.name;
    if (!p.price) { say(find.dataset.noPrice || "—"); return; }
    say("");
    if (!p.by_weight) {
      cart.push({id: p.id, code: p.code, name: p.name, quantity: "1", price: p.price, amount: Number(p.price)});
      pending = null; find.value = ""; find.focus();
    }
    refresh();
  }
  find.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = find.value.trim();
      if (!q) { found.innerHTML = ""; return; }
      fetch(root.dataset.findUrl + "?q=" + encodeURIComponent(q), {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (rows) {
          found.innerHTML = "";
          rows.forEach(function (p) {
            var b = document.createElement("button");
            b.type = "button"; b.className = "list-group-item list-group-item-action";
            b.dataset.code = p.code;
            b.textContent = p.code + " " + p.name + (p.price ? " · " + p.price : "");
            b.addEventListener("click", function () { choose(p); });
            found.appendChild(b);
          });
          if (rows.length === 1 && rows[0].exact) { choose(rows[0]); }    // a code or a scanned barcode
        });
    }, 120);
  });
  find.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); var first = found.querySelector("button"); if (first) { first.click(); } }
  });
  weighButton && weighButton.addEventListener("click", function () {
    if (!pending) { return; }
    weighButton.disabled = true;
    fetch(root.dataset.weighUrl, {method: "POST", credentials: "same-origin",
                                  headers: {"X-CSRFToken": token, "Accept": "application/json"}})
      .then(function (r) { return r.json().then(function (j) { return [r.ok, j]; }); })
      .then(function (res) {
        if (!res[0]) { say((res[1].error || {}).message || ""); refresh(); return; }
        var kg = Number(res[1].net);
        cart.push({id: pending.id, code: pending.code, name: pending.name, quantity: "1", kg: res[1].net,
                   weighing: res[1].weighing, price: pending.price, amount: Math.round(kg * Number(pending.price) * 100) / 100});
        pending = null; find.value = ""; say(""); refresh(); find.focus();
      });
  });
  document.getElementById("all-cash").addEventListener("click", function () {
    form.querySelectorAll("input[name^=pay-]").forEach(function (i) { i.value = ""; });
    form.querySelector("input[name=pay-cash]").value = money(total()); refresh();
  });
  form.addEventListener("input", refresh);
  if (scale) {     // the Weigh button follows the scale: only a stable reading can be taken
    new MutationObserver(function () {
      weighButton.classList.toggle("btn-success", scale.dataset.stable === "1");
      weighButton.classList.toggle("btn-secondary", scale.dataset.stable !== "1");
    }).observe(scale, {attributes: true, attributeFilter: ["data-stable"]});
  }
  refresh();
})();
