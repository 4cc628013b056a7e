"""The registry of document kinds (laporan.dokumen) against the signing list,
the package and the source."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from laporan.dokumen import jenis_dokumen, jenis_ttd, semua_jenis
from laporan.dokumen.kunci import kunci, urai_kunci
from laporan.lampiran.terbit import daftar_dokumen
from laporan.paket.bagian import daftar_bagian, susun_konteks

AKAR = Path(__file__).resolve().parents[3]
APP = ("lakip", "renstra", "realisasi", "laporan", "evaluasi")

pytestmark = pytest.mark.django_db


def test_kinds_in_package_order():
    assert [j.kode for j in semua_jenis()] == [
        "lakip",
        "undangan",
        "daftarhadir",
        "pernyataan",
        "evaluasi-unit",
        "evaluasi-pejabat",
        "laporan-unit",
        "subkegiatan",
        "rekomendasi",
        "spsb",
        "perselisihan",
        "laporan-kegiatan",
        "laporan-program",
    ]
    assert {j.nama_grup for j in semua_jenis()} == {
        "lakip",
        "undangan",
        "daftarhadir",
        "pernyataan",
        "evaluasi",
        "laporan-unit",
        "subkegiatan",
        "rekomendasi",
        "spsb",
        "perselisihan",
        "laporan-kegiatan",
        "laporan-program",
    }


def test_key_grammar_round_trips():
    assert kunci("evaluasi-unit", 8) == "evaluasi-unit-8"
    assert urai_kunci("evaluasi-unit-8") == ("evaluasi-unit", 8)
    assert kunci("undangan") == "undangan"
    assert urai_kunci("undangan") == ("undangan", None)
    assert urai_kunci("daftarhadir-12") == ("daftarhadir", 12)


def test_signable_kinds_are_the_registrys(instansi):
    """What the signing list offers is exactly the registry's signable kinds."""
    dokumen = daftar_dokumen(instansi, 2024, 1)
    assert jenis_ttd() == [
        "undangan",
        "pernyataan",
        "evaluasi-unit",
        "evaluasi-pejabat",
        "laporan-unit",
        "subkegiatan",
        "rekomendasi",
        "spsb",
        "perselisihan",
        "laporan-kegiatan",
        "laporan-program",
    ]
    # every signable kind has documents, but the seed reports on no whole kegiatan
    assert {d.jenis for d in dokumen} == set(jenis_ttd()) - {"laporan-kegiatan"}
    # every document's key is its kind's: <kind>[-<subject pk>]
    assert all(urai_kunci(d.kunci)[0] == d.jenis for d in dokumen)


def test_every_signable_document_is_a_package_part_with_the_same_key(instansi):
    dokumen = daftar_dokumen(instansi, 2024, 1)
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    ttd = {(d.jenis, d.kunci) for d in dokumen}
    paket = {(b.jenis, b.kunci) for b in bagian}
    # 25 evaluation tables less the three Kasubag tables that are their
    # Subbagian's (printed once, laporan.dokumen.evaluasi.kembar); the 5 unit
    # reports, the Bidang HI's SP/SB data and register, the Bidang
    # Pengembangan's program report
    assert len(ttd) == len(dokumen) == 1 + 15 + 22 + 44 + 4 + 5 + 2 + 1
    assert ttd <= paket
    # the package's other parts are the kinds never signed
    assert {j for j, _ in paket - ttd} == {"lakip", "daftarhadir"}
    assert not jenis_dokumen("lakip").dapat_ditandatangani


def test_a_kind_that_is_not_signable_is_refused(masuk):
    client = masuk("kadis")
    for jenis, k in (("lakip", "lakip"), ("daftarhadir", "daftarhadir"), ("x", "x")):
        url = reverse("laporan:tandatangani", args=[2024, 1, jenis, k])
        assert client.post(url).status_code == 404


def test_render_pdf_is_called_only_in_the_pdf_module():
    """Every PDF is laid out by ``laporan.pdf`` (the package builder and the
    signing function go through it)."""
    pemanggil = set()
    for app in APP:
        for berkas in (AKAR / app).rglob("*.py"):
            teks = berkas.read_text()
            if re.search(r"\brender_pdf\(", teks):
                pemanggil.add(str(berkas.relative_to(AKAR)))
    assert pemanggil == {"laporan/pdf.py"}
