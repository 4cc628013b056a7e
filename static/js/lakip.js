// Behaviour shared by every page, kept out of the HTML so that the
// Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";
  // <select data-kirim-otomatis>: submit its form when the choice changes.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches && el.matches("[data-kirim-otomatis]") && el.form) el.form.submit();
  });
  // <form data-konfirmasi="...">: ask before submitting.
  document.addEventListener("submit", function (e) {
    var pesan = e.target.dataset && e.target.dataset.konfirmasi;
    if (pesan && !window.confirm(pesan)) e.preventDefault();
  });
  // <button data-pilih="jenis|*" data-pilih-nilai="1|0">: tick (1) or untick
  // (0) the form's checkboxes whose data-jenis matches ("*": all of them).
  document.addEventListener("click", function (e) {
    var el = e.target.closest && e.target.closest("[data-pilih]");
    if (!el || !el.form) return;
    var jenis = el.dataset.pilih, nilai = el.dataset.pilihNilai !== "0";
    el.form.querySelectorAll("input[type=checkbox][data-jenis]").forEach(function (c) {
      if (jenis === "*" || c.dataset.jenis === jenis) c.checked = nilai;
    });
  });
  // <div data-lebar="42">: a bar's width in percent, set here, not inline.
  document.querySelectorAll("[data-lebar]").forEach(function (el) {
    el.style.width = el.dataset.lebar + "%";
  });
})();
