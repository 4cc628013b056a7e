"""What each dashboard page shows: its tables and charts, assembled from the
report data of the chosen year and quarter. Views render these; the Excel
export writes the same ``Tabel`` objects."""

from dataclasses import dataclass, field

from django.http import Http404

from lakip.format import format_triwulan
from laporan.dasbor import grafik
from laporan.dasbor import ringkasan as rk
from laporan.dasbor import selectors as sel
from laporan.dasbor import tabel as tb


@dataclass
class Halaman:
    judul: str
    tahun: int
    triwulan: int
    data: object  # DataLaporan of the chosen quarter
    tabel: list = field(default_factory=list)  # every table, in page order
    konteks: dict = field(default_factory=dict)  # everything else the page shows
    jejak: list = field(default_factory=list)  # breadcrumb: [(label, url)]

    @property
    def periode(self):
        return rk.label_periode(self.tahun, self.triwulan)


def _label(data):
    return rk.label_periode(data.tahun, data.triwulan)


def _titik_capaian(data_tw, indikator_pk):
    """``[(label, [Penilaian])]`` of the given indicators in every quarter."""
    hasil = []
    for d in data_tw:
        per_pk = {b.objek.pk: b for b in d.indikator}
        hasil.append(
            (
                _label(d),
                [
                    rk.nilai_indikator(per_pk[pk], d.triwulan)
                    for pk in indikator_pk
                    if pk in per_pk
                ],
            )
        )
    return hasil


# Landing page ----------------------------------------------------------------


def dasbor(instansi, tahun, triwulan, tautan):
    """The landing page: IKU, budget (agency, program, unit), lagging sub
    kegiatan, efficiency, entry completeness and the trend."""
    data_tw = sel.data_tahun(instansi, tahun, triwulan)
    data = data_tw[-1]
    lalu = sel.data_tahun_lalu(instansi, tahun, triwulan)
    unit = sel.unit_kerja(instansi)
    entri = sel.entri_triwulan(instansi, tahun, triwulan)

    kartu = rk.kartu_iku(data)
    program = data.anggaran.anak
    per_unit = rk.anggaran_per_unit(data, unit)
    tertinggal = rk.sub_kegiatan_tertinggal(data, unit)
    efisiensi = rk.efisiensi_program(data)
    kelengkapan = rk.kelengkapan_unit(data, unit, entri)
    titik = rk.tren(data_tw, lalu)
    ada_tahun_lalu = len(titik) > len(data_tw)

    titik_serapan = [(t.label, t.anggaran) for t in titik]
    titik_iku = [(t.label, t.iku) for t in titik]

    tabel = {
        "iku": tb.tabel_iku(kartu, tautan),
        "anggaran": tb.tabel_anggaran(
            "anggaran",
            "Anggaran per program",
            program,
            total=data.anggaran,
            tautan=tautan,
        ),
        "anggaran_unit": tb.tabel_anggaran(
            "anggaran_unit",
            "Anggaran per unit kerja",
            per_unit,
            total=data.anggaran,
            label="Unit kerja",
            dengan_kode=False,
        ),
        "tertinggal": tb.tabel_tertinggal(tertinggal, tautan),
        "efisiensi": tb.tabel_efisiensi(efisiensi, tautan),
        "kelengkapan": tb.tabel_kelengkapan(kelengkapan),
        "tren_anggaran": tb.tabel_riwayat_anggaran(
            "tren_anggaran", "Tren serapan anggaran", titik_serapan
        ),
        "tren_iku": tb.tabel_riwayat_capaian(
            "tren_iku", "Tren capaian IKU", titik_iku, tautan
        ),
    }
    tabel["anggaran"].grafik = grafik.grafik_anggaran(
        "Anggaran instansi dan per program", [data.anggaran, *program], tautan
    )
    tabel["anggaran_unit"].grafik = grafik.grafik_anggaran(
        "Anggaran per unit kerja", per_unit
    )
    tabel["tren_anggaran"].grafik = grafik.grafik_serapan(
        "Tren serapan anggaran", titik_serapan
    )
    tabel["tren_iku"].grafik = grafik.grafik_capaian(
        "Tren capaian IKU", titik_iku, ada_tahun_lalu, tautan
    )
    hijau, kuning, serapan = rk.ambang()
    jumlah_lampu = {w: sum(1 for k in kartu if k.lampu == w) for w in rk.LABEL_LAMPU}
    return Halaman(
        judul="Dasbor kinerja",
        tahun=tahun,
        triwulan=triwulan,
        data=data,
        tabel=list(tabel.values()),
        konteks={
            "t": tabel,
            "kartu": [
                {
                    "p": k,
                    "url_sasaran": tautan("sasaran", k.baris.objek.sasaran_id),
                    "url_indikator": tautan("indikator", k.baris.objek.pk),
                }
                for k in kartu
            ],
            "sasaran_tautan": [
                {"objek": s, "url": tautan("sasaran", s.pk)} for s in data.sasaran
            ],
            "total": data.anggaran,
            "jumlah_lampu": jumlah_lampu,
            "tertinggal": tertinggal,
            "kelengkapan": kelengkapan,
            "jumlah_disahkan": sum(1 for k in kelengkapan if k.status == "disahkan"),
            # Figures of a quarter not yet approved are a draft: named in a banner.
            "unit_draf": sel.unit_belum_disahkan(instansi, tahun, triwulan),
            "ada_tahun_lalu": ada_tahun_lalu,
            "label_tahun_lalu": rk.label_periode(tahun - 1, triwulan),
            "ambang": {"hijau": hijau, "kuning": kuning, "serapan": serapan},
        },
    )


