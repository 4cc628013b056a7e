"""A package to hand over: final when every part it holds is ready (no
watermark, no empty report, no unknown signer, no missing NIP), else DRAF on
every page with the readiness list as its first pages. Read back with pypdf."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from laporan.kelengkapan import KUNCI_BAGIAN
from laporan.models import UraianSubKegiatan
from laporan.paket.rakit import rakit_paket
from renstra.models import SubKegiatan
from tests.bantuan import lengkapi_triwulan

from .conftest import teks_halaman

pytestmark = pytest.mark.django_db


def _sub(berisi):
    """The first 2024 sub kegiatan (by code) with (or without) report prose."""
    ada = UraianSubKegiatan.objects.values_list("sub_kegiatan_id", flat=True)
    daftar = SubKegiatan.objects.filter(kegiatan__program__tahun=2024).order_by("kode")
    daftar = daftar.filter(pk__in=ada) if berisi else daftar.exclude(pk__in=ada)
    return daftar.first()


def _teks(pembaca):
    return [teks_halaman(pembaca, i) for i in range(len(pembaca.pages))]


def test_a_draft_package_starts_with_its_readiness_list(instansi):
    kosong, berisi = _sub(False), _sub(True)
    pilihan = ["pernyataan-15", f"subkegiatan-{kosong.pk}", f"subkegiatan-{berisi.pk}"]
    hasil = rakit_paket(instansi, 2024, 1, pilihan=pilihan, pekerja=1, kelengkapan=True)
    assert not hasil.final
    assert hasil.nama_berkas.startswith("DRAF-PAKET-")
    # The empty report is left out and listed; the readiness list comes first.
    kunci = [b.kunci for b in hasil.bagian]
    assert kunci[0] == KUNCI_BAGIAN and f"subkegiatan-{kosong.pk}" not in kunci
    assert sorted(kunci[1:]) == sorted(["pernyataan-15", f"subkegiatan-{berisi.pk}"])
    assert [r.kunci for r in hasil.tidak_dilampirkan] == [f"subkegiatan-{kosong.pk}"]
    pembaca = PdfReader(BytesIO(hasil.isi))
    teks = _teks(pembaca)
    assert all("DRAF" in t for t in teks)
    daftar = hasil.bagian[0]
    assert daftar.halaman_awal == 0
    depan = " ".join(teks[: daftar.jumlah_halaman])
    assert "DAFTAR KELENGKAPAN DOKUMEN" in teks[0]
    assert "3 dokumen: 0 siap, 3 belum siap, di antaranya 1 kosong" in depan
    assert kosong.kode in depan and "Isi dokumen belum diisi" in depan
    # MOH. ARIFIN has no NIP: who must act is on the list.
    assert "NIP pejabat yang dievaluasi MOH. ARIFIN" in depan
    assert "Admin instansi (data pegawai)" in depan
    # The list is a part like the others: the same list comes from the cache.
    lagi = rakit_paket(instansi, 2024, 1, pilihan=pilihan, pekerja=1, kelengkapan=True)
    assert KUNCI_BAGIAN in lagi.dari_cache and lagi.dirender == []


def test_a_final_package_has_no_draft_no_gap_and_no_empty_report(instansi):
    lengkapi_triwulan(instansi)
    hasil = rakit_paket(
        instansi, 2024, 1, pilihan=["pernyataan", "subkegiatan"], kelengkapan=True
    )
    assert hasil.final and hasil.kelengkapan.final
    assert hasil.nama_berkas == "PAKET-LAKIP-2024-TW1-disnakertrans-lutim-pilihan.pdf"
    ada = set(UraianSubKegiatan.objects.values_list("sub_kegiatan_id", flat=True))
    subs = SubKegiatan.objects.filter(kegiatan__program__tahun=2024)
    kosong = {f"subkegiatan-{s.pk}" for s in subs if s.pk not in ada}
    berisi = {f"subkegiatan-{s.pk}" for s in subs if s.pk in ada}
    kunci = [b.kunci for b in hasil.bagian]
    assert KUNCI_BAGIAN not in kunci
    assert {k for k in kunci if k.startswith("subkegiatan-")} == berisi
    assert {r.kunci for r in hasil.tidak_dilampirkan} == kosong
    assert sum(k.startswith("pernyataan-") for k in kunci) == 15
    teks = " ".join(_teks(PdfReader(BytesIO(hasil.isi))))
    assert "DRAF" not in teks
    assert "(belum ditetapkan)" not in teks
    assert "NIP. -" not in teks
    assert "LAPORAN PELAKSANAAN SUB KEGIATAN" in teks
    # The reports bound are exactly the ones with prose, by their codes.
    assert [s.kode for s in subs if s.pk in ada and s.kode not in teks] == []
    assert [s.kode for s in subs if s.pk not in ada and s.kode in teks] == []


def test_a_kinds_documents_are_not_a_package(instansi):
    """One kind's documents (the command ``laporan pernyataan``, the PDF view)
    keep their parts as chosen: no readiness list, no left-out report."""
    kosong = _sub(False)
    hasil = rakit_paket(
        instansi, 2024, 1, pilihan=[f"subkegiatan-{kosong.pk}"], pekerja=1
    )
    assert [b.kunci for b in hasil.bagian] == [f"subkegiatan-{kosong.pk}"]
    assert hasil.kelengkapan is None and hasil.tidak_dilampirkan == []


def test_a_package_of_empty_reports_only_is_its_readiness_list(instansi):
    """Nothing to attach is never an empty PDF nor a final package."""
    lengkapi_triwulan(instansi)
    kosong = _sub(False)
    hasil = rakit_paket(
        instansi,
        2024,
        1,
        pilihan=[f"subkegiatan-{kosong.pk}"],
        pekerja=1,
        kelengkapan=True,
    )
    assert not hasil.final and hasil.kelengkapan.final
    assert [b.kunci for b in hasil.bagian] == [KUNCI_BAGIAN]
    teks = " ".join(_teks(PdfReader(BytesIO(hasil.isi))))
    assert "tidak ada dokumen terpilih yang berisi" in teks and "DRAF" in teks
    assert kosong.kode in teks
