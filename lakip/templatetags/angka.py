"""Template filters for Indonesian formatting: ``{% load angka %}``.

``{{ x|angka }}`` 7.897.427.349 · ``{{ x|persen }}`` 28,62 · ``{{ x|rupiah }}``
Rp 7.897.427.349 · ``{{ d|tanggal }}`` 25 April 2024 · ``{{ t|waktu }}``
6 Desember 2026 09.45 · ``{{ nip|nip }}``
19810511 199912 1 001 · ``{{ 1|romawi }}`` I.
"""

from django import template

from lakip import format as fmt

register = template.Library()


def _ada(nilai):
    """A template's missing value (``""``, e.g. ``x.y`` where ``x`` is None)
    prints like None: ``-``."""
    return None if nilai == "" else nilai


@register.filter
def angka(nilai, desimal=None):
    return fmt.format_angka(
        _ada(nilai), None if desimal in (None, "") else int(desimal)
    )


@register.filter
def persen(nilai):
    return fmt.format_persen(_ada(nilai))


@register.filter
def rupiah(nilai):
    return fmt.format_uang(_ada(nilai))


@register.filter
def tanggal(nilai):
    return fmt.format_tanggal(_ada(nilai))


@register.filter
def waktu(nilai):
    return fmt.format_waktu(_ada(nilai))


@register.filter
def angka_teks(nilai):
    """A value stored as text (the audit trail): a number prints Indonesian
    style (``5250000`` -> ``5.250.000``), other text unchanged, empty ``-``."""
    if nilai in (None, ""):
        return fmt.KOSONG
    try:
        return fmt.format_angka(fmt.parse_angka(str(nilai)))
    except fmt.AngkaTidakValid:
        return nilai


@register.filter
def nip(nilai):
    return fmt.format_nip(nilai)


@register.filter
def romawi(nilai):
    return (
        fmt.format_romawi(nilai)
        if isinstance(nilai, int)
        else fmt.format_triwulan(nilai)
    )
