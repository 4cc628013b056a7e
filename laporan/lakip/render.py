"""The LAKIP document written out: HTML (for the browser preview and for
WeasyPrint) and PDF.

``render_html`` fills ``templates/laporan/lakip/dokumen.html``; ``render_pdf``
lays it out with ``laporan.pdf`` (shipped fonts, one font configuration per
process) and returns the PDF with its page count.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe

from laporan import pdf
from laporan.lakip.dokumen import susun_dokumen
from laporan.lakip.seksi import entri_daftar_isi

BELUM_DIISI = mark_safe('<p class="belum-diisi">(belum diisi)</p>')


@dataclass
class HasilPdf:
    isi: bytes
    jumlah_halaman: int
    nama_berkas: str


def render_html(dok, layar=False, dibuat=None):
    """The document as one HTML string with its CSS inline.

    ``layar=True`` is the browser preview: fonts from the static URL, a screen
    stylesheet, and empty sections marked "(belum diisi)". Otherwise the HTML is
    meant for WeasyPrint (fonts resolved against ``laporan.pdf.BASE_URL``).
    ``dibuat`` is the creation time written in the PDF's metadata (now when not
    given); the package passes a fixed one so the same data gives the same HTML.
    """
    return render_to_string(
        "laporan/lakip/dokumen.html",
        {
            "dok": dok,
            "layar": layar,
            "akar_statis": static("") if layar else "",
            "kosong": BELUM_DIISI if layar else "",
            "dibuat": dibuat or timezone.now(),
            "daftar_isi": entri_daftar_isi(dok),
        },
    )


def nama_berkas(dok):
    """``LAKIP-2024-TW1-disnakertrans-lutim.pdf``."""
    return f"LAKIP-{dok.tahun}-TW{dok.triwulan}-{dok.instansi.kode}.pdf"


def lakip_pdf(instansi, tahun, triwulan):
    """The PDF of ``instansi``'s LAKIP for ``tahun`` and ``triwulan``, laid out
    now (the benchmark's path; the app builds it as a package part)."""
    dok = susun_dokumen(instansi, tahun, triwulan)
    dokumen = pdf.render_dokumen(render_html(dok))
    return HasilPdf(
        isi=dokumen.write_pdf(),
        jumlah_halaman=len(dokumen.pages),
        nama_berkas=nama_berkas(dok),
    )
