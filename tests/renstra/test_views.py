"""The plan screens driven as their users would: Perencanaan edits and imports,
Pimpinan and Pemeriksa read, other roles are refused, another agency's ids 404."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lakip.models import Instansi, Pegawai
from lakip.services import buat_akun_demo
from realisasi.models import RealisasiAnggaran
from renstra.models import (
    ImporSIPD,
    Indikator,
    PeriodeRenstra,
    PerjanjianKinerja,
    Program,
    RiwayatRencana,
    SubKegiatan,
    TargetIndikator,
)
from tests import sipd_xlsx


@pytest.fixture
def akun(instansi):
    buat_akun_demo(instansi)
    User = get_user_model()
    return {u.username: u for u in User.objects.all()}


@pytest.fixture
def perencanaan(client, akun):
    client.force_login(akun["perencanaan"])
    return client


def _isi(respons):
    return respons.content.decode()


def test_tree_for_readers_and_refused_for_others(client, akun):
    url = reverse("renstra:pohon")
    assert client.get(url).status_code == 302  # to the login page
    for nama in ("perencanaan", "kadis", "pemeriksa"):
        client.force_login(akun[nama])
        respons = client.get(url, {"tahun": 2024})
        assert respons.status_code == 200, nama
        halaman = _isi(respons)
        assert "2.07.01.2.08.0001 Penyediaan Jasa Surat Menyurat" in halaman
        assert "Persentase Warga Transmigran Mandiri" in halaman
        assert "pagu murni Rp 17.662.652" in halaman
        # the flow-target check of the seed's own contradictions (fixtures/README)
        assert "Jumlah target triwulan (153) kurang dari target tahunan (161); " in (
            halaman
        )
        assert ("Tambah program" in halaman) == (nama == "perencanaan")
    for nama in ("operator.hi", "sekretaris", "kabid.hi"):
        client.force_login(akun[nama])
        assert client.get(url).status_code == 403, nama
        assert client.get(reverse("renstra:impor")).status_code == 403, nama


def test_menu_entry_points_at_the_tree(client, akun):
    client.force_login(akun["kadis"])
    halaman = _isi(client.get(reverse("beranda")))
    assert f'href="{reverse("renstra:pohon")}">Rencana<' in halaman


def test_edit_indicator_with_indonesian_numbers_and_flow_warning(perencanaan, akun):
    ind = Indikator.objects.get(sub_kegiatan__kode="2.07.01.2.08.0001")
    url = reverse("renstra:indikator_ubah", args=[ind.pk])
    halaman = _isi(perencanaan.get(url))
    assert 'value="1.250"' in halaman  # the year's target shown Indonesian style
    data = {
        "nama": ind.nama,
        "satuan": "Surat",
        "polaritas": "naik",
        "jenis": "alir",
        "pemilik": ind.pemilik_id,
        "pengali": "100",
        "target_renstra": "",
        "urutan": "1",
        "target": "1.300",
        "target_tw1": "312",
        "target_tw2": "312",
        "target_tw3": "313",
        "target_tw4": "313",
    }
    respons = perencanaan.post(url, data, follow=True)
    halaman = _isi(respons)
    assert "tersimpan" in halaman
    assert "Jumlah target triwulan (1.250) kurang dari target tahunan (1.300); " in (
        halaman
    )
    target = TargetIndikator.objects.get(indikator=ind, tahun=2024)
    assert target.target == 1300
    riwayat = RiwayatRencana.objects.get(aksi="target")
    assert riwayat.oleh == akun["perencanaan"]
    assert riwayat.rincian["target"] == ["1250.0000", "1300"]


def test_bad_number_is_refused_in_indonesian(perencanaan):
    ind = Indikator.objects.get(sub_kegiatan__kode="2.07.01.2.08.0001")
    url = reverse("renstra:indikator_ubah", args=[ind.pk])
    respons = perencanaan.post(
        url, {"nama": ind.nama, "satuan": "Surat", "target": "seribu"}
    )
    assert respons.status_code == 200
    assert "“seribu” bukan angka yang valid." in _isi(respons)
    assert TargetIndikator.objects.get(indikator=ind, tahun=2024).target == 1250


def test_readers_cannot_edit(client, akun):
    program = Program.objects.get(kode="2.07.03")
    url = reverse("renstra:program_ubah", args=[program.pk])
    for nama in ("kadis", "pemeriksa", "operator.hi"):
        client.force_login(akun[nama])
        assert client.post(url, {"kode": "x", "nama": "x"}).status_code == 403
    assert Program.objects.get(pk=program.pk).kode == "2.07.03"


def test_another_agencys_ids_give_404(perencanaan):
    lain = Instansi.objects.create(kode="lain", nama="Dinas Lain", pemda="Pemda")
    periode = PeriodeRenstra.objects.create(
        instansi=lain, nama="R", tahun_awal=2021, tahun_akhir=2026
    )
    program = Program.objects.create(
        periode=periode, tahun=2024, kode="1.01.01", nama="Program lain"
    )
    for url in [
        reverse("renstra:program_ubah", args=[program.pk]),
        reverse("renstra:kegiatan_tambah") + f"?program={program.pk}",
        reverse("renstra:indikator_tambah") + f"?program={program.pk}",
        reverse("renstra:periode_ubah", args=[periode.pk]),
    ]:
        assert perencanaan.get(url).status_code == 404, url


def test_add_kegiatan_and_sub_kegiatan(perencanaan):
    program = Program.objects.get(kode="2.07.03", tahun=2024)
    respons = perencanaan.post(
        reverse("renstra:kegiatan_tambah") + f"?program={program.pk}",
        {"kode": "2.07.03.2.02", "nama": "Kegiatan Baru", "urutan": "2"},
    )
    assert respons.status_code == 302
    kegiatan = program.kegiatan.get(kode="2.07.03.2.02")
    unit = SubKegiatan.objects.filter(kegiatan__program=program).first().unit
    respons = perencanaan.post(
        reverse("renstra:sub_kegiatan_tambah") + f"?kegiatan={kegiatan.pk}",
        {
            "kode": "2.07.03.2.02.0001",
            "nama": "Sub Baru",
            "unit": unit.pk,
            "urutan": "1",
        },
    )
    assert respons.status_code == 302
    assert kegiatan.sub_kegiatan.get().unit == unit
    # a duplicate code is refused with a message, nothing saved
    respons = perencanaan.post(
        reverse("renstra:kegiatan_tambah") + f"?program={program.pk}",
        {"kode": "2.07.03.2.02", "nama": "Lagi", "urutan": "3"},
    )
    assert respons.status_code == 200 and "sudah ada" in _isi(respons)
    assert program.kegiatan.filter(kode="2.07.03.2.02").count() == 1


def test_import_upload_preview_confirm(perencanaan, akun, client):
    url = reverse("renstra:impor")
    berkas = SimpleUploadedFile("realisasi-tw2.xlsx", sipd_xlsx.realisasi())
    respons = perencanaan.post(
        url,
        {
            "jenis": "realisasi",
            "tahun": "2024",
            "versi": "murni",
            "triwulan": "2",
            "berkas": berkas,
        },
    )
    rekaman = ImporSIPD.objects.get()
    assert respons.url == reverse("renstra:impor_detail", args=[rekaman.pk])
    halaman = _isi(perencanaan.get(respons.url))
    assert "44 baru" in halaman and "Terapkan" in halaman
    assert not RealisasiAnggaran.objects.filter(triwulan=2).exists()
    # a reader sees the preview but cannot apply it
    client.force_login(akun["kadis"])
    assert client.get(respons.url).status_code == 200
    konfirmasi = reverse("renstra:impor_konfirmasi", args=[rekaman.pk])
    assert client.post(konfirmasi).status_code == 403
    assert not RealisasiAnggaran.objects.filter(triwulan=2).exists()
    client.force_login(akun["perencanaan"])
    halaman = _isi(client.post(konfirmasi, follow=True))
    assert "Impor diterapkan: 44 baru, 0 berubah, 0 tetap." in halaman
    assert RealisasiAnggaran.objects.filter(triwulan=2).count() == 44
    rekaman.refresh_from_db()
    assert (rekaman.status, rekaman.diterapkan_oleh) == (
        "diterapkan",
        akun["perencanaan"],
    )
    # applying twice is refused
    halaman = _isi(client.post(konfirmasi, follow=True))
    assert "tidak dapat diterapkan" in halaman


def test_import_refuses_a_non_xlsx_file(perencanaan):
    berkas = SimpleUploadedFile("dpa.csv", b"kode;pagu\n1;2\n")
    respons = perencanaan.post(
        reverse("renstra:impor"),
        {"jenis": "dpa", "tahun": "2024", "versi": "murni", "berkas": berkas},
    )
    assert respons.status_code == 400
    assert "bukan berkas Excel .xlsx" in _isi(respons)
    assert not ImporSIPD.objects.exists()


def test_import_with_an_unknown_code_shows_the_row(perencanaan):
    isi = sipd_xlsx.realisasi(tambahan=[sipd_xlsx.baris_asing()])
    respons = perencanaan.post(
        reverse("renstra:impor"),
        {
            "jenis": "realisasi",
            "tahun": "2024",
            "versi": "murni",
            "triwulan": "1",
            "berkas": SimpleUploadedFile("r.xlsx", isi),
        },
        follow=True,
    )
    halaman = _isi(respons)
    assert "Berkas tidak dapat diterapkan: 1 baris bermasalah." in halaman
    assert '<td class="angka">93</td>' in halaman
    assert (
        "Kode sub kegiatan 2.07.01.2.99.0001 tidak ada dalam rencana 2024." in halaman
    )
    assert "Terapkan (" not in halaman


def test_dpa_revision_screen_shows_both_versions(perencanaan):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    respons = perencanaan.post(
        reverse("renstra:perubahan_dpa", args=[sub.pk]),
        {
            "pagu": "20.000.000",
            "kas_tw1": "6.000.000",
            "kas_tw2": "5.000.000",
            "kas_tw3": "5.000.000",
            "kas_tw4": "4.000.000",
            "tanggal": "2024-09-02",
            "alasan": "Tambahan surat dinas",
        },
        follow=True,
    )
    halaman = _isi(respons)
    assert "DPA perubahan tersimpan" in halaman
    assert "Rp 17.662.652" in halaman and "Rp 20.000.000" in halaman
    assert "<strong>DPA perubahan</strong>" in halaman
    tree = _isi(perencanaan.get(reverse("renstra:pohon"), {"tahun": 2024}))
    assert "pagu murni Rp 17.662.652 · pagu perubahan Rp 20.000.000" in tree


def test_rollover_screen(perencanaan, akun, client):
    url = reverse("renstra:salin")
    respons = perencanaan.post(url, {"tahun_asal": "2024", "tahun_tujuan": ""})
    assert respons.url == reverse("renstra:pohon") + "?tahun=2025"
    halaman = _isi(perencanaan.get(respons.url))
    assert "Rencana 2025 masih <strong>draf</strong>" in halaman
    assert SubKegiatan.objects.filter(kegiatan__program__tahun=2025).count() == 44
    respons = perencanaan.post(url, {"tahun_asal": "2024", "tahun_tujuan": ""})
    assert "Rencana tahun 2025 sudah ada (7 program)" in _isi(respons)
    client.force_login(akun["kadis"])
    assert client.post(url, {"tahun_asal": "2024"}).status_code == 403


def test_perjanjian_kinerja_screens(perencanaan, client, akun):
    sekretaris = Pegawai.objects.get(nama="JONI PATABI")
    PerjanjianKinerja.objects.filter(pihak_pertama=sekretaris).delete()  # the seed's
    respons = perencanaan.post(
        reverse("renstra:pk_tambah") + "?tahun=2024",
        {"pihak_pertama": sekretaris.pk, "tanggal": "2024-01-02", "tempat": ""},
    )
    assert respons.status_code == 302
    pk = PerjanjianKinerja.objects.get()
    assert pk.indikator.count() == 9 and pk.pihak_kedua.nama == "KAMAL RASYID"
    client.force_login(akun["pemeriksa"])
    halaman = _isi(client.get(reverse("renstra:pk"), {"tahun": 2024}))
    assert "JONI PATABI, S.Sos" in halaman
    assert reverse("laporan:pk_pdf", args=[pk.pk]) in halaman
    assert "Buat Perjanjian Kinerja" not in halaman


def test_add_renstra_period_opens_its_form_and_saves(perencanaan, instansi):
    respons = perencanaan.get(reverse("renstra:periode_tambah"))
    assert respons.status_code == 200
    html = respons.content.decode()
    assert "Periode Renstra baru" in html and 'name="tahun_awal"' in html
    respons = perencanaan.post(
        reverse("renstra:periode_tambah"),
        {"nama": "Renstra 2027-2031", "tahun_awal": 2027, "tahun_akhir": 2031},
    )
    assert respons.status_code == 302
    assert respons.url == reverse("renstra:pohon") + "?tahun=2027"
    assert PeriodeRenstra.objects.filter(
        instansi=instansi, nama="Renstra 2027-2031"
    ).exists()


def test_out_of_range_numbers_are_refused_with_a_message(perencanaan):
    """Issue 12: a DPA perubahan pagu of 9e18 and a target of 1e26 were 500s."""
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    url = reverse("renstra:perubahan_dpa", args=[sub.pk])
    data = {
        "pagu": "9.000.000.000.000.000.000",
        "kas_tw1": "0",
        "kas_tw2": "0",
        "kas_tw3": "0",
        "kas_tw4": "0",
        "tanggal": "2024-09-01",
        "alasan": "Uji",
    }
    halaman = _isi(perencanaan.post(url, data))
    assert "terlalu besar; paling besar 999.999.999.999.999." in halaman
    assert not sub.anggaran.filter(versi="perubahan").exists()
    ind = Indikator.objects.get(sub_kegiatan=sub)
    url = reverse("renstra:indikator_ubah", args=[ind.pk])
    halaman = _isi(
        perencanaan.post(
            url,
            {
                "nama": ind.nama,
                "satuan": "%",
                "pengali": "100",
                "target": "1" + "0" * 26,
            },
        )
    )
    assert "terlalu besar; paling besar 999.999.999.999.999,9999." in halaman
    halaman = _isi(
        perencanaan.post(
            url, {"nama": ind.nama, "satuan": "%", "pengali": "1.000.000.000"}
        )
    )
    assert "terlalu besar; paling besar 99.999.999,99." in halaman


def test_a_year_outside_the_range_is_refused(perencanaan):
    url = reverse("renstra:pohon")
    for tahun in ("1999", "2101", "99999999999999999999"):
        assert perencanaan.get(url, {"tahun": tahun}).status_code == 400, tahun
    assert perencanaan.get(url, {"tahun": "abc"}).status_code == 200  # the latest
