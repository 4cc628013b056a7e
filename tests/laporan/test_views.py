"""The report pages driven as a user would: Perencanaan edits text and a table,
generates the PDF (a background job) and downloads it; other roles are refused."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from laporan.models import BerkasLaporan, DataDukung, Laporan
from tests.bantuan import teks_elemen

pytestmark = pytest.mark.django_db

SEGERA = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ANTRE_DB = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_menu_points_at_the_report_page(masuk):
    halaman = masuk("perencanaan").get(reverse("beranda")).content.decode()
    assert f'href="{reverse("laporan:daftar")}"' in halaman


def test_choose_quarter_and_see_figures(masuk):
    c = masuk("perencanaan")
    respons = c.get(reverse("laporan:daftar"), {"tahun": 2024, "triwulan": 1})
    assert respons.status_code == 302
    halaman = c.get(respons.url).content.decode()
    assert "LAKIP Triwulan I Tahun 2024" in halaman
    assert "Rp 7.897.427.349" in halaman and "28,62" in halaman
    assert "Buat PDF" in halaman


def test_html_preview(masuk):
    c = masuk("kadis")
    halaman = c.get(reverse("laporan:lakip_pratinjau", args=[2024, 1]))
    teks = halaman.content.decode()
    assert halaman.status_code == 200
    assert "TOTAL BELANJA" in teks and "7.897.427.349" in teks
    assert "/static/fonts/dejavu/DejaVuSerif.ttf" in teks  # served by the app


LAKIP_TW1 = reverse("laporan:lakip", args=[2024, 1])


def _peringatan(html):
    return teks_elemen(html, "peringatan-draf")


def test_perencanaan_generates_the_pdf_and_downloads_it(masuk, settings):
    settings.TASKS = SEGERA
    c = masuk("perencanaan")
    # No unit of the seed's quarter is Disahkan: the screen says the PDF is a
    # draft and names the units.
    layar = _peringatan(c.get(LAKIP_TW1).content.decode())
    assert "PDF yang dibuat sekarang adalah DRAF" in layar
    assert "Sekretariat, Subbagian Perencanaan, Subbagian Keuangan" in layar
    assert "(8 unit)" in layar
    respons = c.post(reverse("laporan:lakip_pdf", args=[2024, 1]))
    berkas = BerkasLaporan.objects.get()
    assert respons.url == reverse("laporan:berkas", args=[berkas.pk])
    status = c.get(reverse("laporan:berkas_status", args=[berkas.pk])).json()
    assert status["status"] == "selesai" and status["persen"] == 100
    assert status["jumlah_halaman"] > 40
    halaman = c.get(respons.url).content.decode()
    assert "js/berkas.js" in halaman and "Unduh PDF" in halaman
    unduh = c.get(status["unduh"])
    assert unduh["Content-Type"] == "application/pdf"
    assert (
        'filename="DRAF-LAKIP-2024-TW1-disnakertrans-lutim.pdf"'
        in unduh["Content-Disposition"]
    )
    halaman_pdf = PdfReader(io.BytesIO(unduh.content)).pages
    assert all("DRAF" in h.extract_text() for h in halaman_pdf)  # every page
    teks = " ".join(" ".join(h.extract_text().split()) for h in halaman_pdf[-4:])
    assert "TOTAL BELANJA 7.897.427.349 2.535.309.937 725.550.029 28,62" in teks
    # Pimpinan may download it too.
    assert masuk("kadis").get(status["unduh"]).status_code == 200


def test_the_request_only_queues_and_a_worker_makes_the_pdf(
    masuk, settings, monkeypatch
):
    """With the database queue the request returns before any layout; the
    worker (``db_worker``) then makes the PDF."""
    from django_tasks_db.management.commands import db_worker

    # The worker recycles connections between jobs; inside the test's
    # transaction that would close it (PostgreSQL), so it is left open here.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = ANTRE_DB
    c = masuk("perencanaan")
    c.post(reverse("laporan:lakip_pdf", args=[2024, 2]))
    berkas = BerkasLaporan.objects.get()
    assert berkas.status == "antre" and berkas.id_tugas
    assert (
        c.get(reverse("laporan:berkas_status", args=[berkas.pk])).json()["unduh"]
        is None
    )
    # A second click follows the same job.
    kedua = c.post(reverse("laporan:lakip_pdf", args=[2024, 2]))
    assert kedua.url == reverse("laporan:berkas", args=[berkas.pk])
    assert BerkasLaporan.objects.count() == 1
    # The quarter's report was prepared from TW I on the way.
    assert Laporan.objects.filter(tahun=2024, triwulan=2).exists()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    berkas.refresh_from_db()
    assert berkas.status == "selesai", berkas.pesan
    assert bytes(berkas.isi).startswith(b"%PDF")


@pytest.mark.parametrize("username", ["kadis", "pemeriksa", "operator.hi"])
def test_other_roles_cannot_generate_or_edit(masuk, username, settings):
    settings.TASKS = SEGERA
    c = masuk(username)
    assert c.post(reverse("laporan:lakip_pdf", args=[2024, 1])).status_code == 403
    url = reverse("laporan:lakip_teks", args=[2024, 1, "umum"])
    assert c.get(url).status_code == 403
    assert c.post(url, {"penutup|": "x"}).status_code == 403
    assert not BerkasLaporan.objects.exists()


def test_operator_cannot_even_read(masuk):
    c = masuk("operator.hi")
    assert c.get(reverse("laporan:daftar")).status_code == 403
    assert c.get(reverse("laporan:lakip_pratinjau", args=[2024, 1])).status_code == 403


def test_edit_text_through_the_form(masuk):
    c = masuk("perencanaan")
    url = reverse("laporan:lakip_teks", args=[2024, 1, "sasaran-S2"])
    halaman = c.get(url).content.decode()
    assert "Penyebab keberhasilan/peningkatan kinerja" in halaman
    assert "Peningkatan Kapasitas Calon tenaga kerja".lower() in halaman.lower()
    respons = c.post(
        url,
        {
            "sasaran_solusi|S2": "- Job fair **daring** Triwulan {triwulan}.",
            "sasaran_uraian|S2": "Uraian baru.",
        },
    )
    assert respons.status_code == 302
    pratinjau = c.get(reverse("laporan:lakip_pratinjau", args=[2024, 1]))
    teks = pratinjau.content.decode()
    assert "<li>Job fair <strong>daring</strong> Triwulan I.</li>" in teks
    # Sections left empty in the form are emptied.
    assert "Peningkatan kapasitas calon tenaga kerja/pencari kerja" not in teks


def test_edit_signing_date(masuk):
    c = masuk("perencanaan")
    url = reverse("laporan:lakip_teks", args=[2024, 1, "umum"])
    form = c.get(url).context["form"]
    data = {k: v for k, v in form.initial.items()}
    data.update({n: f.initial for n, f in form.fields.items() if f.initial})
    data["tanggal"] = "2024-04-30"
    assert c.post(url, data).status_code == 302
    assert Laporan.objects.get(tahun=2024, triwulan=1).tanggal.day == 30
    pratinjau = c.get(reverse("laporan:lakip_pratinjau", args=[2024, 1]))
    assert "Malili, 30 April 2024" in pratinjau.content.decode()


def test_supporting_table_form(masuk):
    c = masuk("perencanaan")
    url = reverse("laporan:lakip_data_dukung_baru", args=[2024, 1])
    sasaran = c.get(url).context["form"].fields["pemilik"].choices[2][0]
    salah = c.post(
        url,
        {"judul": "Nilai SAKIP", "pemilik": sasaran, "tabel": "Tahun|Nilai\n2023"},
    )
    assert "Baris 2 berisi 1 sel, padahal tabel memiliki 2 kolom." in (
        salah.content.decode()
    )
    assert DataDukung.objects.count() == 2
    baik = c.post(
        url,
        {
            "judul": "Nilai SAKIP",
            "pemilik": sasaran,
            "tabel": "Tahun\tNilai\n2022\t74,10\n2023\t75,40",
            "urutan": 3,
        },
    )
    assert baik.status_code == 302
    pratinjau = c.get(reverse("laporan:lakip_pratinjau", args=[2024, 1]))
    assert "Nilai SAKIP</caption>" in pratinjau.content.decode()
    assert "<td>74,10</td>" in pratinjau.content.decode()


def test_a_failed_job_is_reported(masuk, settings, monkeypatch):
    from laporan import pdf
    from laporan.models import CacheBagianPdf

    def rusak(*args, **kwargs):
        raise RuntimeError("tata letak gagal")

    # In this process and in the workers (which the monkeypatch cannot reach).
    monkeypatch.setattr(pdf, "render_pdf", rusak)
    monkeypatch.setattr(pdf, "render_banyak", rusak)
    CacheBagianPdf.objects.all().delete()  # the LAKIP must be laid out now
    settings.TASKS = SEGERA
    c = masuk("perencanaan")
    c.post(reverse("laporan:lakip_pdf", args=[2024, 1]))
    berkas = BerkasLaporan.objects.get()
    status = c.get(reverse("laporan:berkas_status", args=[berkas.pk])).json()
    assert (status["status"], status["selesai"], status["unduh"]) == (
        "gagal",
        True,
        None,
    )
    assert "tata letak gagal" in status["pesan"]
    assert c.get(reverse("laporan:berkas_unduh", args=[berkas.pk])).status_code == 404
    halaman = c.get(reverse("laporan:berkas", args=[berkas.pk])).content.decode()
    assert "Pembuatan PDF gagal" in halaman and "tata letak gagal" in halaman
    assert "tata letak gagal" in c.get(reverse("laporan:daftar")).content.decode()


def test_the_final_lakip_needs_every_unit_approved(masuk, settings, instansi):
    from tests.bantuan import sahkan_triwulan

    settings.TASKS = SEGERA
    c = masuk("perencanaan")
    sahkan_triwulan(instansi, 2024, 1, kecuali=["bidang-pkt"])
    layar = _peringatan(c.get(LAKIP_TW1).content.decode())
    assert layar.endswith(
        "untuk Bidang Pengembangan Kawasan Transmigrasi (1 unit). LAKIP final "
        "(tanpa tanda air) dibuat setelah semua unit Disahkan."
    )
    sahkan_triwulan(instansi, 2024, 1)
    assert _peringatan(c.get(LAKIP_TW1).content.decode()) is None
    c.post(reverse("laporan:lakip_pdf", args=[2024, 1]))
    berkas = BerkasLaporan.objects.get()
    assert berkas.nama_berkas == "LAKIP-2024-TW1-disnakertrans-lutim.pdf"
    halaman_pdf = PdfReader(io.BytesIO(bytes(berkas.isi))).pages
    assert not any("DRAF" in h.extract_text() for h in halaman_pdf)
    assert "KATA PENGANTAR" in halaman_pdf[1].extract_text()
