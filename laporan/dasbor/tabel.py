"""The dashboard's tables: one structure rendered as HTML and exported to Excel,
so both always show the same figures.

A ``Tabel`` has columns of a kind (text, money, percentage, number) and rows of
``Sel``: the value as computed (for Excel) and its Indonesian text (for HTML),
with an optional link and traffic light.
"""

from dataclasses import dataclass, field

from lakip import perhitungan as hitung
from lakip.format import KOSONG, format_angka, format_persen, format_uang
from laporan.dasbor import ringkasan as rk

TEKS, UANG, PERSEN, ANGKA = "teks", "uang", "persen", "angka"
LABEL_DASAR = {rk.DASAR_TRIWULAN: "target triwulan", rk.DASAR_TAHUN: "target tahunan"}


@dataclass
class Kolom:
    judul: str
    jenis: str = TEKS
    tampil: str = ""  # HTML: shown from this Bootstrap breakpoint up (md, xl, ...)

    @property
    def angka(self):
        return self.jenis != TEKS


@dataclass
class Sel:
    nilai: object  # for Excel: int, Decimal (rounded as printed), str or None
    teks: str  # for HTML
    url: str = ""
    lampu: str = ""
    indentasi: int = 0
    keterangan: str = ""  # HTML: a second line shown where columns are hidden


@dataclass
class Baris:
    sel: list
    tebal: bool = False


@dataclass
class Tabel:
    kode: str  # sheet name and HTML id
    judul: str
    kolom: list
    baris: list = field(default_factory=list)
    catatan: str = ""
    grafik: str = ""  # SVG of a chart whose numbers this table holds
    lembar: str = ""  # Excel sheet name (at most 31 characters) when judul is longer

    @property
    def baris_html(self):
        """``[(Baris, [(Kolom, Sel)])]`` for templates."""
        return [(b, list(zip(self.kolom, b.sel, strict=True))) for b in self.baris]


def format_nilai(nilai):
    """An indicator value as printed: a whole number without decimals (``312``),
    any other rounded half up to two decimals (``7,33``, ``75,40``, ``23,00``
    for 22,998); ``-`` when not computable."""
    nilai = hitung.desimal(nilai)
    if not hitung.terhitung(nilai):
        return KOSONG
    return format_angka(nilai, None if nilai == nilai.to_integral_value() else 2)


def nilai_excel(nilai, jenis):
    """The value written to Excel: money as whole rupiah, other numbers rounded
    half up to two decimals as printed, ``None`` where not computable."""
    if jenis == TEKS:
        return None if nilai in (None, "") else str(nilai)
    if not hitung.terhitung(nilai):
        return None
    if jenis == UANG:
        return int(nilai)
    return hitung.bulatkan(nilai)


def sel(nilai, jenis=TEKS, url="", lampu="", indentasi=0, teks=None, keterangan=""):
    """A cell of ``jenis`` with its Indonesian text."""
    if teks is None:
        if jenis == UANG:
            teks = format_uang(nilai, awalan="")
        elif jenis == PERSEN:
            teks = format_persen(nilai)
        elif jenis == ANGKA:
            teks = format_nilai(nilai)
        else:
            teks = KOSONG if nilai in (None, "") else str(nilai)
    return Sel(
        nilai=nilai_excel(nilai, jenis),
        teks=teks,
        url=url or "",
        lampu=lampu,
        indentasi=indentasi,
        keterangan=keterangan,
    )


def _tautan(tautan, tingkat, objek):
    return tautan(tingkat, objek.pk) if tautan and objek is not None else ""


def _nama_pejabat(pegawai):
    return pegawai.nama_lengkap if pegawai else ""


# Budget ----------------------------------------------------------------------

KOLOM_UANG = [
    Kolom("Pagu (Rp)", UANG),
    Kolom("Anggaran kas s.d. TW (Rp)", UANG),
    Kolom("Realisasi s.d. TW (Rp)", UANG),
    Kolom("% anggaran kas", PERSEN),
    Kolom("% pagu", PERSEN),
]


def sel_uang(baris):
    return [
        sel(baris.pagu, UANG),
        sel(baris.anggaran_kas, UANG),
        sel(baris.realisasi, UANG),
        sel(baris.persen_kas, PERSEN),
        sel(baris.persen_pagu, PERSEN),
    ]


