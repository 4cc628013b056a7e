"""A yearly document's PDF (a kind of period ``TAHUN``): the issued PDF once
signed, else laid out from its kind's ``cetak`` (watermarked "DRAF" and named
``DRAF-`` while its kind calls it a draft). The PDF route
(``laporan:dokumen_pdf_tahun``) and the commands of the higher apps read it."""

from django.http import Http404

from laporan import pdf
from laporan.draf import html_cetak
from laporan.draf import nama_berkas as nama_draf
from laporan.lampiran.terbit import pdf_terbit
from laporan.models import DokumenTerbit


def pdf_tahunan(instansi, tahun, jenis, kunci, pk=None):
    """``(pdf bytes, file name)`` of the document ``kunci`` (of subject
    ``pk``) of the yearly kind ``jenis`` of ``instansi``'s ``tahun``. Raises
    ``Http404`` when the kind cannot build it (no ``cetak``, or its ``cetak``
    finds no such document)."""
    nama = jenis.nama_berkas(instansi, tahun, DokumenTerbit.TAHUNAN, pk)
    isi = pdf_terbit(instansi, tahun, DokumenTerbit.TAHUNAN, jenis.kode, kunci)
    if isi is not None:
        return isi, nama
    if jenis.cetak is None:
        raise Http404("Dokumen ini hanya ada setelah ditandatangani.")
    html, draf = jenis.cetak(instansi, tahun, pk)
    isi, _ = pdf.pdf_html(html_cetak(html, draf))
    return isi, nama_draf(nama, draf)
