"""The register of industrial dispute cases of a unit ("Daftar Kasus Pencatatan
Perselisihan HI"), signed by the unit's head; in its unit after the parts that
open it (seed lines 3759-3800). ``jenis_unit_hi`` declares this kind and the
trade-union data (``laporan.dokumen.serikat``): both print a unit's quarter
records of industrial relations."""

from django.core.management.base import CommandError
from django.http import Http404

from lakip.format import format_triwulan
from lakip.models import UnitKerja
from lakip.peran import peran_pengguna
from laporan.dokumen.dasar import (
    OPSI_UNIT,
    PEMBACA,
    TANGGAL_LAPORAN,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    kode_unit,
    nama_periode,
    unit_perintah,
)
from laporan.dokumen.kunci import PERSELISIHAN, kunci
from laporan.lampiran import hubungan_industrial as lampiran_hi
from realisasi import hubungan_industrial as hi
from realisasi.akses import unit_terlihat


def boleh_unduh(user, instansi, pk):
    """The readers of the reports and the staff who see the unit ``pk``;
    ``Http404`` for a unit of another agency."""
    if pk is None:
        return bool(peran_pengguna(user) & set(PEMBACA))
    unit = UnitKerja.objects.filter(instansi=instansi, pk=pk).first()
    if unit is None:
        raise Http404("Unit kerja tidak ada.")
    if peran_pengguna(user) & set(PEMBACA):
        return True
    return unit.pk in {u.pk for u in unit_terlihat(user)}


def jenis_unit_hi(kode, label, awalan, susun, unit_berdata, kosong):
    """The kind ``kode`` of one document per unit holding records
    (``unit_berdata(instansi, tahun, triwulan) -> {unit pk}``), assembled by
    ``susun(instansi, tahun, triwulan, unit, terbit=None)`` and signed by the
    unit's head."""

    def daftar_unit(k):
        ada = unit_berdata(k.instansi, k.tahun, k.triwulan)
        return [u for u in k.unit if u.pk in ada]

    def html(k, unit, terbit=None):
        dok = susun(k.instansi, k.tahun, k.triwulan, unit, terbit=terbit)
        dok.tanggal_ttd = TANGGAL_LAPORAN(k)
        if terbit is not None and terbit.tanggal_dokumen:
            dok.tanggal_ttd = terbit.tanggal_dokumen
        return lampiran_hi.render_html(dok)

    def bagian(k, akar):
        return [
            Bagian(
                kunci(kode, u.pk),
                kode,
                f"{label} {u.nama}",
                k.kelompok(akar),
                lambda u=u: html(k, u),
                terbit=k.terbit.get((kode, kunci(kode, u.pk))),
            )
            for u in daftar_unit(k)
            if k.unit_akar(u.pk) == akar
        ]

    def ttd(k):
        for u in daftar_unit(k):
            yield DokumenTtd(
                jenis=kode,
                kunci=kunci(kode, u.pk),
                judul=f"{label} {u.nama}",
                penanda=u.kepala,
                subjek_nama=u.nama,
                subjek_jabatan="Unit kerja",
                terbit=k.terbit.get((kode, kunci(kode, u.pk))),
                html=lambda t, u=u: html(k, u, t),
            )

    def nama_berkas(instansi, tahun, triwulan, pk=None):
        tengah = kode_unit(instansi, pk)
        return nama_periode(awalan, instansi, tahun, triwulan, tengah)

    def perintah(instansi, tahun, triwulan, opsi):
        unit = unit_perintah(instansi, opsi)
        ada = unit_berdata(instansi, tahun, triwulan)
        if unit is None:
            if not ada:
                raise CommandError(
                    f"Belum ada {kosong} Triwulan {format_triwulan(triwulan)} "
                    f"Tahun {tahun}."
                )
            return [kode], nama_berkas(instansi, tahun, triwulan)
        if unit.pk not in ada:
            raise CommandError(f"{unit.nama} belum mencatat {kosong}.")
        return [kunci(kode, unit.pk)], nama_berkas(instansi, tahun, triwulan, unit.pk)

    return JenisDokumen(
        berdata=True,
        kode=kode,
        label=label,
        tempat=(("unit_awal", bagian),),
        nama_berkas=nama_berkas,
        ttd=ttd,
        boleh_unduh=boleh_unduh,
        perintah=perintah,
        opsi_perintah=OPSI_UNIT,
        templat="laporan/lampiran/hubungan_industrial.html",
        tanggal=TANGGAL_LAPORAN,
    )


JENIS = jenis_unit_hi(
    PERSELISIHAN,
    "Daftar kasus perselisihan hubungan industrial",
    "PERSELISIHAN-HI",
    lampiran_hi.susun_perkara,
    hi.unit_perkara,
    "perkara perselisihan hubungan industrial",
)
