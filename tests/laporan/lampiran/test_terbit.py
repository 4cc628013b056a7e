"""Signing a pernyataan: frozen signer, verification code, public page."""

import hashlib
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Pegawai
from lakip.peran import Peran
from laporan.lampiran.render import render_html
from laporan.lampiran.susun import susun_lampiran
from laporan.lampiran.terbit import TandaTanganTidakValid, tandatangani_pernyataan
from laporan.models import DokumenTerbit

NIP_RAKHSAN = "198008072001031002"  # organisasi.yaml


def akun(nama_pegawai, username, peran="Kepala unit"):
    """A login for an official; evaluators head a unit (Kepala unit role)."""
    from django.contrib.auth.models import Group

    user = User.objects.create_user(username, password="rahasia-123")
    user.groups.add(Group.objects.get(name=peran))
    pegawai = Pegawai.objects.get(nama=nama_pegawai)
    pegawai.user = user
    pegawai.save()
    return user


def teks_pdf(isi):
    return " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split()
    )


@pytest.fixture
def rakhsan(db):
    return akun("RAKHSAN R", "rakhsan")


@pytest.fixture
def erfina(db):
    return Pegawai.objects.get(nama="ERFINA ARAS")


def test_evaluator_signs_and_page_is_frozen(client, instansi, rakhsan, erfina):
    client.force_login(rakhsan)
    url = reverse("laporan:pernyataan", args=[2024, 1])
    halaman = client.get(url)
    assert halaman.status_code == 200
    tombol = reverse("laporan:pernyataan_tandatangani", args=[2024, 1, erfina.pk])
    assert tombol in halaman.content.decode()
    respons = client.post(tombol, follow=True)
    assert "kode verifikasi" in respons.content.decode()

    terbit = DokumenTerbit.objects.get(subjek=erfina, tahun=2024, triwulan=1)
    assert terbit.penanda_nama == "RAKHSAN R, S.Sos, M.Si"
    assert terbit.penanda_nip == NIP_RAKHSAN
    assert terbit.sha256 == hashlib.sha256(bytes(terbit.isi)).hexdigest()
    diterbitkan = teks_pdf(bytes(terbit.isi))
    assert "oleh ERFINA ARAS" in diterbitkan
    assert "RAKHSAN R, S.Sos, M.Si" in diterbitkan
    assert terbit.kode in diterbitkan

    # The evaluator's record changes later (new name, NIP, position) ...
    evaluator = Pegawai.objects.get(nama="RAKHSAN R")
    evaluator.nama = "PENGGANTI BARU"
    evaluator.nip = "199001012015031001"
    evaluator.jabatan = "Plt. Kepala Bidang"
    evaluator.save()
    # ... the signed page still prints the signer it was signed by.
    lamp = susun_lampiran(instansi, 2024, 1)
    html = render_html(lamp, "pernyataan")
    bagian = html[html.index("ERFINA ARAS") :]
    bagian = bagian[: bagian.index("</section>")]
    assert "RAKHSAN R, S.Sos, M.Si" in bagian
    assert "PENGGANTI BARU" not in bagian
    assert terbit.kode in bagian
    # pages not yet signed follow the staff records
    halaman_rakhsan = next(p for p in lamp.pernyataan if p.pegawai == evaluator)
    assert halaman_rakhsan.terbit is None
    assert halaman_rakhsan.dievaluasi.nama.startswith("PENGGANTI BARU")


def test_public_verification(client, instansi, rakhsan, erfina):
    terbit = tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    client.logout()
    respons = client.get(reverse("verifikasi", args=[terbit.kode]))
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert "ERFINA ARAS" in isi
    assert "Triwulan I Tahun 2024" in isi
    assert "RAKHSAN R, S.Sos, M.Si" in isi
    assert terbit.sha256 in isi
    assert client.get("/verifikasi/ZZZZZZZZZZ/").status_code == 404


def test_only_the_evaluator_or_kepala_dinas(instansi, erfina, db):
    bukan = akun("JONI PATABI", "joni")
    with pytest.raises(PermissionDenied):
        tandatangani_pernyataan(bukan, instansi, 2024, 1, erfina)
    assert not DokumenTerbit.objects.exists()
    kepala = User.objects.create_user("kadis")
    kepala.groups.add(Group.objects.get_or_create(name=Peran.PIMPINAN)[0])
    terbit = tandatangani_pernyataan(kepala, instansi, 2024, 1, erfina)
    # the frozen signer is the evaluator, whoever recorded it
    assert terbit.penanda_nama.startswith("RAKHSAN R")
    assert terbit.ditandatangani_oleh == kepala


def test_signed_twice_or_not_evaluated(instansi, rakhsan, erfina):
    tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    with pytest.raises(TandaTanganTidakValid, match="sudah ditandatangani"):
        tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    staf = Pegawai.objects.get(nama="AYU ASHARI")  # staff of Rakhsan, owns nothing
    with pytest.raises(TandaTanganTidakValid, match="tidak mendapat pernyataan"):
        tandatangani_pernyataan(rakhsan, instansi, 2024, 1, staf)
    assert DokumenTerbit.objects.count() == 1


def test_official_without_pernyataan_cannot_be_signed(instansi):
    sumarianto = Pegawai.objects.get(nama="SUMARIANTO")
    sugeng = Pegawai.objects.get(nama="SUGENG WIDODO")
    with pytest.raises(TandaTanganTidakValid, match="tidak mendapat pernyataan"):
        tandatangani_pernyataan(
            sumarianto.user or akun("SUMARIANTO", "sum"), instansi, 2024, 1, sugeng
        )
    assert not DokumenTerbit.objects.exists()


def test_list_page_links_and_buttons(client, rakhsan, erfina):
    client.force_login(rakhsan)
    isi = client.get(reverse("laporan:pernyataan", args=[2024, 1])).content.decode()
    # the 15 pages of the seed are listed; Rakhsan may sign only Erfina's page
    assert isi.count("<tr>") == 15 + 1
    assert isi.count("Tandatangani</button>") == 1
    client.logout()
    masuk = client.get(reverse("laporan:pernyataan", args=[2024, 1]))
    assert masuk.status_code == 302
