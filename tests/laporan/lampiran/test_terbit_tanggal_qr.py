"""A signed document keeps the date it was signed with, prints the absolute
address of its verification page with a QR code of it; the page and its 404
are Indonesian."""

import datetime
import io
import shutil
import subprocess

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Pegawai
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from laporan import kalender
from laporan.dokumen.kunci import PERNYATAAN, kunci
from laporan.lampiran.susun import susun_lampiran
from laporan.lampiran.terbit import cari_dokumen, tandatangani
from laporan.paket.rakit import rakit_paket
from tests.bantuan import sahkan_triwulan

SITUS = "https://lakip.luwutimurkab.go.id"


def teks_pdf(isi):
    return " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split()
    )


def akun(nama_pegawai, username, peran):
    user = User.objects.create_user(username)
    user.groups.add(Group.objects.get(name=peran.value))
    if nama_pegawai:
        pegawai = Pegawai.objects.get(nama=nama_pegawai)
        pegawai.user = user
        pegawai.save()
    return user


@pytest.fixture
def ditandatangani(instansi, settings):
    """ERFINA ARAS's pernyataan page signed by RAKHSAN R with the seed's
    calendar (issue date: the meeting, 20 Mei 2024)."""
    settings.LAKIP_URL_SITUS = SITUS
    sahkan_triwulan(instansi, 2024, 1)
    rakhsan = jadikan_anggota(akun("RAKHSAN R", "rakhsan", Peran.KEPALA_UNIT), instansi)
    erfina = Pegawai.objects.get(nama="ERFINA ARAS")
    x = kunci(PERNYATAAN, erfina.pk)
    return tandatangani(rakhsan, instansi, 2024, 1, PERNYATAAN, x)


def test_signed_document_keeps_its_date_after_the_calendar_changes(
    client, instansi, ditandatangani
):
    terbit = ditandatangani
    assert terbit.tanggal_dokumen == datetime.date(2024, 5, 20)
    assert "Malili, 20 Mei 2024" in teks_pdf(bytes(terbit.isi))
    perencanaan = jadikan_anggota(
        akun("", "uji.perencanaan.kal", Peran.PERENCANAAN), instansi
    )
    kalender.simpan_kalender(
        instansi,
        2024,
        1,
        {"tanggal_terbit": datetime.date(2024, 5, 27)},
        oleh=perencanaan,
    )
    # the package: the signed page as issued, an unsigned one with the new date
    lain = next(
        p.kunci for p in susun_lampiran(instansi, 2024, 1).pernyataan if not p.terbit
    )
    hasil = rakit_paket(
        instansi,
        2024,
        1,
        pilihan=[terbit.kunci, lain],
        pakai_cache=False,
    )
    pembaca = PdfReader(io.BytesIO(hasil.isi))
    teks = {}
    for b in hasil.bagian:
        halaman = pembaca.pages[b.halaman_awal : b.halaman_awal + b.jumlah_halaman]
        teks[b.kunci] = " ".join(" ".join(h.extract_text() for h in halaman).split())
    assert "Malili, 20 Mei 2024" in teks[terbit.kunci]
    assert "27 Mei 2024" not in teks[terbit.kunci]
    assert "Malili, 27 Mei 2024" in teks[lain]
    # laid out again from its record, it still carries the date it was signed with
    dok = cari_dokumen(instansi, 2024, 1, PERNYATAAN, terbit.kunci)
    assert dok.terbit == terbit
    assert "Malili, 20 Mei 2024" in dok.html(terbit)
    assert dok.html(terbit).count("27 Mei 2024") == 0
    # and the verification page names it
    client.logout()
    halaman = client.get(reverse("verifikasi", args=[terbit.kode])).content.decode()
    assert "Malili, 20 Mei 2024" in halaman


def test_signed_page_prints_the_absolute_address(ditandatangani):
    terbit = ditandatangani
    alamat = f"{SITUS}/verifikasi/{terbit.kode}/"
    teks = teks_pdf(bytes(terbit.isi))
    # the address may wrap: compare without spaces
    assert alamat in teks.replace(" ", ""), teks[-500:]
    assert f"Kode verifikasi: {terbit.kode}" in teks


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="pdftoppm (poppler-utils) dan zbarimg (zbar-tools) tidak terpasang: "
    "kode QR tidak dapat dibaca dari halaman",
)
def test_qr_code_on_the_signed_page_decodes_to_the_verification_address(
    ditandatangani, tmp_path
):
    terbit = ditandatangani
    berkas = tmp_path / "terbit.pdf"
    berkas.write_bytes(bytes(terbit.isi))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(berkas), str(tmp_path / "hlm")],
        check=True,
        timeout=60,
    )
    gambar = sorted(tmp_path.glob("hlm*.png"))
    assert gambar
    hasil = subprocess.run(
        ["zbarimg", "--raw", "-q", *map(str, gambar)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.stdout.split() == [f"{SITUS}/verifikasi/{terbit.kode}/"]


def test_verification_404_is_indonesian(client, db):
    respons = client.get("/verifikasi/ZZZZZZZZZZ/")
    assert respons.status_code == 404
    teks = respons.content.decode()
    assert "Kode verifikasi <b>ZZZZZZZZZZ</b> tidak terdaftar" in teks
    assert "Not Found" not in teks and '<html lang="id"' in teks
