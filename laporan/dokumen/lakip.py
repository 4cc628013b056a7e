"""The LAKIP triwulan: the quarter's report itself, first in the package."""

from lakip.format import format_triwulan
from laporan.dokumen.dasar import AturanTanggal, Bagian, JenisDokumen, nama_periode
from laporan.dokumen.kunci import LAKIP, kunci
from laporan.lakip.dokumen import susun_dokumen
from laporan.lakip.gabung import RakitanLakip
from laporan.lakip.render import render_html


def judul(tahun, triwulan):
    return f"LAKIP Triwulan {format_triwulan(triwulan)} Tahun {tahun}"


def _bagian(k, _subjek):
    def buat():
        dok = susun_dokumen(k.instansi, k.tahun, k.triwulan, data=k.data)
        # A fixed creation date: the same data gives the same HTML (cache key).
        return render_html(dok, dibuat=dok.tanggal)

    def rakitan(draf):
        # The package lays the LAKIP out in sections (laporan.lakip.seksi).
        dok = susun_dokumen(k.instansi, k.tahun, k.triwulan, data=k.data)
        return RakitanLakip.dari(dok, dibuat=dok.tanggal, draf=draf)

    return [
        Bagian(
            kunci(LAKIP),
            LAKIP,
            judul(k.tahun, k.triwulan),
            "",
            buat,
            rakitan=rakitan,
        )
    ]


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``LAKIP-2024-TW1-disnakertrans-lutim.pdf``."""
    return nama_periode("LAKIP", instansi, tahun, triwulan)


JENIS = JenisDokumen(
    berdata=True,
    kode=LAKIP,
    label="LAKIP triwulan",
    tempat=(("instansi", _bagian),),
    nama_berkas=nama_berkas,
    templat="laporan/lakip/dokumen.html",
    tanggal=AturanTanggal(
        "tanggal LAKIP (Laporan.tanggal; bawaan tanggal 25 bulan sesudah triwulan)",
        lambda k, _kunci: k.kalender.tanggal_lakip,
    ),
)
