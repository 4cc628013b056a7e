"""Reading SIPD files (renstra.sipd): uploads bounded before parsing, money
within the one range rule, the rows read once and kept on the import record."""

import time
import tracemalloc

import pytest

from renstra import sipd
from renstra.impor_sipd import konfirmasi_impor, pratinjau_impor
from renstra.models import ImporSIPD
from renstra.sipd import GalatBerkas
from tests import sipd_xlsx
from tests.bantuan import ubah_zip
from tests.sipd_xlsx import unggah


def test_a_100_mb_string_is_refused_before_anything_is_stored(instansi, pengguna):
    berkas = ubah_zip(
        sipd_xlsx.dpa(),
        lambda d: d.replace(b"JUMLAH", b"A" * 100_000_000),
        "xl/worksheets/sheet1.xml",
    )
    assert len(berkas) < 1_000_000
    tracemalloc.start()
    try:
        mulai = time.monotonic()
        with pytest.raises(GalatBerkas, match="terlalu besar setelah dibuka"):
            unggah(instansi, "dpa", berkas, pengguna)
        lama = time.monotonic() - mulai
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lama < 10
    assert puncak < 500 * 1024 * 1024
    assert not ImporSIPD.objects.exists()


def test_malformed_sheet_xml_is_an_indonesian_message(instansi, pengguna):
    berkas = ubah_zip(
        sipd_xlsx.dpa(),
        lambda d: d.replace(b"</sheetData>", b"<row r='9999'><c><v>1</c></row>"),
        "xl/worksheets/sheet1.xml",
    )
    rekaman, pratinjau = unggah(instansi, "dpa", berkas, pengguna)
    assert rekaman.status == ImporSIPD.Status.DITOLAK
    assert "rusak dan tidak dapat dibaca" in pratinjau.galat[0].pesan


def test_money_out_of_range_is_a_row_error(instansi, pengguna):
    baris = sipd_xlsx.baris_rekening(
        "2.07.01.2.02.0001", ("5.1.02.99.99.9999", "Belanja raksasa"), 9 * 10**18
    )
    rekaman, pratinjau = unggah(
        instansi, "dpa", sipd_xlsx.dpa(tambahan=[baris]), pengguna
    )
    assert rekaman.status == ImporSIPD.Status.DITOLAK
    pesan = " ".join(m.pesan for m in pratinjau.galat)
    assert "terlalu besar; paling besar 999.999.999.999.999" in pesan


def test_the_rows_are_read_once_and_kept_on_the_record(
    instansi_kosong, pengguna, monkeypatch
):
    rekaman, pratinjau = unggah(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    rekaman.refresh_from_db()
    assert rekaman.baris["lembar"] == "Laporan"
    assert len(rekaman.baris["baris"]) == pratinjau.jumlah_baris

    def tidak_lagi(*args):
        raise AssertionError("the stored file is parsed again")

    monkeypatch.setattr(sipd, "baca_baris", tidak_lagi)
    ulang = pratinjau_impor(rekaman)
    assert (ulang.baru, ulang.galat) == (pratinjau.baru, [])
    assert konfirmasi_impor(rekaman, pengguna).baru == pratinjau.baru
