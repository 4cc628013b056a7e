"""Building a package: every chosen part laid out (or taken from the cache), then
joined into one PDF with a bookmark per part.

The HTML of every part is produced here, in the calling process (it reads the
database; the report data is built once and shared by all parts). Only HTML
strings travel to the worker processes (``laporan.pdf.render_banyak``), which
run ``laporan.paket.pekerja`` (WeasyPrint only, no Django, no database
connection): a ``forkserver`` (or ``spawn``) pool of ``pekerja`` processes,
``os.cpu_count()`` by default. With one worker, or one part to lay out, the
layout runs in this process. The largest parts are sent first, so the longest
one (the LAKIP) does not finish last on its own.
"""

import os
import time
from dataclasses import dataclass, field
from io import BytesIO

from lakip.format import format_triwulan
from laporan import folio, pdf
from laporan.dokumen import semua_jenis
from laporan.dokumen.kunci import LAKIP
from laporan.draf import html_cetak, unit_draf
from laporan.draf import nama_berkas as nama_draf
from laporan.kelengkapan import bagian_paket
from laporan.models import DokumenTerbit
from laporan.paket import cache, daftar_lampiran, penomoran
from laporan.paket.bagian import daftar_bagian, jenis_pilihan, pilih, susun_konteks


@dataclass
class HasilBagian:
    """A part as it went into the package."""

    kunci: str
    jenis: str
    judul: str
    kelompok: str
    kunci_cache: str
    jumlah_halaman: int = 0
    halaman_awal: int = 0  # 0-based index of its first page in the package
    dari_cache: bool = False
    diterbitkan: bool = False  # signed: the issued PDF went in as it is
    folio: str = ""  # the label (and printed folio) of its first page


@dataclass
class HasilPaket:
    isi: bytes
    jumlah_halaman: int
    nama_berkas: str
    bagian: list = field(default_factory=list)
    pekerja: int = 1
    detik: float = 0.0
    # Units of the quarter not yet Disahkan: every part laid out for this
    # package carries the DRAF watermark (``laporan.draf``) while non-empty.
    draf: list = field(default_factory=list)
    # A package built with its readiness check (``laporan.kelengkapan``):
    # ``final`` when every part it holds is ready (no watermark), else DRAF on
    # every page and the readiness list first; ``tidak_dilampirkan``: the
    # readiness rows (``BarisKelengkapan``) of the documents left out because
    # their own content is empty. Without the check: ``kelengkapan`` is None
    # and ``final`` means "no unit waiting for approval".
    final: bool = False
    kelengkapan: object = None
    tidak_dilampirkan: list = field(default_factory=list)
    # Names of every document laid out by this build: parts (their keys) and
    # sections of a part laid out in sections (``lakip/bab-1``).
    ditata: list = field(default_factory=list)

    @property
    def dirender(self):
        """Keys of the parts laid out by this build (not from the cache, not
        issued documents)."""
        return [b.kunci for b in self.bagian if not (b.dari_cache or b.diterbitkan)]

    @property
    def dari_cache(self):
        return [b.kunci for b in self.bagian if b.dari_cache]


def nama_berkas(instansi, tahun, triwulan, semua=True):
    """``PAKET-LAKIP-2024-TW1-disnakertrans-lutim.pdf`` (``-pilihan`` when only
    some parts were chosen)."""
    akhiran = "" if semua else "-pilihan"
    return f"PAKET-LAKIP-{tahun}-TW{triwulan}-{instansi.kode}{akhiran}.pdf"


def _salin_penanda(penulis, pembaca, butir, awal, induk):
    """Copy ``pembaca``'s outline items ``butir`` under ``induk``, pages offset
    by ``awal``."""
    terakhir = None
    for b in butir:
        if isinstance(b, list):
            if terakhir is not None:
                _salin_penanda(penulis, pembaca, b, awal, terakhir)
            continue
        halaman = pembaca.get_destination_page_number(b)
        if halaman is None or halaman < 0:
            continue
        terakhir = penulis.add_outline_item(
            title=str(b.title), page_number=awal + halaman, parent=induk, is_open=False
        )


