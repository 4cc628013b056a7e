"""A unit head's recommendations to the unit's officials after the evaluation
meeting, signed by the unit head; last in the unit."""

import dataclasses

from django.core.management.base import CommandError
from django.http import Http404

from lakip.format import format_triwulan
from lakip.models import UnitKerja
from lakip.peran import peran_pengguna
from laporan.dokumen.dasar import (
    OPSI_UNIT,
    PEMBACA,
    AturanTanggal,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    boleh_peserta,
    kode_unit,
    nama_periode,
    unit_perintah,
)
from laporan.dokumen.kunci import REKOMENDASI, kunci
from laporan.lampiran import rapat
from laporan.lampiran.susun import Penanda


def _tanggal_rekomendasi(k, x):
    """The date typed for the recommendations when it is on or after the
    evaluation meeting, else the quarter's issue date."""
    kalender = k.kalender
    for r in k.rekomendasi:
        if r.kunci == x and r.tanggal and r.tanggal >= kalender.tanggal_rapat:
            return r.tanggal
    return kalender.tanggal_terbit


def _dengan_tanggal(k, r):
    terbit = k.terbit.get((REKOMENDASI, r.kunci))
    return dataclasses.replace(r, tanggal_ttd=JENIS.tanggal_dokumen(k, r.kunci, terbit))


def _bagian(k, unit):
    return [
        Bagian(
            r.kunci,
            REKOMENDASI,
            f"Rekomendasi Hasil Evaluasi {r.unit.nama}",
            k.kelompok(unit),
            lambda r=r: rapat.html_rekomendasi([_dengan_tanggal(k, r)]),
            terbit=k.terbit.get((REKOMENDASI, r.kunci)),
        )
        for r in k.rekomendasi
        if k.unit_akar(r.unit.pk) == unit
    ]


def _ttd(k):
    for r in k.rekomendasi:

        def html(t, r=r):
            beku = dataclasses.replace(
                _dengan_tanggal(k, r), terbit=t, penanda=Penanda.dari_terbit(t)
            )
            if t.tanggal_dokumen:
                beku.tanggal_ttd = t.tanggal_dokumen
            return rapat.html_rekomendasi([beku])

        yield DokumenTtd(
            jenis=REKOMENDASI,
            kunci=r.kunci,
            judul=f"Rekomendasi Hasil Evaluasi {r.unit.nama}",
            penanda=r.unit.kepala,
            subjek_nama=r.unit.nama,
            subjek_jabatan="Unit kerja",
            terbit=k.terbit.get((REKOMENDASI, r.kunci)),
            html=html,
            tanggal=_dengan_tanggal(k, r).tanggal_ttd,
            peran_penanda="Kepala unit",
        )


def boleh_unduh(user, instansi, pk):
    """The meeting's readers and the head of the unit ``pk``; ``Http404`` for a
    unit of another agency."""
    if not boleh_peserta(user, instansi, pk):
        return False
    if pk is None:
        return bool(peran_pengguna(user) & set(PEMBACA))
    unit = UnitKerja.objects.filter(instansi=instansi, pk=pk).first()
    if unit is None:
        raise Http404("Unit kerja tidak ada.")
    pegawai = getattr(user, "pegawai", None)
    return bool(peran_pengguna(user) & set(PEMBACA)) or (
        pegawai is not None and pegawai.pk == unit.kepala_id
    )


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``REKOMENDASI-2024-TW1[-<unit>]-disnakertrans-lutim.pdf``."""
    tengah = kode_unit(instansi, pk)
    return nama_periode("REKOMENDASI", instansi, tahun, triwulan, tengah)


def _perintah(instansi, tahun, triwulan, opsi):
    unit = unit_perintah(instansi, opsi)
    if not rapat.susun_rekomendasi(instansi, tahun, triwulan, unit=unit):
        untuk = f" {unit.nama}" if unit else ""
        raise CommandError(
            f"Belum ada rekomendasi{untuk} Triwulan {format_triwulan(triwulan)} "
            f"Tahun {tahun}."
        )
    if unit is None:
        return [REKOMENDASI], nama_berkas(instansi, tahun, triwulan)
    return [kunci(REKOMENDASI, unit.pk)], nama_berkas(
        instansi, tahun, triwulan, unit.pk
    )


JENIS = JenisDokumen(
    kode=REKOMENDASI,
    label="Rekomendasi hasil evaluasi",
    tempat=(("unit_akhir", _bagian),),
    nama_berkas=nama_berkas,
    ttd=_ttd,
    boleh_unduh=boleh_unduh,
    perintah=_perintah,
    opsi_perintah=OPSI_UNIT,
    templat="laporan/rapat/dokumen.html",
    tanggal=AturanTanggal(
        "tanggal rekomendasi bila pada atau sesudah rapat evaluasi, selain itu "
        "tanggal terbit triwulan (kalender triwulan)",
        _tanggal_rekomendasi,
    ),
)
