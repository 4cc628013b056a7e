"""Template filters of the dashboard: ``{% load dasbor %}``."""

from django import template

from laporan.dasbor.tabel import format_nilai

register = template.Library()


@register.filter
def nilai(angka):
    """An indicator value as printed (``laporan.dasbor.tabel.format_nilai``)."""
    return format_nilai(angka)


@register.filter
def satuan(teks):
    """The unit after a value, after a space (``23,50 %``, ``4 Dokumen``)."""
    return f" {teks}" if teks else ""