def gabungkan(bagian, isi, judul, pembaca=None):
    """One PDF of the parts ``bagian`` (``HasilBagian``, in order) whose PDFs are
    ``isi[kunci_cache]``: a bookmark per part under its group's bookmark, the
    part's own bookmarks below it when it has more than one top-level one (the
    LAKIP's chapters; a single one is the part's title again). Sets
    ``halaman_awal`` and ``folio`` of each part.

    One numbering (``laporan.paket.penomoran``): a part that numbers itself
    (the LAKIP) keeps its folios, the others get continuous folios stamped
    (a signed one's own folio taken off first); the page labels equal the
    folios on every page. ``pembaca``: readers of the parts' PDFs already
    made (``penomoran.baca_bagian``)."""
    from pypdf import PdfWriter

    penulis = PdfWriter()
    kelompok = {}
    pembaca = penomoran.baca_bagian(bagian, isi, pembaca)
    for b in bagian:
        sumber = pembaca[b.kunci_cache]
        b.halaman_awal = len(penulis.pages)
        penulis.append(sumber, import_outline=False)
        induk = None
        if b.kelompok:
            if b.kelompok not in kelompok:
                kelompok[b.kelompok] = penulis.add_outline_item(
                    title=b.kelompok, page_number=b.halaman_awal
                )
            induk = kelompok[b.kelompok]
        sendiri = sumber.outline
        butir = penulis.add_outline_item(
            title=b.judul, page_number=b.halaman_awal, parent=induk, is_open=False
        )
        if sum(not isinstance(x, list) for x in sendiri) > 1:
            _salin_penanda(penulis, sumber, sendiri, b.halaman_awal, butir)
    for b, n in zip(bagian, penomoran.susun_nomor(bagian, pembaca), strict=True):
        if n.tutup:
            penomoran.tanpa_folio_sendiri(penulis, b.halaman_awal, len(n.nomor))
        if n.cap:
            folio.cap_nomor(penulis, n.nomor, b.halaman_awal)
        else:
            folio.atur_label(penulis, n.nomor, b.halaman_awal)
        b.folio = n.pertama
    penulis.add_metadata({"/Title": judul, "/Creator": "lakip"})
    penulis.page_mode = "/UseOutlines"
    keluaran = BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue(), len(penulis.pages)


def _terbitan(daftar_terbit):
    """The issued PDFs of signed documents: ``({kunci: isi}, {kunci: pages})``
    keyed ``terbit-<kode>``."""
    from pypdf import PdfReader

    isi, halaman = {}, {}
    semua = DokumenTerbit.objects.filter(pk__in=[t.pk for t in daftar_terbit])
    for kode, pdf_terbit in semua.values_list("kode", "isi"):
        k = f"terbit-{kode}"
        isi[k] = bytes(pdf_terbit)
        halaman[k] = len(PdfReader(BytesIO(isi[k])).pages)
    return isi, halaman


def _seksi_belum(rakitan, isi, html, nama_bagian, pakai_cache):
    """The joined keys of the parts laid out in sections that are not in the
    cache; their sections' HTML is added to ``html`` (and their PDFs taken from
    the cache into ``isi`` when there)."""
    belum = [k for k in rakitan if k not in isi]
    baru = {}
    for k in belum:
        for k_seksi, teks, nama in rakitan[k].tugas:
            baru[k_seksi] = teks
            nama_bagian[k_seksi] = nama
    if pakai_cache and baru:
        for k, (pdf_bagian, _jumlah) in cache.ambil(list(baru)).items():
            isi[k] = pdf_bagian
    html.update(baru)
    return belum


def _penata(pakai_cache, r):
    """``tata(html, nama)`` for a joiner: laid out here (through the cache when
    ``pakai_cache``), its name recorded in ``r.ditata`` when laid out."""

    def tata(teks, nama):
        _k, isi, halaman, baru = pdf.tata_html(teks, nama, pakai_cache)
        if baru:
            r.ditata.append(nama)
        return isi, halaman

    return tata


