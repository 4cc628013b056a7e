"""The invitation to the quarter's evaluation meeting, with its schedule;
signed by the Kepala Dinas."""

import dataclasses

from django.core.management.base import CommandError

from lakip.format import format_triwulan
from lakip.selectors import kepala_instansi
from laporan.dokumen.dasar import (
    AturanTanggal,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    boleh_peserta,
    nama_periode,
)
from laporan.dokumen.kunci import UNDANGAN
from laporan.lampiran import rapat
from laporan.lampiran.susun import Penanda


def _bagian(k, _subjek):
    if k.undangan is None:
        return []
    return [
        Bagian(
            k.undangan.kunci,
            UNDANGAN,
            f"Undangan Rapat Evaluasi — {k.undangan.nomor}",
            "",
            lambda: rapat.html_undangan(k.undangan),
            terbit=k.terbit.get((UNDANGAN, k.undangan.kunci)),
        )
    ]


def _ttd(k):
    undangan = k.undangan
    if undangan is None:
        return

    def html(t):
        beku = dataclasses.replace(
            undangan,
            terbit=t,
            penanda=Penanda.dari_terbit(t),
            tanggal=t.tanggal_dokumen or undangan.tanggal,
        )
        return rapat.html_undangan(beku)

    yield DokumenTtd(
        jenis=UNDANGAN,
        kunci=undangan.kunci,
        judul=(
            f"Undangan Rapat Evaluasi Triwulan {undangan.triwulan_romawi} "
            f"{undangan.tahun} Nomor {undangan.nomor}"
        ),
        penanda=kepala_instansi(k.instansi),
        subjek_nama=k.instansi.nama,
        subjek_jabatan="Instansi",
        terbit=k.terbit.get((UNDANGAN, undangan.kunci)),
        html=html,
        tanggal=undangan.tanggal,
        peran_penanda="Kepala Dinas",
    )


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``UNDANGAN-2024-TW1-disnakertrans-lutim.pdf``."""
    return nama_periode("UNDANGAN", instansi, tahun, triwulan)


def undangan_perintah(instansi, tahun, triwulan):
    """The saved invitation of the quarter; ``CommandError`` without one."""
    undangan = rapat.susun_undangan(instansi, tahun, triwulan)
    if undangan is None:
        raise CommandError(
            f"Undangan rapat evaluasi Triwulan {format_triwulan(triwulan)} Tahun "
            f"{tahun} belum dibuat."
        )
    return undangan


def _perintah(instansi, tahun, triwulan, opsi):
    undangan_perintah(instansi, tahun, triwulan)
    return [UNDANGAN], nama_berkas(instansi, tahun, triwulan)


JENIS = JenisDokumen(
    kode=UNDANGAN,
    label="Undangan rapat evaluasi",
    tempat=(("instansi", _bagian),),
    nama_berkas=nama_berkas,
    ttd=_ttd,
    boleh_unduh=boleh_peserta,
    perintah=_perintah,
    templat="laporan/rapat/dokumen.html",
    tanggal=AturanTanggal(
        "tanggal surat undangan (UndanganRapat.tanggal)",
        lambda k, _kunci: (
            k.undangan.tanggal if k.undangan else k.kalender.tanggal_rapat
        ),
    ),
)
