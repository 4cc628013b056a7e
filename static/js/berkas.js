/* Progress of a background PDF job: polls the status URL every 2 s until the
   job is done, then shows the download link (or the error). No dependencies. */
(function () {
  "use strict";
  var kotak = document.getElementById("berkas");
  if (!kotak) { return; }
  var url = kotak.getAttribute("data-status-url");
  var batang = kotak.querySelector(".progress-bar");
  var wadah = kotak.querySelector(".progress");
  var antre = 0;

  function isi(nama, nilai) {
    var el = kotak.querySelector('[data-isi="' + nama + '"]');
    if (el) { el.textContent = nilai; }
  }

  function tampil(sel, ya) {
    var el = kotak.querySelector(sel);
    if (el) { el.hidden = !ya; }
  }

  function perbarui(d) {
    antre = d.status === "antre" ? antre + 1 : 0;
    // Still queued after half a minute: probably no worker is running.
    tampil("[data-tanpa-pekerja]", antre > 15);
    isi("status_label", d.status_label);
    isi("tahap", d.tahap);
    isi("pesan", d.pesan || "");
    isi("jumlah_halaman", d.jumlah_halaman);
    batang.style.width = d.persen + "%";
    wadah.setAttribute("aria-valuenow", d.persen);
    if (d.selesai) {
      batang.classList.remove("progress-bar-animated", "progress-bar-striped");
      if (d.status === "gagal") { batang.classList.add("bg-danger"); }
      tampil("[data-tunggu]", false);
      tampil("[data-unduh]", d.status === "selesai");
      tampil("[data-galat]", d.status === "gagal");
    }
  }

  function tanya() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        perbarui(d);
        if (!d.selesai) { window.setTimeout(tanya, 2000); }
      })
      .catch(function () { window.setTimeout(tanya, 5000); });
  }

  tanya();
})();
