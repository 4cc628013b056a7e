"""Typesetting rules of every printed document, read on the seed package's
pages (TW I 2024, laid out once for this module): no page holds only a
signature block, no table leaves one row (or its total) alone on a page, the
LAKIP has no mostly blank page inside a chapter, a lead-in line is never the
last line of a page, percentages carry two decimals and counts none.

Pages are read with pypdf's layout mode (a table row is one line, blank lines
keep the page's height); the page number, the running header and the DRAF
watermark are removed before the rules are checked."""

import re
import shutil
import subprocess
from dataclasses import dataclass
from io import BytesIO

import pytest
from pypdf import PdfReader

from lakip.format import BULAN
from lakip.models import Instansi
from laporan.paket.rakit import rakit_paket

BULAN_RE = "|".join(BULAN)
# A page number as stamped (``12``, ``xii``, ``- 12 -``, ``Halaman 12 dari 230``).
NOMOR_HALAMAN = re.compile(
    r"^(-\s*)?(halaman\s+)?([0-9]+|[ivxlc]+)(\s*-)?(\s+dari\s+[0-9]+)?$", re.I
)
KEPALA_LAKIP = re.compile(r"LAKIP Triwulan [IV]+ Tahun \d{4}$")
# The cells of a signature block: place and date, the signer's title, name,
# rank and NIP, an unknown signer, the verification line.
SEL_TTD = [
    re.compile(rf"^[A-Z][\w .'-]*, (\d{{1,2}} )?({BULAN_RE}) \d{{4}}$"),
    re.compile(r"^NIP\.?\s*[\d -]*$"),
    re.compile(r"^Pangkat\b"),
    re.compile(r"^\((belum ditetapkan|penanda tangan belum tercatat)\)$"),
    re.compile(r"^(Pelaksana Teknis Sub Kegiatan|PPTK|Mengetahui,?)$"),
    re.compile(r"^(a\.n\.|Plt\.|Plh\.)"),
    re.compile(r"(Ditandatangani|Kode verifikasi|verifikasi/)"),
    # a note under the table signed is not what is signed
    re.compile(r"^Catatan: jumlah .* berbeda dengan"),
    # a title or a name: capitals (a name's degree after the comma)
    re.compile(r"^[A-Z][A-Z0-9 .,'’&/()-]*[A-Z.)](,\s*[\w., ]+)?$"),
]
PEMISAH_SEL = re.compile(r"\s{3,}")

pytestmark = pytest.mark.django_db


@dataclass
class Halaman:
    nomor: int  # 0-based in the package
    jenis: str  # the part's kind
    kunci: str
    baris: list  # the page's lines, header/number/watermark removed ("" kept)
    kolom: list  # the same by pdftotext -layout (columns aligned), or []
    lanskap: bool = False
    # where the page number is printed: (mm from the nearest edge of the
    # paper), or None when no number is found in the bottom 3 cm
    tepi_nomor: float | None = None

    @property
    def isi(self):
        return [b for b in self.baris if b.strip()]

    @property
    def teks(self):
        return " ".join(" ".join(self.isi).split())


def bersihkan(teks):
    """The page's lines without the page number, the LAKIP running header and
    the DRAF watermark (kept as blank lines so heights stay)."""
    hasil = []
    for baris in teks.splitlines():
        baris = re.sub(r"\s*DRAF\s*$", "", baris.rstrip())
        inti = baris.strip()
        if re.fullmatch(r"[DRAF ]+", inti) or NOMOR_HALAMAN.match(inti):
            baris = ""
        elif KEPALA_LAKIP.search(inti):
            baris = ""
        hasil.append(baris)
    while hasil and not hasil[-1].strip():
        hasil.pop()
    while hasil and not hasil[0].strip():
        hasil.pop(0)
    return hasil


def sel_ttd(sel):
    return any(p.search(sel) for p in SEL_TTD)


def hanya_ttd(halaman):
    """The page's text is nothing but a signature block (one or two side by
    side)."""
    isi = halaman.isi
    if not isi:
        return False
    sel = [s for b in isi for s in PEMISAH_SEL.split(b.strip()) if s]
    return any(s.startswith("NIP") for s in sel) and all(sel_ttd(s) for s in sel)


def teks_kolom(isi):
    """The pages' text by ``pdftotext -layout`` (its columns line up with
    their headers, pypdf's do not), or ``[]`` without poppler-utils."""
    if shutil.which("pdftotext") is None:
        return []
    keluar = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=isi, capture_output=True, check=True
    ).stdout.decode()
    return keluar.split("\f")


MM = 72 / 25.4


