/* Pohon kinerja: draws the tree of #pohon-data (JSON) as SVG, left to right;
   ▸/▾ collapses a branch, the name opens the node's dashboard page, the
   toolbar zooms. No inline script or style: served as a static file (CSP). */
(function () {
  "use strict";
  var sumber = document.getElementById("pohon-data");
  var kanvas = document.getElementById("pohon-kanvas");
  if (!sumber || !kanvas) return;
  var data = JSON.parse(sumber.textContent);
  var NS = "http://www.w3.org/2000/svg";
  var LEBAR = 300, JARAK_X = 40, JARAK_Y = 12, SKALA = 1;
  var terlipat = {};
  var akar = data.akar.slice();
  if (data.tanpa_sasaran.length) {
    akar.push({ id: "tanpa", label: "Program", kode: "", nama: "Program tanpa sasaran strategis",
      tingkat: "tujuan", indikator: [], pejabat: [], unit: [], lintas: false, url: "", anak: data.tanpa_sasaran });
  }

  function el(nama, atribut, induk) {
    var e = document.createElementNS(NS, nama);
    Object.keys(atribut).forEach(function (k) { e.setAttribute(k, atribut[k]); });
    if (induk) induk.appendChild(e);
    return e;
  }
  function potong(teks, n) { return teks.length > n ? teks.slice(0, n - 1) + "…" : teks; }
  function tinggi(s) { return 34 + 13 * Math.min(s.indikator.length, 4) + (s.pejabat.length ? 13 : 0); }

  /* Lay out: returns the height used by the subtree starting at y. */
  function tata(s, tingkat, y, hasil) {
    var h = tinggi(s), anak = terlipat[s.id] ? [] : s.anak, awal = y, pakai = 0;
    anak.forEach(function (a) { var t = tata(a, tingkat + 1, y + pakai, hasil); pakai += t + JARAK_Y; });
    pakai = Math.max(pakai - JARAK_Y, h);
    var pos = { s: s, x: 10 + tingkat * (LEBAR + JARAK_X), y: awal + (pakai - h) / 2, h: h };
    hasil.push(pos);
    s._pos = pos;
    return pakai;
  }

  function gambar() {
    kanvas.textContent = "";
    var hasil = [], y = 10;
    akar.forEach(function (t) { y += tata(t, 0, y, hasil) + 3 * JARAK_Y; });
    var lebar = 0;
    hasil.forEach(function (p) { lebar = Math.max(lebar, p.x + LEBAR + 10); });
    var svg = el("svg", { width: lebar * SKALA, height: y * SKALA, viewBox: "0 0 " + lebar + " " + y,
      role: "img", "aria-label": "Pohon kinerja " + data.tahun }, kanvas);
    hasil.forEach(function (p) {
      if (terlipat[p.s.id]) return;
      p.s.anak.forEach(function (a) {
        var x1 = p.x + LEBAR, y1 = p.y + p.h / 2, x2 = a._pos.x, y2 = a._pos.y + a._pos.h / 2, mx = (x1 + x2) / 2;
        el("path", { d: "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2, "class": "pohon-garis" }, svg);
      });
    });
    hasil.forEach(function (p) {
      var s = p.s;
      var g = el("g", { "class": "pohon-simpul " + s.tingkat + (s.lintas ? " lintas" : ""), transform: "translate(" + p.x + "," + p.y + ")" }, svg);
      el("rect", { width: LEBAR, height: p.h, rx: 4 }, g);
      el("text", { x: 8, y: 12, "class": "label" }, g).textContent =
        s.label + (s.kode ? " " + s.kode : "") + (s.lintas ? " · lintas unit (" + s.unit.length + ")" : "");
      var wadah = g;
      if (s.url) wadah = el("a", { href: s.url }, g);
      el("title", {}, g).textContent = s.nama;
      el("text", { x: 8, y: 26, "class": "nama" }, wadah).textContent = potong(s.nama, 44);
      var baris = 40;
      s.indikator.slice(0, 4).forEach(function (i) {
        el("text", { x: 12, y: baris, "class": "ind" }, g).textContent = potong("• " + i.nama + ": " + i.target + " " + i.satuan, 54);
        baris += 13;
      });
      if (s.pejabat.length) el("text", { x: 12, y: baris, "class": "ind" }, g).textContent = potong("PJ: " + s.pejabat.join("; "), 54);
      if (s.anak.length) {
        var t = el("text", { x: LEBAR - 16, y: 14, "class": "lipat", role: "button", tabindex: 0 }, g);
        t.textContent = terlipat[s.id] ? "▸" : "▾";
        t.addEventListener("click", function () { terlipat[s.id] = !terlipat[s.id]; gambar(); });
      }
    });
  }

  function semua(fungsi) {
    (function jalan(daftar) { daftar.forEach(function (s) { fungsi(s); jalan(s.anak); }); })(akar);
  }
  document.querySelectorAll("[data-pohon]").forEach(function (tombol) {
    tombol.addEventListener("click", function () {
      var aksi = tombol.getAttribute("data-pohon");
      if (aksi === "perbesar") SKALA = Math.min(SKALA * 1.25, 3);
      if (aksi === "perkecil") SKALA = Math.max(SKALA / 1.25, 0.3);
      if (aksi === "semula") SKALA = 1;
      if (aksi === "lipat") semua(function (s) { if (s.tingkat !== "tujuan" && s.anak.length) terlipat[s.id] = true; });
      if (aksi === "buka") terlipat = {};
      gambar();
    });
  });
  gambar();
})();