def tabel_anggaran(
    kode,
    judul,
    baris_baris,
    total=None,
    label="Program",
    tautan=None,
    penilaian=None,
    dengan_kode=True,
):
    """Budget rows (``BarisAnggaran``) with pagu, anggaran kas, realisasi and both
    absorption percentages; ``total`` as a bold last row. With ``penilaian``
    (``{(tingkat, pk): Penilaian}``) a capaian column with its light is added.
    Rows' ``anak`` that are units print indented below them."""
    kolom = [Kolom("Kode", tampil="md"), Kolom(label), *KOLOM_UANG]
    if penilaian is not None:
        kolom += [Kolom("Capaian (%)", PERSEN), Kolom("Status")]
    tabel = Tabel(kode=kode, judul=judul, kolom=kolom)

    def tambah(baris, indentasi=0):
        objek = baris.objek
        sel_baris = [
            sel(baris.kode),
            sel(
                baris.nama,
                url=_tautan(tautan, baris.tingkat, objek),
                indentasi=indentasi,
                keterangan=baris.kode,
            ),
            *sel_uang(baris),
        ]
        if penilaian is not None:
            p = penilaian.get((baris.tingkat, objek.pk))
            sel_baris += [
                sel(p.capaian if p else None, PERSEN, lampu=p.lampu if p else ""),
                sel(p.label_lampu if p else ""),
            ]
        tabel.baris.append(Baris(sel_baris))
        if baris.tingkat == "unit":
            for anak in baris.anak:
                tambah(anak, indentasi + 1)

    for baris in baris_baris:
        tambah(baris)
    if total is not None:
        sel_total = [sel(None, teks=""), sel("Jumlah"), *sel_uang(total)]
        if penilaian is not None:
            sel_total += [sel(None, PERSEN, teks=""), sel(None, teks="")]
        tabel.baris.append(Baris(sel_total, tebal=True))
    if not dengan_kode:
        tabel.kolom.pop(0)
        for baris in tabel.baris:
            baris.sel.pop(0)
            baris.sel[0].keterangan = ""
    return tabel


def tabel_riwayat_anggaran(kode, judul, titik):
    """Per quarter (``[(label, BarisAnggaran)]``): the money of one row."""
    tabel = Tabel(kode=kode, judul=judul, kolom=[Kolom("Periode"), *KOLOM_UANG])
    for label, baris in titik:
        tabel.baris.append(Baris([sel(label), *sel_uang(baris)]))
    return tabel


# Indicators ------------------------------------------------------------------


def tabel_indikator(kode, judul, penilaian, tautan=None, dengan_pemilik=False):
    """Indicators (``Penilaian``) with targets, realisation, both capaian, the
    capaian they are judged by and its light."""
    kolom = [Kolom("Indikator"), Kolom("Satuan")]
    if dengan_pemilik:
        kolom.insert(0, Kolom("Sasaran / pemilik"))
    kolom += [
        Kolom("Target tahun", ANGKA),
        Kolom("Target TW", ANGKA),
        Kolom("Realisasi TW", ANGKA),
        Kolom("Realisasi s.d. TW", ANGKA),
        Kolom("Capaian TW (%)", PERSEN),
        Kolom("Capaian tahun (%)", PERSEN),
        Kolom("Dinilai dari"),
        Kolom("Status"),
        Kolom("Capaian tahun lalu (%)", PERSEN),
        Kolom("Penanggung jawab"),
    ]
    tabel = Tabel(kode=kode, judul=judul, kolom=kolom)
    for p in penilaian:
        b = p.baris
        triwulan = p.triwulan
        sel_baris = [
            sel(b.nama, url=_tautan(tautan, "indikator", b.objek)),
            sel(b.satuan),
            sel(b.target_tahun, ANGKA),
            sel(b.target_tw[triwulan - 1], ANGKA),
            sel(b.realisasi, ANGKA),
            sel(b.realisasi_kumulatif, ANGKA),
            sel(b.capaian_tw, PERSEN),
            sel(b.capaian_tahun, PERSEN),
            sel(LABEL_DASAR[p.dasar]),
            sel(p.label_lampu, lampu=p.lampu),
            sel(b.capaian_tahun_lalu, PERSEN),
            sel(_nama_pejabat(b.penanggung_jawab)),
        ]
        if dengan_pemilik:
            sel_baris.insert(0, sel(b.pemilik))
        tabel.baris.append(Baris(sel_baris))
    return tabel


def tabel_riwayat_capaian(kode, judul, titik, tautan=None):
    """Indicators × quarters: the capaian each is judged by, per quarter.
    ``titik`` is ``[(label, [Penilaian])]`` with the indicators in the same
    order in every quarter."""
    tabel = Tabel(
        kode=kode,
        judul=judul,
        kolom=[
            Kolom("Indikator"),
            *[Kolom(f"{label} (%)", PERSEN) for label, _ in titik],
        ],
    )
    if not titik:
        return tabel
    per_indikator = {}
    for label, penilaian in titik:
        for p in penilaian:
            per_indikator.setdefault(p.baris.objek.pk, {})[label] = p
    for p in titik[0][1]:
        per_periode = per_indikator[p.baris.objek.pk]
        sel_periode = []
        for label, _ in titik:
            q = per_periode.get(label)
            sel_periode.append(
                sel(q.capaian if q else None, PERSEN, lampu=q.lampu if q else "")
            )
        nama = sel(p.baris.nama, url=_tautan(tautan, "indikator", p.baris.objek))
        tabel.baris.append(Baris([nama, *sel_periode]))
    return tabel


