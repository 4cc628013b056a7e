"""The agency's logo: upload (checked, bounded, stored as PNG), removal, and
the neutral default."""

import base64
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lakip.forms import FormInstansi
from lakip.logo import LOGO_MAKS_BYTE, SISI_MAKS, data_url_logo


def png(lebar=900, tinggi=600):
    keluaran = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), (200, 30, 30)).save(keluaran, format="PNG")
    return keluaran.getvalue()


def _form(instansi, berkas=None, **lain):
    data = {
        f: getattr(instansi, f)
        for f in FormInstansi._meta.fields
        if getattr(instansi, f) is not None
    }
    data.update(lain)
    files = {"berkas_logo": berkas} if berkas else {}
    return FormInstansi(data, files, instance=instansi)


def test_without_a_logo_the_neutral_emblem(instansi):
    url = data_url_logo(instansi)
    assert url.startswith("data:image/svg+xml;base64,")
    assert b"<svg" in base64.b64decode(url.split(",", 1)[1])
    assert instansi.logo_data_url == url


def test_an_uploaded_image_is_scaled_and_stored_as_png(instansi):
    form = _form(instansi, SimpleUploadedFile("logo.png", png(), "image/png"))
    assert form.is_valid(), form.errors
    form.save()
    instansi.refresh_from_db()
    gambar = Image.open(io.BytesIO(bytes(instansi.logo)))
    assert gambar.format == "PNG" and max(gambar.size) == SISI_MAKS
    assert gambar.size == (400, 267)  # 900 × 600 scaled, proportions kept
    assert instansi.logo_data_url.startswith("data:image/png;base64,")
    # Saving the form again without a file keeps the logo; the box removes it.
    assert _form(instansi).is_valid()
    _form(instansi).save()
    instansi.refresh_from_db()
    assert instansi.logo
    form = _form(instansi, hapus_logo="on")
    assert form.is_valid()
    form.save()
    instansi.refresh_from_db()
    assert not instansi.logo and instansi.logo_data_url.startswith("data:image/svg")


def test_not_an_image_or_too_large_is_refused(instansi):
    form = _form(instansi, SimpleUploadedFile("logo.png", b"bukan gambar"))
    assert not form.is_valid()
    assert form.errors["berkas_logo"] == ["Berkas logo bukan gambar yang dapat dibaca."]
    besar = SimpleUploadedFile("logo.png", b"\0" * (LOGO_MAKS_BYTE + 1))
    form = _form(instansi, besar)
    assert not form.is_valid()
    assert "terlalu besar (maksimal 1024 KB)" in form.errors["berkas_logo"][0]
    instansi.refresh_from_db()
    assert not instansi.logo


def test_the_admin_offers_the_upload(client, instansi):
    admin = get_user_model().objects.create_superuser("admin.uji")
    client.force_login(admin)
    html = client.get(f"/admin/lakip/instansi/{instansi.pk}/change/").content.decode()
    assert 'name="berkas_logo"' in html and 'name="hapus_logo"' in html
    assert 'enctype="multipart/form-data"' in html
