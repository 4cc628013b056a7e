"""Template filters of the documents: ``{% load dokumen %}``.

``{{ x|nilai:satuan }}`` an indicator value (``60``, ``63,57``, ``7,33``; in %
always two decimals: ``100,00``) ·
``{{ x|nilai_satuan:satuan }}`` with its unit (``63,57 %``, ``60 Ha``) ·
``{{ x|uang }}`` money in a table (``7.897.427.349``; ``-`` for zero) ·
``{{ d|ambil:k }}`` dictionary lookup · ``{{ x|alasan }}`` why a figure is ``-``.
"""

from decimal import Decimal

from django import template

from lakip import format as fmt
from lakip.perhitungan import TakTerhitung, desimal, terhitung

register = template.Library()

SATUAN_TANPA_LABEL = {"nilai", "indeks", "skor"}


SATUAN_PERSEN = {"%", "persen"}


def satuan_persen(satuan):
    """The unit is a percentage (``%``, ``Persen``)."""
    return bool(satuan) and str(satuan).strip().lower() in SATUAN_PERSEN


@register.filter
def nilai(angka, satuan=None):
    """An indicator's value: a count or a whole number without decimals, others
    with two (rounded half up); a value in % (``satuan``) always as a
    percentage, two decimals (``100,00``); ``-`` when missing or not
    computable. Percentages that are not an indicator's value (capaian, budget
    absorption) print with ``persen``."""
    angka = desimal(angka)
    if not terhitung(angka):
        return fmt.KOSONG
    if satuan_persen(satuan):
        return fmt.format_persen(angka)
    if angka == angka.to_integral_value():
        return fmt.format_angka(angka.quantize(Decimal(1)))
    return fmt.format_angka(angka, 2)


@register.filter
def nilai_satuan(angka, satuan):
    """The value followed by its unit: ``63,57 %``, ``60 Ha``; a score ("Nilai")
    prints bare; ``-`` when missing."""
    teks = nilai(angka, satuan)
    if teks == fmt.KOSONG or not satuan or satuan.lower() in SATUAN_TANPA_LABEL:
        return teks
    return f"{teks} {satuan}"


@register.filter
def uang(angka):
    """Whole rupiah as printed in budget tables: ``7.897.427.349``; ``-`` for zero
    or missing."""
    if not terhitung(angka) or angka == 0:
        return fmt.KOSONG
    return fmt.format_angka(int(angka))


@register.filter
def ambil(kamus, kunci):
    return kamus.get(kunci, "") if kamus else ""


@register.filter
def alasan(angka):
    """The reason a figure cannot be computed (``target belum ditetapkan``), or
    ``""``."""
    return angka.alasan if isinstance(angka, TakTerhitung) else ""


@register.filter
def terisi(angka):
    return terhitung(angka)


@register.filter
def ambil_tw(daftar, triwulan):
    """The quarter's entry of a four-quarter list (``target_tw``)."""
    try:
        return daftar[int(triwulan) - 1]
    except (IndexError, TypeError, ValueError):
        return None


@register.simple_tag
def url_pdf(tahun, triwulan, jenis, pk=None):
    """``{% url_pdf tahun triwulan "rekomendasi" unit.pk %}``: the PDF URL of the
    document of kind ``jenis`` about ``pk`` (all of the kind without ``pk``)."""
    from django.urls import reverse

    from laporan.dokumen.kunci import kunci

    return reverse("laporan:dokumen_pdf", args=[tahun, triwulan, kunci(jenis, pk)])
