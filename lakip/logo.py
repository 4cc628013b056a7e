"""The agency's logo: checking and storing an upload, and the ``data:`` URL the
pages and PDFs embed (a neutral emblem when none was uploaded)."""

import base64
import io
from functools import cache

from django.contrib.staticfiles import finders

# An upload larger than this is refused; a stored logo is at most SISI_MAKS
# pixels on its longer side (re-encoded as PNG).
LOGO_MAKS_BYTE = 1024 * 1024
SISI_MAKS = 400


class LogoTidakValid(Exception):
    """The upload is not a usable image; the message is Indonesian."""


def baca_logo(berkas):
    """Check an uploaded image (PNG, JPEG, GIF or WebP, at most LOGO_MAKS_BYTE)
    and return it as PNG bytes scaled to SISI_MAKS; ``LogoTidakValid``
    otherwise."""
    from PIL import Image, UnidentifiedImageError

    if berkas.size > LOGO_MAKS_BYTE:
        raise LogoTidakValid(
            f"Berkas logo terlalu besar (maksimal {LOGO_MAKS_BYTE // 1024} KB)."
        )
    try:
        gambar = Image.open(berkas)
        if gambar.format not in {"PNG", "JPEG", "GIF", "WEBP"}:
            raise LogoTidakValid("Logo harus berupa gambar PNG, JPEG, GIF atau WebP.")
        gambar.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise LogoTidakValid("Berkas logo bukan gambar yang dapat dibaca.") from None
    gambar = gambar.convert("RGBA")
    gambar.thumbnail((SISI_MAKS, SISI_MAKS))
    keluaran = io.BytesIO()
    gambar.save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue()


@cache
def _logo_netral():
    with open(finders.find("logo-netral.svg"), "rb") as f:
        isi = base64.b64encode(f.read()).decode()
    return f"data:image/svg+xml;base64,{isi}"


def data_url_logo(instansi):
    """The agency's logo as a ``data:`` URL, or the neutral default."""
    if not instansi.logo:
        return _logo_netral()
    isi = base64.b64encode(bytes(instansi.logo)).decode()
    return f"data:{instansi.logo_tipe or 'image/png'};base64,{isi}"
