"""The agency's logo: checking and storing an upload, and the ``data:`` URL the
pages and PDFs embed (a neutral emblem when none was uploaded)."""

import base64
import io
from functools import cache

from django import forms
from django.contrib.staticfiles import finders

from lakip.models import Instansi

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


class FormInstansi(forms.ModelForm):
    """The agency's admin form with the logo upload (and a box to remove it)."""

    berkas_logo = forms.FileField(
        label="Logo",
        required=False,
        help_text=(
            "Gambar PNG/JPEG, maksimal 1 MB; dicetak pada sampul LAKIP dan kop "
            "dokumen. Kosongkan untuk mempertahankan logo yang ada."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    hapus_logo = forms.BooleanField(
        label="Hapus logo (pakai lambang netral)", required=False
    )

    class Meta:
        model = Instansi
        fields = [
            "kode",
            "nama",
            "singkatan",
            "pemda",
            "alamat",
            "kota",
            "kode_pos",
            "kop",
            "kode_urusan",
        ]

    def clean_berkas_logo(self):
        berkas = self.cleaned_data.get("berkas_logo")
        if not berkas:
            return None
        try:
            return baca_logo(berkas)
        except LogoTidakValid as galat:
            raise forms.ValidationError(str(galat)) from None

    def save(self, commit=True):
        instansi = super().save(commit=False)
        if self.cleaned_data.get("berkas_logo"):
            instansi.logo = self.cleaned_data["berkas_logo"]
            instansi.logo_tipe = "image/png"
        elif self.cleaned_data.get("hapus_logo"):
            instansi.logo, instansi.logo_tipe = None, ""
        if commit:
            instansi.save()
        return instansi
