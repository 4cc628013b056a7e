"""The verification block of signed documents: ``{% load verifikasi %}``.

``{{ kode|alamat_verifikasi }}`` the absolute address of the public page,
``{{ kode|qr_verifikasi }}`` a QR code of it as a ``data:`` URI."""

from django import template

from laporan.lampiran import qr

register = template.Library()


@register.filter
def alamat_verifikasi(kode):
    return qr.alamat_verifikasi(kode)


@register.filter
def qr_verifikasi(kode):
    return qr.qr_data_uri(qr.alamat_verifikasi(kode))