# Drill-down ------------------------------------------------------------------


def _baris(data, tingkat, pk):
    baris = rk.indeks_anggaran(data).get((tingkat, pk))
    if baris is None:
        raise Http404("Data tidak ditemukan untuk periode ini.")
    return baris


def _rinci_anggaran(halaman, data_tw, tingkat, pk, label_anak, tautan):
    """Adds to a program, kegiatan or sub kegiatan page: its indicators, its
    children's budget (with their capaian), its quarter history."""
    data = halaman.data
    baris = _baris(data, tingkat, pk)
    indikator = rk.indeks_indikator(data).get((tingkat, pk), [])
    penilaian = [rk.nilai_indikator(i, data.triwulan) for i in indikator]
    riwayat_anggaran = [(_label(d), _baris(d, tingkat, pk)) for d in data_tw]
    riwayat_capaian = _titik_capaian(data_tw, [i.objek.pk for i in indikator])

    halaman.tabel.append(
        tb.tabel_indikator("indikator", "Indikator", penilaian, tautan)
    )
    if baris.anak:
        rincian = tb.tabel_anggaran(
            "rincian",
            f"{label_anak} dan anggarannya",
            baris.anak,
            total=baris,
            label=label_anak,
            tautan=tautan,
            penilaian=rk.penilaian_per_objek(data, baris.anak[0].tingkat),
        )
        rincian.grafik = grafik.grafik_anggaran(
            rincian.judul, [baris, *baris.anak], tautan
        )
        halaman.tabel.append(rincian)
    halaman.tabel += _tabel_riwayat(riwayat_anggaran, riwayat_capaian, False, tautan)
    halaman.konteks.update({"baris": baris, "penilaian": penilaian})
    return halaman


def _tabel_riwayat(riwayat_anggaran, riwayat_capaian, tahun_lalu, tautan):
    anggaran = tb.tabel_riwayat_anggaran(
        "riwayat_anggaran", "Riwayat anggaran per triwulan", riwayat_anggaran
    )
    anggaran.grafik = grafik.grafik_riwayat_anggaran(anggaran.judul, riwayat_anggaran)
    capaian = tb.tabel_riwayat_capaian(
        "riwayat_capaian", "Riwayat capaian per triwulan", riwayat_capaian, tautan
    )
    capaian.grafik = grafik.grafik_capaian(
        capaian.judul, riwayat_capaian, tahun_lalu, tautan
    )
    return [anggaran, capaian]


def _jejak_sasaran(sasaran, tautan):
    if sasaran is None:
        return []
    return [(f"Sasaran: {sasaran.nama}", tautan("sasaran", sasaran.pk))]


