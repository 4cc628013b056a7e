"""The verification of a signed document on paper: its absolute address
``<LAKIP_URL_SITUS>/verifikasi/<kode>/`` and a QR code of it, embedded in the
PDF as an SVG ``data:`` URI (the PDF's URL fetcher loads nothing else)."""

import segno
from django.conf import settings
from django.urls import reverse


def alamat_verifikasi(kode):
    """``http://127.0.0.1:8000/verifikasi/ABCDEFGH23/``: the public page of the
    signed document ``kode``, on the site named by ``LAKIP_URL_SITUS``."""
    situs = str(getattr(settings, "LAKIP_URL_SITUS", "")).rstrip("/")
    return f"{situs}{reverse('verifikasi', args=[kode])}"


def qr_data_uri(teks):
    """A QR code of ``teks`` (error correction M, a quiet zone of four modules)
    as an SVG ``data:`` URI; the same text gives the same URI."""
    kode = segno.make(teks, error="m", micro=False)
    return kode.svg_data_uri(scale=4, border=4, omitsize=False)
