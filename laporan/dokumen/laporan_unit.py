"""The quarterly report of a unit (Laporan Kinerja Triwulan of the Sekretariat
or a Bidang, ``laporan-unit-<unit pk>``), signed by the unit head.

Where it sits: the seed prints the Sekretariat's report right after the
Sekretariat's evaluation table, among the Sekretaris's documents (lines
1111-1444: pernyataan, attendance list, evaluation table, then the report,
then the next official's pernyataan), so the part goes under the unit head's
documents (``pejabat``), after the head's evaluation tables (the kind is
registered after ``evaluasi-pejabat``) and before the head's sub kegiatan
reports. A unit whose head is not an evaluated official has it first in the
unit (``unit_awal``)."""

from django.core.management.base import CommandError

from laporan.dokumen.dasar import (
    OPSI_UNIT,
    TANGGAL_LAPORAN,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    kode_unit,
    nama_periode,
    unit_perintah,
)
from laporan.dokumen.kunci import LAPORAN_UNIT, kunci
from laporan.dokumen.rekomendasi import boleh_unduh
from laporan.unit import susun


def judul(unit):
    return f"Laporan Kinerja {unit.nama}"


def laporan_kosong(k, unit):
    """True when ``unit``'s report of ``k``'s quarter has none of its own prose
    written (the readiness list names it; a final package leaves it out)."""
    return susun.teks_kosong(susun.teks_unit(unit, k.tahun, k.triwulan))


def _bagian(k, unit):
    x = kunci(LAPORAN_UNIT, unit.pk)

    def buat():
        lap = susun.susun_laporan_unit(k.instansi, k.tahun, k.triwulan, unit, k.data)
        return susun.render_html(lap, tanggal=JENIS.tanggal_dokumen(k, x))

    return Bagian(
        x,
        LAPORAN_UNIT,
        judul(unit),
        k.kelompok(unit),
        buat,
        terbit=k.terbit.get((LAPORAN_UNIT, x)),
        kosong=lambda: laporan_kosong(k, unit),
    )


def _dievaluasi(k, unit):
    return unit.kepala_id is not None and any(p.pk == unit.kepala_id for p in k.pejabat)


def _pejabat(k, pegawai):
    """The reports of the top-level units ``pegawai`` heads."""
    return [
        _bagian(k, u)
        for u in k.unit
        if u.induk_id is None and u.kepala_id == pegawai.pk
    ]


def _awal(k, unit):
    """The report of ``unit`` when its head is not evaluated."""
    if unit is None or _dievaluasi(k, unit):
        return []
    return [_bagian(k, unit)]


def _ttd(k):
    for unit in k.unit:
        if unit.induk_id is not None:
            continue
        lap = susun.susun_laporan_unit(k.instansi, k.tahun, k.triwulan, unit, k.data)

        x = kunci(LAPORAN_UNIT, unit.pk)

        def html(t, lap=lap, x=x):
            return susun.render_html(lap, terbit=t, tanggal=JENIS.tanggal_dokumen(k, x))

        yield DokumenTtd(
            jenis=LAPORAN_UNIT,
            kunci=x,
            judul=judul(unit),
            penanda=unit.kepala,
            subjek_nama=unit.nama,
            subjek_jabatan="Unit kerja",
            terbit=k.terbit.get((LAPORAN_UNIT, x)),
            # nothing written yet: not ready to sign
            html=None if lap.kosong else html,
            tanggal=JENIS.tanggal_dokumen(k, x),
        )


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``LAPORANUNIT-2024-TW1[-<unit>]-disnakertrans-lutim.pdf``."""
    tengah = kode_unit(instansi, pk)
    return nama_periode("LAPORANUNIT", instansi, tahun, triwulan, tengah)


def _perintah(instansi, tahun, triwulan, opsi):
    unit = unit_perintah(instansi, opsi)
    if unit is None:
        return [LAPORAN_UNIT], nama_berkas(instansi, tahun, triwulan)
    if unit.induk_id is not None:
        raise CommandError(
            f"{unit.nama} bukan Sekretariat/Bidang: laporan kinerja unit dibuat "
            "untuk unit tingkat teratas."
        )
    return [kunci(LAPORAN_UNIT, unit.pk)], nama_berkas(
        instansi, tahun, triwulan, unit.pk
    )


JENIS = JenisDokumen(
    berdata=True,
    kode=LAPORAN_UNIT,
    label="Laporan kinerja unit",
    tempat=(("unit_awal", _awal), ("pejabat", _pejabat)),
    nama_berkas=nama_berkas,
    ttd=_ttd,
    boleh_unduh=boleh_unduh,
    perintah=_perintah,
    opsi_perintah=OPSI_UNIT,
    templat="laporan/unit/dokumen.html",
    tanggal=TANGGAL_LAPORAN,
)