def halaman_sasaran(instansi, sasaran, tahun, triwulan, tautan):
    """A sasaran: its IKU, the programs that support it (their budget summed)
    and the quarter history of both, with the same quarter last year."""
    data_tw = sel.data_tahun(instansi, tahun, triwulan)
    data = data_tw[-1]
    lalu = sel.data_tahun_lalu(instansi, tahun, triwulan)
    indikator = rk.indeks_indikator(data).get(("sasaran", sasaran.pk), [])
    if not any(s.pk == sasaran.pk for s in data.sasaran):
        raise Http404("Sasaran tidak berlaku pada tahun ini.")
    penilaian = [rk.nilai_indikator(i, triwulan) for i in indikator]
    total = rk.anggaran_sasaran(data, sasaran)
    pk_iku = [i.objek.pk for i in indikator]
    riwayat_capaian = _titik_capaian(data_tw, pk_iku)
    tahun_lalu = rk.ada_data(lalu)
    if tahun_lalu:
        riwayat_capaian += _titik_capaian([lalu], pk_iku)
    riwayat_anggaran = [(_label(d), rk.anggaran_sasaran(d, sasaran)) for d in data_tw]
    halaman = Halaman(
        judul="Sasaran",
        tahun=tahun,
        triwulan=triwulan,
        data=data,
        jejak=[(f"Sasaran: {sasaran.nama}", "")],
    )
    program = tb.tabel_anggaran(
        "program",
        "Program pendukung dan anggarannya",
        total.anak,
        total=total,
        tautan=tautan,
        penilaian=rk.penilaian_per_objek(data, "program"),
    )
    program.grafik = grafik.grafik_anggaran(program.judul, [total, *total.anak], tautan)
    halaman.tabel = [
        tb.tabel_indikator("iku", "Indikator Kinerja Utama", penilaian, tautan),
        program,
        *_tabel_riwayat(riwayat_anggaran, riwayat_capaian, tahun_lalu, tautan),
    ]
    halaman.konteks = {"objek": sasaran, "baris": total, "penilaian": penilaian}
    return halaman


LABEL_TINGKAT = {
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub kegiatan",
}
LABEL_ANAK = {
    "program": "Kegiatan",
    "kegiatan": "Sub kegiatan",
    "sub_kegiatan": "Indikator",
}


def rantai(tingkat, objek):
    """``[(tingkat, objek)]`` from the program down to ``objek`` (a program,
    kegiatan or sub kegiatan)."""
    if tingkat == "program":
        return [("program", objek)]
    if tingkat == "kegiatan":
        return [("program", objek.program), ("kegiatan", objek)]
    kegiatan = objek.kegiatan
    return [
        ("program", kegiatan.program),
        ("kegiatan", kegiatan),
        ("sub_kegiatan", objek),
    ]


def _jejak_rantai(rantai_objek, tautan):
    program = rantai_objek[0][1]
    return [
        *_jejak_sasaran(program.sasaran, tautan),
        *[(f"{LABEL_TINGKAT[t]}: {o.nama}", tautan(t, o.pk)) for t, o in rantai_objek],
    ]


def halaman_anggaran(instansi, tingkat, objek, triwulan, tautan):
    """A program, kegiatan or sub kegiatan: its figures, its children and its
    quarter history in its budget year."""
    rantai_objek = rantai(tingkat, objek)
    tahun = rantai_objek[0][1].tahun
    data_tw = sel.data_tahun(instansi, tahun, triwulan)
    jejak = _jejak_rantai(rantai_objek, tautan)
    jejak[-1] = (jejak[-1][0], "")
    halaman = Halaman(
        judul=LABEL_TINGKAT[tingkat],
        tahun=tahun,
        triwulan=triwulan,
        data=data_tw[-1],
        jejak=jejak,
    )
    halaman = _rinci_anggaran(
        halaman, data_tw, tingkat, objek.pk, LABEL_ANAK[tingkat], tautan
    )
    # The report data's object, with its unit, PPTK and pelaksana loaded.
    halaman.konteks["objek"] = halaman.konteks["baris"].objek
    return halaman


