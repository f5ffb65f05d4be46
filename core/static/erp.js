// Small behaviours shared by every page; inline handlers are not allowed by our Content-Security-Policy.
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-autosubmit]")) {
    event.target.form.submit();
  }
});
