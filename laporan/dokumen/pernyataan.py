"""The "pernyataan telah dievaluasi" page of an evaluated official, signed by the
official's superior (the evaluator); first among the official's documents."""

import dataclasses

from laporan.dokumen.dasar import (
    TANGGAL_TERBIT,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    nama_periode,
)
from laporan.dokumen.kunci import PERNYATAAN
from laporan.lampiran.render import JUDUL, html_halaman
from laporan.lampiran.susun import Pernyataan


def bagian_pernyataan(k, pernyataan, kelompok):
    """The part of one page (signed: the issued PDF), dated by the kind's
    rule."""
    tanggal = JENIS.tanggal_dokumen(k, pernyataan.kunci, pernyataan.terbit)
    halaman = dataclasses.replace(pernyataan, tanggal=tanggal)
    return Bagian(
        pernyataan.kunci,
        PERNYATAAN,
        f"Pernyataan Telah Dievaluasi — {pernyataan.dievaluasi.nama}",
        kelompok,
        lambda: html_halaman(k.lampiran, JUDUL[PERNYATAAN], pernyataan=[halaman]),
        terbit=pernyataan.terbit,
    )


def _pejabat(k, pegawai):
    p = k.pernyataan_per_pegawai.get(pegawai.pk)
    if p is None:
        return []
    return [bagian_pernyataan(k, p, k.kelompok_pegawai(pegawai))]


def _lain(k, _subjek):
    """Signed pages of officials no longer evaluated, in the last group."""
    return [
        bagian_pernyataan(k, p, k.kelompok(None))
        for p in k.lampiran.pernyataan
        if p.pegawai is None
    ]


def _ttd(k):
    lamp = k.lampiran
    for p in lamp.pernyataan:

        def html(terbit, p=p):
            halaman = Pernyataan.dari_terbit(terbit, p.pegawai)
            if halaman.tanggal is None:  # signed before dates were kept
                halaman.tanggal = JENIS.tanggal_dokumen(k, p.kunci)
            return html_halaman(lamp, JUDUL[PERNYATAAN], pernyataan=[halaman])

        yield DokumenTtd(
            jenis=PERNYATAAN,
            kunci=p.kunci,
            judul=(
                p.terbit.judul
                if p.terbit
                else f"Pernyataan Telah Dievaluasi atas Kinerja {p.dievaluasi.jabatan}"
            ),
            penanda=p.pegawai.atasan if p.pegawai else None,
            subjek=p.pegawai,
            subjek_nama=p.dievaluasi.nama,
            subjek_jabatan=p.dievaluasi.jabatan,
            subjek_nip=p.dievaluasi.nip,
            terbit=p.terbit,
            html=html if p.pegawai else None,
            tanggal=JENIS.tanggal_dokumen(k, p.kunci, p.terbit),
            peran_penanda="Atasan (evaluator)",
            peran_subjek="Pejabat yang dievaluasi",
        )


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``PERNYATAAN-2024-TW1-disnakertrans-lutim.pdf``."""
    return nama_periode("PERNYATAAN", instansi, tahun, triwulan)


JENIS = JenisDokumen(
    berdata=True,
    kode=PERNYATAAN,
    label="Pernyataan telah dievaluasi",
    tempat=(("pejabat", _pejabat), ("lain", _lain)),
    nama_berkas=nama_berkas,
    ttd=_ttd,
    templat="laporan/lampiran/dokumen.html",
    tanggal=TANGGAL_TERBIT,
)
