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