def rakit_paket(
    instansi,
    tahun,
    triwulan,
    pilihan=None,
    pekerja=None,
    pakai_cache=True,
    kemajuan=None,
    data=None,
    kelengkapan=None,
):
    """Build the package of ``instansi``'s ``tahun``/``triwulan``: the parts named
    by ``pilihan`` (see ``bagian.pilih``; all when empty) as one PDF. A single
    part is its own PDF as it is (no package bookmarks or title).

    Parts found in the cache are not laid out again (``pakai_cache=False``
    neither reads nor writes the cache); the others are laid out by ``pekerja``
    processes (``os.cpu_count()`` when None) and stored in the cache as they
    finish. ``kemajuan(tahap, persen)`` is called as the build goes. Raises
    ``bagian.PilihanTidakValid`` for an unknown selection. Returns a
    ``HasilPaket``.

    ``kelengkapan`` (by default: when nothing is selected, i.e. the complete
    package) builds a package to hand over (``laporan.kelengkapan``): empty
    documents left out, final when every part is ready, else DRAF on every
    page with the readiness list first. Without it (one document, a kind's
    documents) the parts are as chosen, DRAF while a unit is not Disahkan."""
    mulai = time.monotonic()
    lapor = kemajuan or (lambda tahap, persen: None)
    lapor("Menghitung data laporan", 2)
    konteks = susun_konteks(instansi, tahun, triwulan, data=data)
    belum = unit_draf(instansi, tahun, triwulan)
    # Only the kinds the selection names are read (a single document does not
    # assemble the whole package).
    jenis = jenis_pilihan(pilihan)
    semua = daftar_bagian(konteks, jenis)
    dipilih = pilih(semua, pilihan)
    lengkap = jenis is None or jenis >= {j.kode for j in semua_jenis()}
    utuh = lengkap and len(dipilih) == len(semua)
    kel, draf = None, belum
    if kelengkapan or (kelengkapan is None and not jenis_pilihan(pilihan)):
        kel, dipilih, final = bagian_paket(konteks, dipilih)
        draf = belum or not final
    n = len(dipilih)
    maks_pekerja = pekerja or os.cpu_count() or 1
    if n > 1 and maks_pekerja > 1:
        # A package: its workers' WeasyPrint loads on another core while the
        # parts' HTML is assembled here.
        pdf.siapkan_pekerja()
    hasil = []
    html = {}
    rakitan = {}  # joined key -> the sections of a part laid out in sections
    isi, halaman = _terbitan([b.terbit for b in dipilih if b.terbit is not None])
    for i, b in enumerate(dipilih, 1):
        if i == 1 or i % 10 == 0:
            lapor(f"Menyusun HTML bagian {i} dari {n}", 2 + 8 * i // n)
        if b.terbit is not None:
            k = f"terbit-{b.terbit.kode}"
            hasil.append(
                HasilBagian(b.kunci, b.jenis, b.judul, b.kelompok, k, diterbitkan=True)
            )
            continue
        if b.rakitan is not None:
            r = b.rakitan(draf)
            rakitan[r.kunci] = r
            hasil.append(HasilBagian(b.kunci, b.jenis, b.judul, b.kelompok, r.kunci))
            continue
        # The watermark is in the HTML, hence in the cache key. Bound with
        # other parts, a part prints no folio of its own (the package stamps
        # one); the LAKIP keeps its own.
        teks = html_cetak(b.html, draf)
        if n > 1 and b.jenis != LAKIP:
            teks = penomoran.tanpa_folio(teks)
        k = cache.sidik(teks)
        html[k] = teks
        hasil.append(HasilBagian(b.kunci, b.jenis, b.judul, b.kelompok, k))

    satu = len(hasil) == 1
    tidak_dilampirkan = kel.tidak_dilampirkan if kel else []
    judul_daftar = f"LAKIP Triwulan {format_triwulan(triwulan)} Tahun {tahun}"
    # The Daftar Lampiran's first layout depends only on the parts: laid out
    # with them.
    sementara = None
    if not satu:
        teks = daftar_lampiran.html_sementara(
            hasil,
            judul=judul_daftar,
            instansi=instansi.nama,
            draf=draf,
            tidak_dilampirkan=tidak_dilampirkan,
        )
        if teks is not None:
            sementara = cache.sidik(teks)
            html[sementara] = teks
    if pakai_cache:
        for k, (pdf_bagian, jumlah) in cache.ambil([*html, *rakitan]).items():
            isi[k], halaman[k] = pdf_bagian, jumlah
    for b in hasil:
        b.dari_cache = not b.diterbitkan and b.kunci_cache in isi
    nama_bagian = {b.kunci_cache: b.kunci for b in hasil}
    if sementara is not None:
        nama_bagian[sementara] = daftar_lampiran.KUNCI
        if sementara in isi:  # from the cache: sisipkan finds it there too
            sementara = None
    seksi = _seksi_belum(rakitan, isi, html, nama_bagian, pakai_cache)
    tugas = [(k, teks) for k, teks in html.items() if k not in isi]
    bobot_total = sum(len(t) for t in html.values()) or 1
    bobot = {"selesai": sum(len(html[k]) for k in isi if k in html)}
    dari_cache = sum(b.dari_cache for b in hasil)
    ditata = []

    def tahap():
        siap = sum(1 for b in hasil if b.kunci_cache in isi)
        return (
            f"Bagian {siap} dari {n} ({dari_cache} dari cache)",
            10 + 80 * bobot["selesai"] // bobot_total,
        )

    lapor(*tahap())

    def selesai(k, pdf_bagian, jumlah):
        isi[k], halaman[k] = pdf_bagian, jumlah
        ditata.append(nama_bagian[k])
        bobot["selesai"] += len(html[k])
        if pakai_cache:
            cache.simpan(k, nama_bagian[k], pdf_bagian, jumlah)
        lapor(*tahap())

    jumlah_pekerja = max(1, min(maks_pekerja, len(tugas)))
    pembaca = {}  # each part's PDF parsed once
    # Every layout of this build in the same workers: the LAKIP's contents page
    # and the Daftar Lampiran, laid out after the others, too.
    with pdf.kumpulan_pekerja(jumlah_pekerja):
        pdf.render_banyak(tugas, jumlah_pekerja, selesai)
        for k in seksi:
            r = rakitan[k]
            isi[k], halaman[k] = r.gabung(isi, _penata(pakai_cache, r))
            ditata.extend(r.ditata)
            if pakai_cache:
                cache.simpan(k, nama_bagian[k], isi[k], halaman[k])

        for b in hasil:
            b.jumlah_halaman = halaman[b.kunci_cache]
        lapor(f"Menggabungkan {n} bagian", 92)
        if not satu:
            daftar_lampiran.sisipkan(
                hasil,
                isi,
                judul=judul_daftar,
                instansi=instansi.nama,
                draf=draf,
                pakai_cache=pakai_cache,
                # Parts left out of the package (an empty part of a final
                # package), listed as "tidak dilampirkan".
                tidak_dilampirkan=tidak_dilampirkan,
                pembaca=pembaca,
                # Laid out with the parts (not from the cache).
                tertata={k: (isi[k], halaman[k]) for k in [sementara] if k in isi},
            )
    judul = (
        f"LAKIP Triwulan {format_triwulan(triwulan)} Tahun {tahun} dan Lampiran — "
        f"{instansi.nama}"
    )
    paket = HasilPaket(
        isi=b"",
        jumlah_halaman=0,
        nama_berkas=nama_draf(nama_berkas(instansi, tahun, triwulan, utuh), draf),
        bagian=hasil,
        draf=belum,
        final=not draf,
        kelengkapan=kel,
        tidak_dilampirkan=tidak_dilampirkan,
        pekerja=jumlah_pekerja if len(tugas) > 1 else 1,
        ditata=ditata,
    )
    if satu:
        # One document: its own PDF as laid out (or issued), with its own
        # bookmarks and title.
        paket.isi, paket.jumlah_halaman = (
            isi[hasil[0].kunci_cache],
            hasil[0].jumlah_halaman,
        )
    else:
        paket.isi, paket.jumlah_halaman = gabungkan(hasil, isi, judul, pembaca)
    if pakai_cache:
        cache.pangkas()
    paket.detik = time.monotonic() - mulai
    return paket
