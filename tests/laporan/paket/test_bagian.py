"""The parts of the seed's package and their order (no layout here)."""

import pytest

from laporan.dokumen.evaluasi import kembar
from laporan.lampiran.susun import susun_lampiran
from laporan.paket.bagian import (
    KELOMPOK_LAIN,
    PilihanTidakValid,
    daftar_bagian,
    pilih,
    susun_konteks,
)
from renstra.models import SubKegiatan

from .conftest import kunci_sub

pytestmark = pytest.mark.django_db


@pytest.fixture
def bagian(instansi, data_tw1):
    return daftar_bagian(susun_konteks(instansi, 2024, 1, data=data_tw1))


def _posisi(bagian):
    return {b.kunci: i for i, b in enumerate(bagian)}


def test_every_attachment_exactly_once(bagian, instansi, data_tw1):
    kunci = [b.kunci for b in bagian]
    # the LAKIP, the invitation, 6 attendance lists, 15 pernyataan, 25 tables
    # less the three Kasubag tables that are their Subbagian's, 44 sub
    # kegiatan reports, 4 recommendations, 5 unit reports, the Bidang HI's
    # register and SP/SB data, the Bidang Pengembangan's program report
    assert len(kunci) == len(set(kunci)) == 1 + 1 + 6 + 15 + 22 + 44 + 4 + 5 + 2 + 1
    lamp = susun_lampiran(instansi, 2024, 1, data=data_tw1)
    assert {t.kunci for t in lamp.tabel} - set(kembar(lamp)) == {
        k for k in kunci if k.startswith("evaluasi-")
    }
    assert {p.kunci for p in lamp.pernyataan} == {
        k for k in kunci if k.startswith("pernyataan-")
    }
    sub = SubKegiatan.objects.filter(kegiatan__program__tahun=2024)
    assert sub.count() == 44
    assert {f"subkegiatan-{s.pk}" for s in sub} == {
        k for k in kunci if k.startswith("subkegiatan-")
    }


def test_seed_order(bagian):
    """The LAKIP, then per unit: the head's pernyataan, the unit's table, then
    each official with their pernyataan, table and sub kegiatan reports."""
    assert [b.kunci for b in bagian[:8]] == [
        "lakip",
        "undangan",  # the invitation with its schedule (seed lines 890-958)
        "daftarhadir",  # the general attendance list (960-1023)
        "daftarhadir-1",  # the Sekretariat meeting's list
        "pernyataan-2",  # JONI PATABI, Sekretaris Dinas
        "evaluasi-unit-1",  # Sekretariat
        "evaluasi-pejabat-2",
        "laporan-unit-1",  # the Sekretariat's report (1232-1444)
    ]
    assert bagian[0].kelompok == "" and bagian[0].judul == "LAKIP Triwulan I Tahun 2024"
    assert bagian[1].judul.endswith("300.2.12/793/Transnaker/2024")
    assert "JONI PATABI" in bagian[4].judul and bagian[4].kelompok == "Sekretariat"
    # the unit's recommendations close it
    pos = _posisi(bagian)
    sekretariat = [b.kunci for b in bagian if b.kelompok == "Sekretariat"]
    assert sekretariat[-1] == "rekomendasi-1"
    # Bidang tables come after the whole Sekretariat.
    assert pos[kunci_sub("2.07.01.2.09.0009")] < pos["pernyataan-8"]
    assert pos["pernyataan-8"] < pos["evaluasi-unit-7"] < pos["pernyataan-15"]
    # A sub kegiatan report follows the official who carries it out (MARK IAN
    # MARION, pelaksana of 2.07.05.2.02.0003), before the next official.
    assert (
        pos["pernyataan-18"]
        < pos["evaluasi-pejabat-18"]
        < pos[kunci_sub("2.07.05.2.02.0003")]
        < pos["pernyataan-17"]
    )
    # Without an evaluated pelaksana the report goes to the head of its unit.
    assert pos["evaluasi-pejabat-8"] < pos[kunci_sub("2.07.04.2.01.0003")]
    assert pos[kunci_sub("2.07.04.2.01.0003")] < pos["pernyataan-15"]
    kelompok = list(dict.fromkeys(b.kelompok for b in bagian[3:]))
    assert kelompok[0] == "Sekretariat" and len(kelompok) == 5
    assert KELOMPOK_LAIN not in kelompok


def test_selection_by_kind_and_key(bagian):
    dipilih = pilih(bagian, ["pernyataan", "evaluasi-unit-8", "lakip"])
    assert dipilih[0].kunci == "lakip"
    assert len(dipilih) == 1 + 15 + 1
    assert [b.kunci for b in dipilih] == [
        b.kunci for b in bagian if b in dipilih
    ]  # package order kept
    assert pilih(bagian, []) == bagian
    with pytest.raises(PilihanTidakValid, match="tidak dikenal: surat"):
        pilih(bagian, ["surat"])


def test_html_is_built_once_and_only_when_asked(bagian):
    pernyataan = next(b for b in bagian if b.kunci == "pernyataan-2")
    assert "html" not in pernyataan.__dict__
    html = pernyataan.html
    assert "JONI PATABI" in html and "TELAH DIEVALUASI" in html
    assert pernyataan.html is html
    assert "ADE ENDAH" not in html  # one page only


def test_lakip_html_is_the_same_for_the_same_data(instansi, data_tw1):
    """No timestamp in the part: the same data gives the same cache key."""
    satu = daftar_bagian(susun_konteks(instansi, 2024, 1, data=data_tw1))[0].html
    dua = daftar_bagian(susun_konteks(instansi, 2024, 1))[0].html
    assert satu == dua