def tepi_nomor(page):
    """The distance in mm from the page number (the lowest text in the bottom
    3 cm that is a page number) to the nearest edge of the paper."""
    lebar, tinggi = float(page.mediabox.width), float(page.mediabox.height)
    calon = []

    def lihat(teks, cm, tm, _font, _ukuran):
        if not re.fullmatch(r"[0-9]+|[ivxlc]+", teks.strip()):
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if 0 < x < lebar and 0 < y < 30 * MM:
            calon.append((y, x))

    page.extract_text(visitor_text=lihat)
    if not calon:
        return None
    y, x = min(calon)
    return min(x, lebar - x, y, tinggi - y) / MM


@pytest.fixture(scope="module")
def halaman(django_db_setup, django_db_blocker):
    """Every page of the seed package, with the kind of the part it is in."""
    with django_db_blocker.unblock():
        instansi = Instansi.objects.get(kode="disnakertrans-lutim")
        hasil = rakit_paket(instansi, 2024, 1, pakai_cache=False)
    pembaca = PdfReader(BytesIO(hasil.isi))
    kolom = teks_kolom(hasil.isi)
    milik = {}
    for b in hasil.bagian:
        for i in range(b.halaman_awal, b.halaman_awal + b.jumlah_halaman):
            milik[i] = b
    daftar = []
    for i, page in enumerate(pembaca.pages):
        b = milik.get(i)
        daftar.append(
            Halaman(
                i,
                b.jenis if b else "",
                b.kunci if b else "",
                bersihkan(page.extract_text(extraction_mode="layout")),
                bersihkan(kolom[i]) if kolom else [],
                page.mediabox.width > page.mediabox.height,
                tepi_nomor(page),
            )
        )
    return daftar


def test_tidak_ada_halaman_hanya_tanda_tangan(halaman):
    sendiri = [(h.nomor + 1, h.kunci) for h in halaman if hanya_ttd(h)]
    assert not sendiri, f"halaman berisi blok tanda tangan saja: {sendiri}"


def test_pengenal_blok_tanda_tangan():
    """The rule above recognises a signature block alone, and nothing else."""
    ttd = Halaman(
        0,
        "x",
        "x",
        [
            "Pelaksana Teknis Sub Kegiatan       Malili, 3 April 2024",
            "                                    PPTK",
            "MUH. ARFAH TAUFIEK, S.Pi",
            "NIP. 19850203 201404 1 001          JONI PATABI, S.Sos",
            "                                    Pangkat: Pembina Tingkat I",
        ],
        [],
    )
    assert hanya_ttd(ttd)
    ttd.baris.insert(0, "  11 5.1.02.04.01.0001 Belanja Perjalanan Dinas   7.090.000")
    assert not hanya_ttd(ttd)


def _mulai_bab(h):
    return bool(h.isi) and re.match(r"^\s*BAB [IVX]+\s*$", h.isi[0]) is not None


def test_halaman_lakip_tidak_hampir_kosong(halaman):
    """Inside a chapter every LAKIP page is filled; only the cover, the last
    page of a front-matter section or of a chapter, and a page before a
    change of orientation (a landscape table) may end early."""
    lakip = [h for h in halaman if h.jenis == "lakip"]
    assert len(lakip) > 40
    kosong = []
    for h, berikut in zip(lakip[1:], lakip[2:], strict=False):
        if _mulai_bab(berikut) or berikut.isi[0].strip().isupper():
            continue  # the last page of a chapter or of a front-matter section
        if re.match(r"(Sasaran \d|\d+\.\d+ )", berikut.isi[0].strip()):
            continue  # the last page of a sasaran or a section (each starts a page)
        if berikut.lanskap != h.lanskap:
            continue
        if len(h.isi) < 20:
            kosong.append((h.nomor + 1, len(h.isi)))
    assert not kosong, f"halaman LAKIP hampir kosong (halaman, baris): {kosong}"


BARIS_TABEL = re.compile(r"^\s*(\d+(\.\d+)*|[IVX]+|Jumlah|JUMLAH|TOTAL\b.*)\s")


def _norm(baris):
    return " ".join(baris.split())


def test_tabel_tidak_meninggalkan_satu_baris(halaman):
    """A table continued on a page (its header repeated) brings more than one
    row there: never its last row or its total row alone."""
    yatim = []
    for sebelum, h in zip(halaman, halaman[1:], strict=False):
        if sebelum.kunci != h.kunci or not h.isi:
            continue
        if h.jenis == "laporan-unit":
            continue  # its rows start with names, not numbers: not countable here
        lalu = {_norm(b) for b in sebelum.isi}
        baris = h.baris
        i = 0
        while i < len(baris) and not baris[i].strip():
            i += 1
        if i == len(baris) or _norm(baris[i]) not in lalu:
            continue
        while i < len(baris) and _norm(baris[i]) in lalu:
            i += 1  # the repeated header
        potongan = []
        while i < len(baris) and baris[i].strip():
            potongan.append(baris[i])
            i += 1
        jumlah = sum(bool(BARIS_TABEL.match(b)) for b in potongan)
        if jumlah == 1:
            yatim.append((h.nomor + 1, _norm(potongan[0])[:60]))
    assert not yatim, f"satu baris tabel sendirian di halaman: {yatim}"


