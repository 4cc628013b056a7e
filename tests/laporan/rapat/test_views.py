"""The evaluation meeting's screens driven as a user would: demo accounts sign
in, read the forms, change what they type, post them, download the PDFs."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Pegawai, UnitKerja
from lakip.services import PASSWORD_DEMO
from laporan.models import RekomendasiEvaluasi, UndanganRapat
from tests.bantuan import baca_tabel, isian_formulir

pytestmark = pytest.mark.django_db


@pytest.fixture
def masuk(client, akun):
    def _masuk(username):
        assert client.login(username=username, password=PASSWORD_DEMO)
        return client

    return _masuk


def unit(kode):
    return UnitKerja.objects.get(kode=kode)


def teks_pdf(respons):
    assert respons["Content-Type"] == "application/pdf"
    pembaca = PdfReader(io.BytesIO(respons.content))
    return " ".join(" ".join(h.extract_text().split()) for h in pembaca.pages)


def test_menu_leads_kepala_unit_to_the_latest_meeting(masuk):
    client = masuk("sekretaris")
    beranda = client.get(reverse("beranda")).content.decode()
    assert reverse("laporan:rapat_terkini") in beranda
    respons = client.get(reverse("laporan:rapat_terkini"))
    assert respons.url == reverse("laporan:rapat", args=[2024, 1])
    halaman = client.get(respons.url).content.decode()
    jadwal = baca_tabel(halaman, "tabel-jadwal")
    assert [b[3] for b in jadwal[1:]] == [
        "Sekretariat",
        "Bidang Penyiapan Kawasan dan Pembangunan Permukiman Transmigrasi",
        "Bidang Pemberdayaan Ketenagakerjaan",
        "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
        "Bidang Pengembangan Kawasan Transmigrasi",
    ]
    assert jadwal[1][1] == "Senin, 20 Mei 2024, 13.00 - 13.30"
    # Only the own unit's recommendations can be filled in.
    sendiri = reverse("laporan:rekomendasi", args=[2024, 1, unit("sekretariat").pk])
    lain = reverse("laporan:rekomendasi", args=[2024, 1, unit("bidang-hi").pk])
    assert sendiri in halaman and lain not in halaman
    assert "Sunting undangan" not in halaman


def test_perencanaan_edits_the_invitation(masuk):
    client = masuk("perencanaan")
    url = reverse("laporan:undangan", args=[2024, 1])
    data = isian_formulir(client.get(url).content.decode(), "form-undangan")
    assert data["nomor"] == "300.2.12/793/Transnaker/2024"
    assert data["jadwal-TOTAL_FORMS"] == "6"  # five units and one empty row
    assert data["jadwal-0-jam_mulai"] == "13:00"
    assert data["kepada"].splitlines()[0] == "Sekretaris"
    data["nomor"] = "300.2.12/794/Transnaker/2024"
    data["jadwal-4-tempat"] = "Ruang Rapat Bidang PKT"
    data["jadwal-1-DELETE"] = "on"
    respons = client.post(url, data)
    assert respons.status_code == 302, respons.content.decode()[:3000]
    u = UndanganRapat.objects.get(tahun=2024, triwulan=1)
    assert u.nomor == "300.2.12/794/Transnaker/2024"
    assert [(j.unit.kode, j.tempat) for j in u.jadwal.all()] == [
        ("sekretariat", ""),
        ("bidang-pk", ""),
        ("bidang-hi", ""),
        ("bidang-pkt", "Ruang Rapat Bidang PKT"),
    ]
    assert u.diubah_oleh.username == "perencanaan"
    pdf = teks_pdf(
        client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, "undangan"]))
    )
    assert "300.2.12/794/Transnaker/2024" in pdf
    assert "Ruang Rapat Bidang PKT" in pdf


def test_new_quarter_starts_from_the_default_schedule(masuk):
    client = masuk("perencanaan")
    url = reverse("laporan:undangan", args=[2024, 2])
    halaman = client.get(url).content.decode()
    data = isian_formulir(halaman, "form-undangan")
    assert data["jadwal-0-unit"] == str(unit("sekretariat").pk)
    assert [data[f"jadwal-{i}-jam_mulai"] for i in range(5)] == [
        "13:00",
        "13:30",
        "14:00",
        "14:30",
        "15:00",
    ]
    assert data["jadwal-5-unit"] == ""
    assert "Tempat" in halaman
    data["tanggal"] = data["jadwal-0-tanggal"] = "2024-07-15"
    for i in range(1, 5):
        data[f"jadwal-{i}-tanggal"] = "2024-07-15"
    respons = client.post(url, data)
    assert respons.status_code == 302
    u = UndanganRapat.objects.get(tahun=2024, triwulan=2)
    assert u.perihal == "Undangan Rapat Evaluasi Triwulan {triwulan}"
    assert u.jadwal.count() == 5
    pdf = teks_pdf(
        client.get(reverse("laporan:dokumen_pdf", args=[2024, 2, "undangan"]))
    )
    assert "Perihal : Undangan Rapat Evaluasi Triwulan II" in pdf
    assert "untuk Triwulan II (April - Juni)" in pdf
    assert "Realisasi Anggaran sampai 30 Juni 2024" in pdf


def test_invitation_error_is_shown_and_nothing_changes(masuk):
    client = masuk("perencanaan")
    url = reverse("laporan:undangan", args=[2024, 1])
    data = isian_formulir(client.get(url).content.decode(), "form-undangan")
    data["nomor"] = "BARU"
    data["jadwal-1-jam_mulai"] = "13:15"  # overlaps the Sekretariat's meeting
    respons = client.post(url, data)
    assert respons.status_code == 200
    assert "bertabrakan" in respons.content.decode()
    assert UndanganRapat.objects.get(tahun=2024, triwulan=1).nomor != "BARU"


def test_unit_head_enters_own_recommendations(masuk):
    client = masuk("sekretaris")
    url = reverse("laporan:rekomendasi", args=[2024, 1, unit("sekretariat").pk])
    halaman = client.get(url).content.decode()
    data = isian_formulir(halaman, "form-rekomendasi")
    rahmanuddin = next(k for k, v in data.items() if k.endswith("-nomor") and v == "1")
    awalan = rahmanuddin.removesuffix("-nomor")
    assert data[f"{awalan}-butir-0-teks"].startswith("Mengecek kondisi peralatan")
    # No date stored: the page carries the quarter's issue date (calendar).
    assert data["tanggal"] == ""
    # Add a third item for the Kasubag Umum, and one for Yulianti (new, number 4).
    data[f"{awalan}-butir-2-teks"] = "Tertibkan arsip kepegawaian."
    yulianti = f"p{Pegawai.objects.get(nama='YULIANTI').pk}"
    assert data[f"{yulianti}-nomor"] == "" and data[f"{yulianti}-butir-0-teks"] == ""
    data[f"{yulianti}-butir-0-teks"] = "Hadir tepat waktu."
    data[f"{yulianti}-nomor"] = "4"
    respons = client.post(url, data)
    assert respons.status_code == 302, respons.content.decode()[:2000]
    rek = RekomendasiEvaluasi.objects.get(unit__kode="sekretariat")
    butir = [(b.pegawai.nama, b.teks) for b in rek.butir.all()]
    assert butir[2] == ("RAHMANUDDIN", "Tertibkan arsip kepegawaian.")
    assert len(butir) == 7
    assert rek.diubah_oleh.username == "sekretaris"
    pdf = teks_pdf(
        client.get(
            reverse(
                "laporan:dokumen_pdf",
                args=[2024, 1, f"rekomendasi-{unit('sekretariat').pk}"],
            )
        )
    )
    assert "c. Tertibkan arsip kepegawaian." in pdf
    assert "4. Staf (YULIANTI) a. Hadir tepat waktu." in pdf


def test_unit_head_may_not_open_another_units_page(masuk):
    client = masuk("sekretaris")
    hi = unit("bidang-hi").pk
    assert (
        client.get(reverse("laporan:rekomendasi", args=[2024, 1, hi])).status_code
        == 403
    )
    assert (
        client.post(reverse("laporan:rekomendasi", args=[2024, 1, hi])).status_code
        == 403
    )
    pdf = client.get(
        reverse("laporan:dokumen_pdf", args=[2024, 1, f"rekomendasi-{hi}"])
    )
    assert pdf.status_code == 403
    assert client.get(reverse("laporan:undangan", args=[2024, 1])).status_code == 403


def test_recommendation_error_is_shown_and_nothing_changes(masuk):
    client = masuk("kabid.hi")
    url = reverse("laporan:rekomendasi", args=[2024, 1, unit("bidang-hi").pk])
    data = isian_formulir(client.get(url).content.decode(), "form-rekomendasi")
    sebelum = list(
        RekomendasiEvaluasi.objects.get(unit__kode="bidang-hi").butir.values_list(
            "teks", flat=True
        )
    )
    data["tanggal"] = "2023-12-01"
    data["pembuka"] = "Baru"
    respons = client.post(url, data)
    assert respons.status_code == 200
    assert "sebelum awal Triwulan I 2024" in respons.content.decode()
    rek = RekomendasiEvaluasi.objects.get(unit__kode="bidang-hi")
    assert rek.pembuka != "Baru"
    assert list(rek.butir.values_list("teks", flat=True)) == sebelum


@pytest.mark.parametrize("username", ["kadis", "pemeriksa", "perencanaan"])
def test_readers_download_every_document(masuk, username):
    client = masuk(username)
    semua = teks_pdf(
        client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, "daftarhadir"]))
    )
    assert semua.count("DAFTAR HADIR RAPAT") == 6
    hi = unit("bidang-hi").pk
    satu = teks_pdf(
        client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, f"daftarhadir-{hi}"]))
    )
    assert satu.count("DAFTAR HADIR RAPAT") == 1 and "NELY HARYATI BATARA" in satu
    rek = teks_pdf(
        client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, f"rekomendasi-{hi}"]))
    )
    assert "1. Pejabat Fungsional Mediator Hubungan Industrial (NASRULLAH" in rek
    assert (
        client.get(
            reverse("laporan:dokumen_pdf", args=[2024, 2, "undangan"])
        ).status_code
        == 404
    )


def test_operator_has_no_access(masuk):
    client = masuk("operator.hi")
    assert client.get(reverse("laporan:rapat", args=[2024, 1])).status_code == 403
    assert (
        client.get(
            reverse("laporan:dokumen_pdf", args=[2024, 1, "undangan"])
        ).status_code
        == 403
    )
