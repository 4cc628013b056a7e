// Live capaian and absorption on the entry page (the server recomputes on save).
(function () {
  "use strict";
  function angka(teks) {
    if (teks === undefined || teks === null) return null;
    var t = String(teks).trim().replace(/^Rp\.?/i, "").replace(/%$/, "").replace(/\s/g, "");
    if (t === "") return null;
    if (/^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
    else if (/^-?\d+([.,]\d+)?$/.test(t)) t = t.replace(",", ".");
    else return NaN;
    return parseFloat(t);
  }
  function persen(x) {
    if (x === null || isNaN(x) || !isFinite(x)) return "-";
    return (Math.round(x * 100) / 100).toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function hitungIndikator(tr) {
    var input = tr.querySelectorAll("input.angka");
    var target = angka(tr.dataset.target), nilai;
    if (tr.dataset.jenis === "rasio") {
      var p = angka(input[0] && input[0].value), q = angka(input[1] && input[1].value);
      nilai = p === null || q === null || q === 0 ? null : (p / q) * parseFloat(tr.dataset.pengali);
    } else {
      nilai = angka(input[0] && input[0].value);
    }
    var c = null;
    if (target && nilai !== null && !isNaN(nilai)) {
      c = tr.dataset.polaritas === "turun" ? Math.max(0, ((2 * target - nilai) / target) * 100) : (nilai / target) * 100;
    }
    tr.querySelector("[data-capaian]").textContent = persen(c);
  }
  function hitungAnggaran(tr) {
    var r = angka(tr.querySelector("input.angka").value);
    var kas = parseFloat(tr.dataset.kas), pagu = parseFloat(tr.dataset.pagu);
    var sel = tr.querySelector("[data-serapan]");
    sel.innerHTML = persen(kas && r !== null ? (r / kas) * 100 : null) + ' <span class="small text-body-secondary">dari kas</span><br>' +
      persen(pagu && r !== null ? (r / pagu) * 100 : null) + ' <span class="small text-body-secondary">dari pagu</span>';
  }
  // After a refused save the page shows what was typed: recompute from it.
  var ulang = document.querySelector("form[data-hitung-ulang]") !== null;
  document.querySelectorAll("tr[data-indikator]").forEach(function (tr) {
    tr.addEventListener("input", function () { hitungIndikator(tr); });
    if (ulang) hitungIndikator(tr);
  });
  document.querySelectorAll("tr[data-anggaran]").forEach(function (tr) {
    tr.addEventListener("input", function () { hitungAnggaran(tr); });
    if (ulang) hitungAnggaran(tr);
  });
})();
