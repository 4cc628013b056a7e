"""The attendance lists of the evaluation meeting: the general one (all staff,
after the invitation) and one per scheduled unit (first in its unit). Not
signed in the app: they are signed on paper at the meeting."""

import dataclasses

from django.core.management.base import CommandError

from laporan.dokumen.dasar import (
    OPSI_UNIT,
    AturanTanggal,
    Bagian,
    JenisDokumen,
    boleh_peserta,
    kode_unit,
    nama_periode,
    unit_perintah,
)
from laporan.dokumen.kunci import DAFTAR_HADIR, kunci
from laporan.dokumen.undangan import undangan_perintah
from laporan.lampiran import rapat


def _tanggal_hadir(k, x):
    """A unit's list: its meeting's day; the general list: the meeting date of
    the quarter's calendar."""
    for d in k.daftar_hadir:
        if d.kunci == x and d.unit is not None:
            return d.tanggal
    return k.kalender.tanggal_rapat


def _bagian_hadir(k, daftar, kelompok):
    daftar = dataclasses.replace(daftar, tanggal=JENIS.tanggal_dokumen(k, daftar.kunci))
    judul = "Daftar Hadir Rapat Evaluasi"
    if daftar.unit is not None:
        judul += f" {daftar.unit.nama}"
    return Bagian(
        daftar.kunci,
        DAFTAR_HADIR,
        judul,
        kelompok,
        lambda: rapat.html_daftar_hadir([daftar]),
    )


def _umum(k, _subjek):
    """The general list, right after the invitation."""
    return [_bagian_hadir(k, d, "") for d in k.daftar_hadir if d.unit is None]


def _unit(k, unit):
    return [
        _bagian_hadir(k, d, k.kelompok(unit))
        for d in k.daftar_hadir
        if d.unit is not None and k.unit_akar(d.unit.pk) == unit
    ]


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``DAFTARHADIR-2024-TW1[-<unit>]-disnakertrans-lutim.pdf``."""
    tengah = kode_unit(instansi, pk)
    return nama_periode("DAFTARHADIR", instansi, tahun, triwulan, tengah)


def _perintah(instansi, tahun, triwulan, opsi):
    unit = unit_perintah(instansi, opsi)
    undangan = undangan_perintah(instansi, tahun, triwulan)
    if unit is None:
        return [DAFTAR_HADIR], nama_berkas(instansi, tahun, triwulan)
    if not rapat.susun_daftar_hadir(
        instansi, tahun, triwulan, undangan=undangan, unit=unit
    ):
        raise CommandError(f"{unit.nama} tidak ada dalam jadwal rapat.")
    return [kunci(DAFTAR_HADIR, unit.pk)], nama_berkas(
        instansi, tahun, triwulan, unit.pk
    )


JENIS = JenisDokumen(
    kode=DAFTAR_HADIR,
    label="Daftar hadir rapat",
    tempat=(("instansi", _umum), ("unit_awal", _unit)),
    nama_berkas=nama_berkas,
    boleh_unduh=boleh_peserta,
    perintah=_perintah,
    opsi_perintah=OPSI_UNIT,
    templat="laporan/rapat/dokumen.html",
    tanggal=AturanTanggal(
        "hari rapat unit; daftar hadir umum: tanggal rapat evaluasi (kalender "
        "triwulan)",
        _tanggal_hadir,
    ),
)
