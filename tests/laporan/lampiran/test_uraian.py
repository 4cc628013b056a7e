"""The prose of a sub kegiatan report: who may write it, how bad input is
refused, the editor driven as a user, and the sections printed in the PDF."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Pegawai
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from laporan.lampiran.uraian import UraianTidakValid, simpan_uraian
from laporan.models import UraianSubKegiatan
from renstra.models import SubKegiatan
from tests.bantuan import isian_formulir

KODE_HI = "2.07.05.2.02.0002"  # carried out by Bidang HI


def pengguna(nama_pegawai, username, peran):
    user = User.objects.create_user(username, password="rahasia-123")
    user.groups.add(Group.objects.get(name=peran))
    Pegawai.objects.filter(nama=nama_pegawai).update(user=user)
    return jadikan_anggota(user, Pegawai.objects.get(nama=nama_pegawai).instansi)


@pytest.fixture
def sub_hi(db):
    return SubKegiatan.objects.get(kode=KODE_HI, kegiatan__program__tahun=2024)


@pytest.fixture
def operator_hi(db):
    return pengguna("NELY HARYATI BATARA", "nely", Peran.OPERATOR_UNIT)


def test_unit_staff_write_and_others_are_refused(sub_hi, operator_hi):
    berubah = simpan_uraian(
        sub_hi, {"latar_belakang": "Latar.\r\n\r\nParagraf dua."}, oleh=operator_hi
    )
    assert berubah == ["latar_belakang"]
    u = UraianSubKegiatan.objects.get(sub_kegiatan=sub_hi)
    assert u.latar_belakang == "Latar.\n\nParagraf dua."
    assert u.diubah_oleh == operator_hi
    assert (
        simpan_uraian(
            sub_hi, {"latar_belakang": "Latar.\n\nParagraf dua."}, oleh=operator_hi
        )
        == []
    )
    lain = SubKegiatan.objects.exclude(unit=sub_hi.unit).first()
    tersimpan = UraianSubKegiatan.objects.filter(sub_kegiatan=lain)
    sebelum = list(tersimpan.values_list("tujuan", "diubah_oleh", "diubah_pada"))
    with pytest.raises(PermissionDenied):
        simpan_uraian(lain, {"tujuan": "x"}, oleh=operator_hi)
    assert (
        list(tersimpan.values_list("tujuan", "diubah_oleh", "diubah_pada")) == sebelum
    )


def test_bad_input_changes_nothing(sub_hi, operator_hi):
    simpan_uraian(sub_hi, {"tujuan": "Tujuan lama"}, oleh=operator_hi)
    with pytest.raises(UraianTidakValid, match="terlalu panjang"):
        simpan_uraian(
            sub_hi, {"tujuan": "baru", "lokasi": "x" * 20_001}, oleh=operator_hi
        )
    with pytest.raises(UraianTidakValid, match="tidak dikenal"):
        simpan_uraian(sub_hi, {"anggaran": "1"}, oleh=operator_hi)
    assert UraianSubKegiatan.objects.get(sub_kegiatan=sub_hi).tujuan == "Tujuan lama"


def test_editor_form_and_pdf_sections(client, sub_hi, operator_hi):
    client.force_login(operator_hi)
    daftar = client.get(reverse("laporan:subkegiatan_daftar", args=[2024, 1]))
    url = reverse("laporan:subkegiatan_uraian", args=[2024, 1, sub_hi.pk])
    assert url in daftar.content.decode()
    # only the sub kegiatan of the operator's own unit are listed
    isi = daftar.content.decode()
    milik = SubKegiatan.objects.filter(unit=sub_hi.unit).count()
    assert isi.count('href="/laporan/lampiran/2024/1/sub-kegiatan/') == milik  # Uraian
    assert isi.count('href="/laporan/dokumen/2024/1/subkegiatan-') == milik  # PDF
    data = isian_formulir(client.get(url).content.decode())
    data.update(
        latar_belakang="Perselisihan hubungan industrial perlu diselesaikan.",
        dasar_hukum="UU Nomor 2 Tahun 2004\nUU Nomor 13 Tahun 2003",
        lokasi="Kantor Dinas Transnaker\nPT Vale Indonesia",
    )
    respons = client.post(url, data, follow=True)
    assert "Uraian tersimpan (3 bagian berubah)" in respons.content.decode()

    pdf = client.get(
        reverse("laporan:dokumen_pdf", args=[2024, 1, f"subkegiatan-{sub_hi.pk}"])
    )
    assert pdf["Content-Type"] == "application/pdf"
    teks = " ".join(
        " ".join(
            h.extract_text() for h in PdfReader(io.BytesIO(pdf.content)).pages
        ).split()
    )
    assert (
        "A. Latar Belakang Perselisihan hubungan industrial perlu diselesaikan." in teks
    )
    assert "B. Dasar Hukum 1. UU Nomor 2 Tahun 2004 2. UU Nomor 13 Tahun 2003" in teks
    assert (
        "F. Lokasi Pelaksanaan 1. Kantor Dinas Transnaker 2. PT Vale Indonesia" in teks
    )
    assert "G. Waktu Pelaksanaan" in teks
    assert "J. Realisasi Keuangan" in teks


def test_other_units_report_is_forbidden(client, operator_hi):
    lain = SubKegiatan.objects.exclude(unit__kode="bidang-hi").first()
    client.force_login(operator_hi)
    uraian = reverse("laporan:subkegiatan_uraian", args=[2024, 1, lain.pk])
    pdf = reverse("laporan:dokumen_pdf", args=[2024, 1, f"subkegiatan-{lain.pk}"])
    for url in (uraian, pdf):
        assert client.get(url).status_code == 403


def test_index_links_follow_the_role(client, operator_hi):
    client.force_login(operator_hi)
    isi = client.get(reverse("laporan:lampiran")).content.decode()
    assert reverse("laporan:subkegiatan_daftar", args=[2024, 1]) in isi
    assert reverse("laporan:tanda_tangan", args=[2024, 1]) not in isi
    perencana = pengguna("MUH. ARFAH TAUFIEK", "arfah", Peran.PERENCANAAN)
    client.force_login(perencana)
    isi = client.get(reverse("laporan:lampiran")).content.decode()
    assert reverse("laporan:tanda_tangan", args=[2024, 1]) in isi
    assert reverse("laporan:rapat", args=[2024, 1]) in isi
