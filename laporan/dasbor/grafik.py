"""The dashboard's charts, drawn from the report data with ``svg.grafik_batang``."""

from laporan.dasbor.svg import Kelompok, Seri, grafik_batang, persen_teks

SERI_ANGGARAN = [
    Seri("Pagu", "#adb5bd", "#212529"),
    Seri("Anggaran kas", "#6ea8fe", "#052c65"),
    Seri("Realisasi", "#0a58ca", "#ffffff"),
]
SERI_SERAPAN = [
    Seri("% anggaran kas", "#0a58ca", "#ffffff"),
    Seri("% pagu", "#6ea8fe", "#052c65"),
]
WARNA_TRIWULAN = ["#9ec5fe", "#6ea8fe", "#3d8bfd", "#0a58ca"]
WARNA_TAHUN_LALU = "#adb5bd"


def _keterangan_serapan(baris):
    return (
        f"Serapan {persen_teks(baris.persen_kas)} dari anggaran kas · "
        f"{persen_teks(baris.persen_pagu)} dari pagu"
    )


def grafik_anggaran(judul, baris_baris, tautan=None):
    """Pagu, anggaran kas and realisasi of each row side by side, with both
    absorption percentages under the bars."""
    kelompok = [
        Kelompok(
            label=b.nama,
            nilai=[b.pagu, b.anggaran_kas, b.realisasi],
            url=tautan(b.tingkat, b.objek.pk)
            if tautan and b.tingkat in ("program", "kegiatan", "sub_kegiatan")
            else "",
            keterangan=_keterangan_serapan(b),
        )
        for b in baris_baris
    ]
    return grafik_batang(judul, kelompok, SERI_ANGGARAN)


def grafik_riwayat_anggaran(judul, titik):
    """Pagu, anggaran kas and realisasi of one row per period, with both
    absorption percentages; ``titik`` is ``[(label, BarisAnggaran)]``."""
    kelompok = [
        Kelompok(
            label=label,
            nilai=[b.pagu, b.anggaran_kas, b.realisasi],
            keterangan=_keterangan_serapan(b),
        )
        for label, b in titik
    ]
    return grafik_batang(judul, kelompok, SERI_ANGGARAN)


def grafik_serapan(judul, titik):
    """Absorption (% of anggaran kas, % of pagu) per period; ``titik`` is
    ``[(label, BarisAnggaran)]``."""
    kelompok = [
        Kelompok(label=label, nilai=[b.persen_kas, b.persen_pagu]) for label, b in titik
    ]
    return grafik_batang(judul, kelompok, SERI_SERAPAN, persen_teks, acuan=100)


def _seri_periode(titik, tahun_lalu):
    seri = []
    for i, (label, _) in enumerate(titik):
        lalu = tahun_lalu and i == len(titik) - 1
        warna = WARNA_TAHUN_LALU if lalu else WARNA_TRIWULAN[i % 4]
        seri.append(Seri(label, warna, "#212529" if i < 2 or lalu else "#ffffff"))
    return seri


def grafik_capaian(judul, titik, tahun_lalu=False, tautan=None):
    """Per indicator, the capaian it is judged by in each period (one bar per
    period); ``titik`` is ``[(label, [Penilaian])]``, indicators in the same
    order; with ``tahun_lalu`` the last period is last year's (grey)."""
    if not titik:
        return ""
    per_indikator = {}
    for label, penilaian in titik:
        for p in penilaian:
            per_indikator.setdefault(p.baris.objek.pk, {})[label] = p.capaian
    kelompok = [
        Kelompok(
            label=p.baris.nama,
            nilai=[per_indikator[p.baris.objek.pk].get(label) for label, _ in titik],
            url=tautan("indikator", p.baris.objek.pk) if tautan else "",
        )
        for p in titik[0][1]
    ]
    return grafik_batang(
        judul, kelompok, _seri_periode(titik, tahun_lalu), persen_teks, acuan=100
    )


SERI_CAPAIAN = [
    Seri("Capaian TW", "#0a58ca", "#ffffff"),
    Seri("Capaian tahun", "#6ea8fe", "#052c65"),
]


def grafik_capaian_indikator(judul, titik):
    """One indicator per period: its quarter capaian and its year capaian;
    ``titik`` is ``[(label, BarisIndikator)]``."""
    kelompok = [
        Kelompok(label=label, nilai=[b.capaian_tw, b.capaian_tahun])
        for label, b in titik
    ]
    return grafik_batang(judul, kelompok, SERI_CAPAIAN, persen_teks, acuan=100)
