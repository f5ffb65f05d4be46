// The weighing addon's behaviour on the desk; loaded by the desk panel, not by every page.

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
  var tag = "";    // the reading shown now: the server answers 304 while it is unchanged
  function poll() {
    fetch(box.dataset.liveUrl, {credentials: "same-origin", cache: "no-store",
                                headers: tag ? {"If-None-Match": tag} : {}})
      .then(function (r) {
        if (r.status === 304) { box.dataset.updates = String(Number(box.dataset.updates || 0) + 1); return null; }
        tag = r.headers.get("ETag") || "";
        return r.json().then(show);
      })
      .catch(function () { tag = ""; show({online: false, label: "…", message: ""}); })
      .then(function () { setTimeout(poll, every); });
  }
  poll();
})();