PENGANTAR = re.compile(
    r"(^Terdapat .* pada (program|kegiatan) ini:$|:$|^Tabel \d+\.\d+\.?\s)"
)


def test_kalimat_pengantar_tidak_di_akhir_halaman(halaman):
    """A lead-in line ("Terdapat 2 sub kegiatan pada kegiatan ini:", a table's
    caption) is followed on its page by what it introduces."""
    terdampar = []
    for h in halaman:
        if h.jenis != "lakip" or not h.isi:
            continue
        akhir = _norm(h.isi[-1])
        if PENGANTAR.search(akhir):
            terdampar.append((h.nomor + 1, akhir[:60]))
    assert not terdampar, f"kalimat pengantar di akhir halaman: {terdampar}"


PERSEN_TANDA = re.compile(r"(?<![x×] )(?<!dikali )(?<![\d.,])(\d[\d.]*(,\d+)?)\s?%")


def test_persen_bertanda_dua_desimal(halaman):
    """Every number printed with a % sign has two decimals (a formula's
    ``x 100%``, ``dikali 100%`` is a factor, not a percentage)."""
    salah = []
    for h in halaman:
        if h.jenis == "perselisihan":
            continue  # a dispute's subject is quoted as registered ("15% s/d 25%")
        for m in PERSEN_TANDA.finditer(h.teks):
            if not re.fullmatch(r"\d{1,3}(\.\d{3})*,\d\d", m.group(1)):
                salah.append((h.nomor + 1, m.group(0)))
    assert not salah, f"persen tanpa dua desimal: {salah[:20]}"