# Landing page tables ---------------------------------------------------------


def tabel_tertinggal(tertinggal, tautan=None):
    tabel = Tabel(
        kode="tertinggal",
        judul="Sub kegiatan tertinggal",
        kolom=[
            Kolom("Kode", tampil="xl"),
            Kolom("Sub kegiatan"),
            Kolom("Unit", tampil="md"),
            Kolom("Penanggung jawab", tampil="md"),
            Kolom("Indikator tertinggal", tampil="xl"),
            Kolom("Capaian TW (%)", PERSEN),
            Kolom("Anggaran kas s.d. TW (Rp)", UANG, tampil="xxl"),
            Kolom("Realisasi s.d. TW (Rp)", UANG, tampil="xxl"),
            Kolom("% anggaran kas", PERSEN),
            Kolom("Alasan", tampil="lg"),
        ],
    )
    for t in tertinggal:
        a = t.anggaran
        tabel.baris.append(
            Baris(
                [
                    sel(a.kode),
                    sel(
                        a.nama,
                        url=_tautan(tautan, "sub_kegiatan", a.objek),
                        keterangan=f"{a.unit} · {_nama_pejabat(t.penanggung_jawab)}",
                    ),
                    sel(a.unit),
                    sel(_nama_pejabat(t.penanggung_jawab)),
                    sel("; ".join(i.nama for i in t.tertinggal)),
                    sel(t.capaian, PERSEN, lampu=t.lampu),
                    sel(a.anggaran_kas, UANG),
                    sel(a.realisasi, UANG),
                    sel(
                        a.persen_kas, PERSEN, lampu=rk.MERAH if t.serapan_rendah else ""
                    ),
                    sel(t.alasan),
                ]
            )
        )
    return tabel


def tabel_efisiensi(efisiensi, tautan=None):
    tabel = Tabel(
        kode="efisiensi",
        judul="Efisiensi per program",
        kolom=[
            Kolom("Kode", tampil="md"),
            Kolom("Program"),
            Kolom("Capaian output (%)", PERSEN),
            Kolom("Dinilai dari", tampil="md"),
            Kolom("Serapan anggaran kas (%)", PERSEN),
            Kolom("Efisiensi"),
        ],
        catatan=(
            "Efisien: capaian output sama dengan atau di atas target (≥ 100 %) "
            "sementara realisasi dana sama dengan atau di bawah anggaran kas "
            "(≤ 100 %)."
        ),
    )
    warna = {True: rk.HIJAU, False: rk.MERAH}
    for e in efisiensi:
        a = e.anggaran
        tabel.baris.append(
            Baris(
                [
                    sel(a.kode),
                    sel(
                        a.nama,
                        url=_tautan(tautan, "program", a.objek),
                        keterangan=a.kode,
                    ),
                    sel(e.capaian, PERSEN),
                    sel(LABEL_DASAR[e.penilaian.dasar] if e.penilaian else ""),
                    sel(e.serapan, PERSEN),
                    sel(e.label, lampu=warna.get(e.efisien, rk.ABU)),
                ]
            )
        )
    return tabel


WARNA_STATUS = {
    "draf": rk.ABU,
    "diajukan": rk.KUNING,
    "diverifikasi": "biru",
    "disahkan": rk.HIJAU,
}


def tabel_kelengkapan(kelengkapan):
    tabel = Tabel(
        kode="kelengkapan",
        judul="Kelengkapan entri dan status per unit",
        lembar="Kelengkapan entri per unit",
        kolom=[
            Kolom("Unit"),
            Kolom("Indikator sub kegiatan", ANGKA),
            Kolom("Sudah diisi", ANGKA),
            Kolom("Kelengkapan (%)", PERSEN),
            Kolom("Status"),
        ],
    )
    for k in kelengkapan:
        tabel.baris.append(
            Baris(
                [
                    sel(k.unit.nama),
                    sel(k.jumlah, ANGKA),
                    sel(k.terisi, ANGKA),
                    sel(k.persen, PERSEN),
                    sel(k.label_status, lampu=WARNA_STATUS.get(k.status, rk.ABU)),
                ]
            )
        )
    return tabel


def tabel_iku(kartu, tautan=None):
    return tabel_indikator(
        "iku", "Indikator Kinerja Utama", kartu, tautan=tautan, dengan_pemilik=True
    )