def halaman_indikator(instansi, indikator, tahun, triwulan, tautan):
    """An indicator: per quarter its target, realisation and both capaian (each
    from that quarter's report data), and last year's figures."""
    data_tw = sel.data_tahun(instansi, tahun, triwulan)
    baris_tw = []
    for d in data_tw:
        baris = next((b for b in d.indikator if b.objek.pk == indikator.pk), None)
        if baris is None:
            raise Http404("Indikator tidak berlaku pada tahun ini.")
        baris_tw.append(baris)
    baris = baris_tw[-1]
    penilaian_tw = [
        rk.nilai_indikator(b, d.triwulan)
        for b, d in zip(baris_tw, data_tw, strict=True)
    ]
    lalu = None
    if indikator.tingkat == "sasaran":
        data_lalu = sel.data_tahun_lalu(instansi, tahun, triwulan)
        lalu = next(
            (b for b in data_lalu.indikator if b.objek.pk == indikator.pk), None
        )
        if lalu is not None and not rk.terisi(lalu):
            lalu = None

    riwayat = tb.Tabel(
        kode="riwayat",
        judul="Riwayat per triwulan",
        kolom=[
            tb.Kolom("Periode"),
            tb.Kolom("Target TW", tb.ANGKA),
            tb.Kolom("Realisasi TW", tb.ANGKA),
            tb.Kolom("Capaian TW (%)", tb.PERSEN),
            tb.Kolom("Realisasi s.d. TW", tb.ANGKA),
            tb.Kolom("Capaian tahun (%)", tb.PERSEN),
            tb.Kolom("Status"),
        ],
    )
    for t in range(1, 5):
        label = rk.label_periode(tahun, t)
        if t <= len(baris_tw):
            b, p = baris_tw[t - 1], penilaian_tw[t - 1]
            isi = [
                tb.sel(b.target_tw[t - 1], tb.ANGKA),
                tb.sel(b.realisasi, tb.ANGKA),
                tb.sel(b.capaian_tw, tb.PERSEN),
                tb.sel(b.realisasi_kumulatif, tb.ANGKA),
                tb.sel(b.capaian_tahun, tb.PERSEN),
                tb.sel(p.label_lampu, lampu=p.lampu),
            ]
        else:  # a quarter not yet reached: its target only
            isi = [tb.sel(baris.target_tw[t - 1], tb.ANGKA)] + [
                tb.sel(None, k.jenis) for k in riwayat.kolom[2:]
            ]
        riwayat.baris.append(tb.Baris([tb.sel(label), *isi]))
    if lalu is not None:
        label = rk.label_periode(tahun - 1, triwulan)
        riwayat.baris.append(
            tb.Baris(
                [
                    tb.sel(label),
                    tb.sel(lalu.target_tw[triwulan - 1], tb.ANGKA),
                    tb.sel(lalu.realisasi, tb.ANGKA),
                    tb.sel(lalu.capaian_tw, tb.PERSEN),
                    tb.sel(lalu.realisasi_kumulatif, tb.ANGKA),
                    tb.sel(lalu.capaian_tahun, tb.PERSEN),
                    tb.sel(""),
                ]
            )
        )
    tahunan = tb.Tabel(
        kode="tahunan",
        judul="Target dan realisasi tahunan",
        kolom=[
            tb.Kolom("Tahun"),
            tb.Kolom("Target", tb.ANGKA),
            tb.Kolom("Realisasi", tb.ANGKA),
            tb.Kolom("Capaian (%)", tb.PERSEN),
        ],
        baris=[
            tb.Baris(
                [
                    tb.sel(f"{tahun} (s.d. TW {format_triwulan(triwulan)})"),
                    tb.sel(baris.target_tahun, tb.ANGKA),
                    tb.sel(baris.realisasi_kumulatif, tb.ANGKA),
                    tb.sel(baris.capaian_tahun, tb.PERSEN),
                ]
            ),
            tb.Baris(
                [
                    tb.sel(str(tahun - 1)),
                    tb.sel(baris.target_tahun_lalu, tb.ANGKA),
                    tb.sel(baris.realisasi_tahun_lalu, tb.ANGKA),
                    tb.sel(baris.capaian_tahun_lalu, tb.PERSEN),
                ]
            ),
            tb.Baris(
                [
                    tb.sel("Akhir Renstra"),
                    tb.sel(baris.target_renstra, tb.ANGKA),
                    tb.sel(baris.realisasi_kumulatif, tb.ANGKA),
                    tb.sel(baris.capaian_renstra, tb.PERSEN),
                ]
            ),
        ],
    )
    riwayat.grafik = grafik.grafik_capaian_indikator(
        "Capaian per triwulan",
        [(_label(d), b) for d, b in zip(data_tw, baris_tw, strict=True)],
    )
    halaman = Halaman(
        judul="Indikator",
        tahun=tahun,
        triwulan=triwulan,
        data=data_tw[-1],
        tabel=[riwayat, tahunan],
        jejak=_jejak_indikator(indikator, tautan),
        konteks={"objek": indikator, "baris": baris, "penilaian": penilaian_tw[-1]},
    )
    return halaman


def _jejak_indikator(indikator, tautan):
    if indikator.tingkat == "sasaran":
        jejak = _jejak_sasaran(indikator.induk, tautan)
    else:
        jejak = _jejak_rantai(rantai(indikator.tingkat, indikator.induk), tautan)
    return [*jejak, (f"Indikator: {indikator.nama}", "")]
