"""The Perjanjian Kinerja document: HTML and PDF with figures from the data."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Pegawai
from lakip.services import buat_akun_demo
from laporan.dokumen_pk import data_perjanjian_kinerja, pdf_perjanjian_kinerja
from renstra import services
from renstra.models import PerjanjianKinerja, SubKegiatan

# Tabel 3.25 (seed lines 773-806) and the seed's PK of the Sekretaris (1292-1300)
KEGIATAN_2_07_01 = [
    (
        "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "126.404.245",
    ),
    ("Kegiatan Administrasi Keuangan Perangkat Daerah", "3.769.436.092"),
    ("Kegiatan Administrasi Barang Milik Daerah pada Perangkat Daerah", "15.360.700"),
    ("Kegiatan Administrasi Kepegawaian Perangkat Daerah", "82.327.460"),
    ("Kegiatan Administrasi Umum Perangkat Daerah", "362.233.600"),
    (
        "Kegiatan Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
        "214.250.000",
    ),
    ("Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "156.562.652"),
    (
        "Kegiatan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan "
        "Daerah",
        "96.186.000",
    ),
]


@pytest.fixture
def pk_sekretaris(instansi, pengguna):
    sekretaris = Pegawai.objects.get(nama="JONI PATABI")
    PerjanjianKinerja.objects.filter(pihak_pertama=sekretaris).delete()  # the seed's
    return services.simpan_perjanjian_kinerja(
        instansi,
        pengguna,
        pihak_pertama=Pegawai.objects.get(nama="JONI PATABI"),
        tahun=2024,
        tanggal=datetime.date(2024, 1, 2),
    )


def _teks_pdf(isi):
    halaman = PdfReader(io.BytesIO(isi)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in halaman)


def _rupiah(teks):
    return [int(r.replace(".", "")) for r in re.findall(r"Rp ([\d.]+)", teks)]


def test_pdf_of_the_sekretaris_lists_the_eight_kegiatan(pk_sekretaris):
    teks = _teks_pdf(pdf_perjanjian_kinerja(pk_sekretaris))
    assert "PERJANJIAN KINERJA TAHUN 2024" in teks
    # the budget table: the program, then its eight kegiatan, in plan order
    anggaran = teks[teks.index("Program / Kegiatan Anggaran") :]
    assert _rupiah(anggaran) == [4_822_760_749] + [
        int(r.replace(".", "")) for _, r in KEGIATAN_2_07_01
    ]
    assert sum(_rupiah(anggaran)[1:]) == 4_822_760_749
    posisi = [anggaran.index(nama) for nama, _ in KEGIATAN_2_07_01]
    assert posisi == sorted(posisi)
    for nama, rupiah in KEGIATAN_2_07_01:
        assert f"{nama} Rp {rupiah} APBD" in anggaran
    # both parties with name, rank and NIP
    for bagian in [
        "JONI PATABI, S.Sos",
        "Pembina Tingkat I, IV/b",
        "NIP. 19740611 200604 1 012",
        "KAMAL RASYID, S.STP",
        "Pembina Utama Muda, IV/c",
        "NIP. 19810511 199912 1 001",
        "Malili, 2 Januari 2024",
        "selanjutnya disebut pihak pertama",
    ]:
        assert bagian in teks, bagian
    # the agreed targets
    assert (
        "Persentase penunjang urusan perangkat daerah berjalan sesuai standar 95,00%"
        in teks
    )
    assert "Anggaran menurut DPA murni" in teks


def test_document_uses_the_revised_budget(pk_sekretaris, instansi, pengguna):
    surat = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    services.simpan_perubahan_dpa(
        instansi,
        surat,
        20_000_000,
        [5_000_000, 5_000_000, 5_000_000, 5_000_000],
        datetime.date(2024, 9, 2),
        "Tambahan surat dinas.",
        pengguna,
    )
    data = data_perjanjian_kinerja(pk_sekretaris)
    assert data["versi_dpa"] == "perubahan"
    program = data["anggaran"][0][2]
    assert (program.pagu, program.pagu_murni) == (4_825_098_097, 4_822_760_749)


def test_screen_and_pdf_views_and_access(client, pk_sekretaris, instansi):
    buat_akun_demo(instansi)
    url = reverse("laporan:pk_dokumen", args=[pk_sekretaris.pk])
    url_pdf = reverse("laporan:pk_pdf", args=[pk_sekretaris.pk])
    for akun in ("perencanaan", "kadis", "pemeriksa", "sekretaris"):
        client.force_login(_user(akun))
        respons = client.get(url)
        assert respons.status_code == 200, akun
        assert "Rp 4.822.760.749" in respons.content.decode()
    respons = client.get(url_pdf)
    assert respons["Content-Type"] == "application/pdf"
    assert "Rp 4.822.760.749" in _teks_pdf(respons.content)
    client.force_login(_user("kabid.hi"))  # another unit's head: not a party
    assert client.get(url).status_code == 403
    client.force_login(_user("operator.hi"))
    assert client.get(url_pdf).status_code == 403


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