def _kolom(kepala, teks_kolom):
    """The character positions of the header cells named ``teks_kolom``."""
    return [m.start() + len(m.group(1)) // 2 for m in teks_kolom.finditer(kepala)]


KOLOM_PERSEN = re.compile(r"(?:(?<=\s)|^)(%|\(%\))(?=\s|$)")
ANGKA = re.compile(r"-?\d[\d.]*(?:,\d+)?|-")


def _sel_di(baris, posisi):
    """The number (or ``-``) of ``baris`` in the column whose header is
    centred at ``posisi``: figures are right-aligned, so the cell ends at or
    right of the header's centre (within 8 characters), the nearest one."""
    terbaik = None
    for m in ANGKA.finditer(baris):
        if m.start() > 0 and not baris[m.start() - 1].isspace():
            continue
        if m.end() < len(baris) and not baris[m.end()].isspace():
            continue
        jarak = m.end() - 1 - posisi
        if 0 <= jarak <= 8 and (terbaik is None or jarak < terbaik[0]):
            terbaik = (jarak, m.group(0))
    return terbaik[1] if terbaik else None


def test_kolom_persen_dua_desimal(halaman):
    """In an attachment's "%" column (the evaluation tables, the sub kegiatan
    reports' outputs and expenditure lines), every figure
    is ``-`` or has two decimals: ``100,00`` and ``0,00``, never ``100``."""
    if not halaman[0].kolom:
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    salah = []
    diperiksa = 0
    for h in halaman:
        if h.jenis == "lakip":
            continue  # its capaian columns: test_lakip_persen_dua_desimal
        posisi = []
        kepala = False
        for baris in h.kolom:
            if not baris.strip():
                continue
            kolom = _kolom(baris, KOLOM_PERSEN)
            angka = [a for a in ANGKA.findall(baris) if not re.fullmatch(r"20\d\d", a)]
            if kolom and not re.search(r"\d", "".join(angka)):
                # a header line: the columns of the rows below
                posisi = [*posisi, *kolom] if kepala else kolom
                kepala = True
                continue
            kepala = False
            if len(baris.strip()) > 40 and not re.search(r"\S\s{3,}\S", baris):
                posisi = []  # prose ends the table
                continue
            if not posisi or not BARIS_TABEL.match(baris):
                continue
            for p in posisi:
                sel = _sel_di(baris, p)
                if sel is None or sel == "-":
                    continue
                diperiksa += 1
                if not re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d\d", sel):
                    salah.append((h.nomor + 1, h.jenis, sel))
    assert diperiksa > 100, diperiksa
    assert not salah, f"persen tanpa dua desimal di kolom %: {salah[:20]}"


SATUAN_CACAH = {
    "Orang",
    "KK",
    "Kali",
    "Dokumen",
    "Unit",
    "Paket",
    "Kawasan",
    "Perusahaan",
    "Kasus",
    "OPP",
    "Rekomendasi",
    "Laporan",
    "Jenis",
    "Eksemplar",
}
SEL = re.compile(r"\s{2,}")
ANGKA_SEL = re.compile(r"-|-?\d{1,3}(\.\d{3})*(,\d+)?")


def _sel_angka_setelah(baris, satuan):
    """The figures that follow a row's unit cell (one of ``satuan``), up to the
    first cell that is not a figure: ``[(unit, [cells])]``."""
    sel = SEL.split(baris.strip())
    hasil = []
    for i, s in enumerate(sel):
        if s in satuan:
            angka = []
            for x in sel[i + 1 :]:
                if not ANGKA_SEL.fullmatch(x):
                    break
                angka.append(x)
            hasil.append((s, angka))
    return hasil


def test_nilai_bersatuan_persen_dua_desimal(halaman):
    """An indicator measured in % prints its target and realisation as
    percentages: ``100,00`` and ``75,75`` in the same column, never ``100``."""
    if not halaman[0].kolom:
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    salah, diperiksa = [], 0
    for h in halaman:
        for baris in h.kolom:
            for _, angka in _sel_angka_setelah(baris, {"%"}):
                for x in angka:
                    if x == "-":
                        continue
                    diperiksa += 1
                    if not re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d\d", x):
                        salah.append((h.nomor + 1, h.jenis, x))
    assert diperiksa > 50, diperiksa
    assert not salah, f"nilai persen tanpa dua desimal: {salah[:20]}"


def test_cacah_tanpa_desimal(halaman):
    """A count (people, documents, cases) prints whole: its target is ``4``,
    never ``4,00``."""
    if not halaman[0].kolom:
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    salah, diperiksa = [], 0
    for h in halaman:
        for baris in h.kolom:
            for satuan, angka in _sel_angka_setelah(baris, SATUAN_CACAH):
                if angka and angka[0] != "-":
                    diperiksa += 1
                    if "," in angka[0]:
                        salah.append((h.nomor + 1, h.jenis, satuan, angka[0]))
    assert diperiksa > 50, diperiksa
    assert not salah, f"cacah dengan desimal: {salah[:20]}"


def test_nomor_halaman_di_dalam_batas_cetak(halaman):
    """The page number sits well inside the paper (at least 8 mm from every
    edge, where printers print), on landscape pages too."""
    bernomor = [h for h in halaman if h.tepi_nomor is not None]
    assert any(h.lanskap for h in bernomor)
    dekat = [
        (h.nomor + 1, h.jenis, round(h.tepi_nomor, 1))
        for h in bernomor
        if h.tepi_nomor < 8
    ]
    assert not dekat, f"nomor halaman terlalu dekat ke tepi kertas (mm): {dekat[:20]}"


def _teks_lakip(halaman):
    return " ".join(h.teks for h in halaman if h.jenis == "lakip")


def test_tabel_bps_dengan_angka_ribuan_yang_benar(halaman):
    """The BPS table (Tabel 3.7) prints the seed's figures corrected (1.330, not
    the seed's 1.33; fixtures/README.md), under one caption."""
    teks = _teks_lakip(halaman)
    assert "Penduduk Usia Kerja 221.749 225.805 227.135 4.056 1.330" in teks
    assert "Angkatan Kerja 162.182 161.470 157.300 -712 -4.170" in teks
    assert "Pengangguran 8.052 7.230 8.521 -822 1.291" in teks
    assert "Bukan Angkatan Kerja 59.567 64.335 69.835 4.768 5.500" in teks
    judul = "Penduduk Usia Kerja dan Angkatan Kerja di Luwu Timur"
    assert teks.count(judul) == 1
    assert re.search(rf"Tabel 3\.\d+\. {judul}", teks)
    assert "Tabel 1 Penduduk" not in teks


def test_keluaran_kedua_penyiapan_lingkungan_hunian(halaman):
    """The sub kegiatan's second output, named only in its report in the seed,
    is printed in the LAKIP and in the sub kegiatan's report."""
    keluaran = "Jumlah pelaporan kelayakan"
    assert keluaran in _teks_lakip(halaman)
    laporan = {}
    for h in halaman:
        if h.jenis == "subkegiatan":
            laporan[h.kunci] = f"{laporan.get(h.kunci, '')} {h.teks}"
    hunian = [t for t in laporan.values() if "Penyiapan Lingkungan Hunian" in t]
    assert len(hunian) == 1
    assert keluaran in hunian[0] and "Jumlah Rumah Tangga" in hunian[0]
