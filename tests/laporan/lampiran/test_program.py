"""The reports on a whole program or kegiatan: figures equal the report data,
prose is the fixture source's (or what the unit types), the package places them
last in their unit, and the editor keeps to its unit and agency."""

import io
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Instansi, UnitKerja
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from lakip.templatetags.angka import persen
from laporan.data_tersimpan import data_laporan
from laporan.dokumen.kunci import LAPORAN_KEGIATAN, LAPORAN_PROGRAM, kunci
from laporan.lampiran.terbit import daftar_dokumen
from laporan.models import UraianProgram
from laporan.paket.bagian import daftar_bagian, susun_konteks
from laporan.templatetags.dokumen import uang
from renstra.models import Kegiatan, Program

SUMBER = yaml.safe_load(
    (
        Path(__file__).resolve().parents[3]
        / "fixtures"
        / "sumber"
        / "uraian-program.yaml"
    ).read_text("utf-8")
)

pytestmark = pytest.mark.django_db


def _teks(isi):
    halaman = PdfReader(io.BytesIO(isi)).pages
    return " ".join(" ".join(p.extract_text() for p in halaman).split())


def _baris(akar, kode):
    for p in akar.anak:
        if p.kode == kode:
            return p
        for k in p.anak:
            if k.kode == kode:
                return k
    raise AssertionError(kode)


def _uang(n):
    """Money as budget tables print it (zero as ``-``)."""
    return uang(n)


def _periksa_angka(teks, baris):
    """Every money figure of ``baris`` and of its sub kegiatan is printed, and
    the total row reads pagu, anggaran kas, realisasi, % and what is left."""
    for s in [
        d
        for k in ([baris] if baris.tingkat == "kegiatan" else baris.anak)
        for d in k.anak
    ]:
        assert (
            f"{_uang(s.pagu)} {_uang(s.anggaran_kas)} {_uang(s.realisasi)} "
            f"{persen(s.persen_kas)} {_uang(s.pagu - s.realisasi)}"
        ) in teks, s.nama
    assert (
        f"Jumlah {_uang(baris.pagu)} {_uang(baris.anggaran_kas)} "
        f"{_uang(baris.realisasi)} {persen(baris.persen_kas)} "
        f"{_uang(baris.pagu - baris.realisasi)}"
    ) in teks
    assert f"atau {persen(baris.persen_pagu)} % dari pagu" in teks


def test_program_report_prints_the_report_data_and_the_sources_prose(masuk, instansi):
    entri = SUMBER["uraian"][0]
    program = Program.objects.get(kode=str(entri["program"]), tahun=2024)
    respons = masuk("perencanaan").get(
        reverse(
            "laporan:dokumen_pdf",
            args=[2024, 1, kunci(LAPORAN_PROGRAM, program.pk)],
        )
    )
    assert respons.status_code == 200
    teks = _teks(respons.content)
    baris = _baris(data_laporan(instansi, 2024, 1).anggaran, program.kode)
    assert baris.pagu > 0 and baris.realisasi > 0
    _periksa_angka(teks, baris)
    # its indicators and its sub kegiatan's, with the quarter's realisation
    data = data_laporan(instansi, 2024, 1)
    milik = [
        b
        for b in data.indikator
        if (b.tingkat == "program" and b.objek.program_id == program.pk)
        or (
            b.tingkat == "sub_kegiatan"
            and b.objek.sub_kegiatan.kegiatan.program_id == program.pk
        )
    ]
    assert len(milik) >= 3
    for b in milik:
        assert " ".join(b.nama.split()) in teks
    # the prose of the source, and the signers of the seed
    for bagian in ("latar_belakang", "sasaran", "kesimpulan"):
        awal = " ".join(entri[bagian].split())[:60]
        assert awal in teks, bagian
    pengembangan = UnitKerja.objects.get(kode="bidang-pkt")
    assert pengembangan.kepala.nama_lengkap in teks
    assert "Mengetahui" in teks and "KAMAL RASYID" in teks


