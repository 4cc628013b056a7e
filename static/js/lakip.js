// Behaviour shared by every page, kept out of the HTML so that the
// Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";
  // <select data-kirim-otomatis>: submit its form when the choice changes.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches && el.matches("[data-kirim-otomatis]") && el.form) el.form.submit();
  });
})();