def test_program_report_is_last_in_its_unit_and_signed_by_the_unit_head(instansi):
    program = Program.objects.get(kode="3.32.04", tahun=2024)
    pengembangan = UnitKerja.objects.get(kode="bidang-pkt")
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    milik = [b.kunci for b in bagian if b.kelompok == pengembangan.nama]
    k = kunci(LAPORAN_PROGRAM, program.pk)
    assert milik[-1] == k
    assert milik[-2] == f"rekomendasi-{pengembangan.pk}"  # seed lines 5398, 5486
    assert sum(b.jenis == LAPORAN_PROGRAM for b in bagian) == 1
    assert not [b for b in bagian if b.jenis == LAPORAN_KEGIATAN]
    dok = [d for d in daftar_dokumen(instansi, 2024, 1) if d.kunci == k]
    assert len(dok) == 1 and dok[0].penanda == pengembangan.kepala


def test_kegiatan_report_from_prose_typed_by_the_unit_head(masuk, instansi):
    kegiatan = Kegiatan.objects.get(kode="2.07.05.2.02", program__tahun=2024)
    hi = UnitKerja.objects.get(kode="bidang-hi")
    client = masuk("kabid.hi")
    daftar = client.get(reverse("laporan:program_daftar", args=[2024, 1]))
    url = reverse("laporan:program_uraian", args=[2024, 1, "kegiatan", kegiatan.pk])
    assert url in daftar.content.decode()
    isian = {
        "latar_belakang": "Hubungan industrial yang harmonis.\n\nParagraf kedua.",
        "kesimpulan": "Seluruh kasus difasilitasi.",
    }
    assert client.post(url, isian).status_code == 302
    tersimpan = UraianProgram.objects.get(kegiatan=kegiatan)
    assert tersimpan.diubah_oleh.username == "kabid.hi"
    # the kegiatan now has its report, last in the Bidang HI
    k = kunci(LAPORAN_KEGIATAN, kegiatan.pk)
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    assert [b.kunci for b in bagian if b.kelompok == hi.nama][-1] == k
    teks = _teks(client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, k])).content)
    assert "Hubungan industrial yang harmonis." in teks
    baris = _baris(data_laporan(instansi, 2024, 1).anggaran, kegiatan.kode)
    _periksa_angka(teks, baris)
    dok = [d for d in daftar_dokumen(instansi, 2024, 1) if d.kunci == k]
    assert dok[0].penanda == kegiatan.pptk


def test_editor_refuses_other_units_too_long_text_and_other_agencies(
    masuk, client, instansi
):
    kegiatan = Kegiatan.objects.get(kode="2.07.05.2.02", program__tahun=2024)
    url = reverse("laporan:program_uraian", args=[2024, 1, "kegiatan", kegiatan.pk])
    # the Sekretaris does not carry the kegiatan out: not even shown
    assert masuk("sekretaris").post(url, {"kesimpulan": "x"}).status_code == 404
    # too long: 400, nothing saved
    respons = masuk("perencanaan").post(url, {"kesimpulan": "x" * 20_001})
    assert respons.status_code == 400
    assert "terlalu panjang" in respons.content.decode()
    assert not UraianProgram.objects.filter(kegiatan=kegiatan).exists()
    # another agency: 404 for the editor and the PDF
    lain = Instansi.objects.create(
        kode="dinas-lain", nama="Dinas Lain", pemda="Pemda Lain", kode_urusan="2.07"
    )
    pengguna = get_user_model().objects.create_user("perencana.lain")
    jadikan_anggota(pengguna, lain)
    pengguna.groups.add(Group.objects.get_or_create(name=Peran.PERENCANAAN)[0])
    client.force_login(pengguna)
    assert client.post(url, {"kesimpulan": "x"}).status_code == 404
    program = Program.objects.get(kode="3.32.04", tahun=2024)
    pdf = reverse(
        "laporan:dokumen_pdf", args=[2024, 1, kunci(LAPORAN_PROGRAM, program.pk)]
    )
    assert client.get(pdf).status_code == 404
    assert not UraianProgram.objects.filter(kegiatan=kegiatan).exists()
