"""``manage.py laporan data``: the documented JSON interface."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lakip.models import Instansi


@pytest.fixture
def ekspor(instansi):
    keluaran = StringIO()
    call_command(
        "laporan", "data", "--tahun", "2024", "--triwulan", "1", stdout=keluaran
    )
    return json.loads(keluaran.getvalue())


def test_header_and_budget(ekspor):
    assert ekspor["instansi"] == "Dinas Transmigrasi dan Tenaga Kerja"
    assert (ekspor["tahun"], ekspor["triwulan"]) == (2024, 1)
    anggaran = ekspor["anggaran"]
    assert anggaran["pagu"] == 7897427349
    assert anggaran["anggaran_kas"] == 2535309937
    assert anggaran["realisasi"] == 725550029
    assert anggaran["persen_kas"] == "28.62"
    assert anggaran["persen_pagu"] == "9.19"


def test_budget_tree_shape_and_sums(ekspor):
    program = ekspor["anggaran"]["program"]
    kegiatan = [k for p in program for k in p["kegiatan"]]
    sub = [s for k in kegiatan for s in k["sub_kegiatan"]]
    assert (len(program), len(kegiatan), len(sub)) == (7, 17, 44)
    kunci = {"kode", "nama", "pagu", "anggaran_kas", "realisasi", "persen_kas"}
    for induk, anak in [(p, p["kegiatan"]) for p in program] + [
        (k, k["sub_kegiatan"]) for k in kegiatan
    ]:
        assert kunci <= set(induk)
        for kolom in ("pagu", "anggaran_kas", "realisasi"):
            assert isinstance(induk[kolom], int)
            assert induk[kolom] == sum(a[kolom] for a in anak)
    surat = next(s for s in sub if s["nama"] == "Penyediaan Jasa Surat Menyurat")
    assert surat["persen_kas"] == "41.67"
    jasa = next(k for k in kegiatan if "Jasa Penunjang" in k["nama"])
    assert jasa["persen_kas"] == "61.65"


def test_iku_figures(ekspor):
    iku = {i["nama"]: i for i in ekspor["indikator"] if i["tingkat"] == "sasaran"}
    penyerapan = iku["Persentase Penyerapan Tenaga Kerja Baru"]
    assert (penyerapan["realisasi"], penyerapan["capaian_tahun"]) == ("7.33", "31.21")
    mandiri = iku["Persentase Warga Transmigran Mandiri"]
    assert (mandiri["realisasi"], mandiri["capaian_tahun"]) == ("61.68", "97.03")
    assert mandiri["kode"] is None
    assert mandiri["target_tw"] == [None, None, None, None]


def test_number_formats(ekspor):
    dua_desimal = re.compile(r"^-?\d+\.\d{2}$")
    for ind in ekspor["indikator"]:
        assert ind["tingkat"] in {"sasaran", "program", "kegiatan", "sub_kegiatan"}
        assert len(ind["target_tw"]) == 4
        for kunci in ("target_tahun", "realisasi", "capaian_tahun", "capaian_tw"):
            nilai = ind[kunci]
            assert nilai is None or dua_desimal.match(nilai), (kunci, nilai)


def test_not_computable_is_null(ekspor):
    # Target TW I of 0 (RKA-SKPD is drafted later in the year): no capaian_tw.
    rka = next(i for i in ekspor["indikator"] if i["kode"] == "2.07.01.2.01.0002")
    assert rka["target_tw"][0] == "0.00"
    assert rka["capaian_tw"] is None


def test_unknown_or_ambiguous_agency(instansi):
    with pytest.raises(CommandError, match="tidak ada"):
        call_command(
            "laporan", "data", "--tahun", "2024", "--triwulan", "1", "--instansi", "x"
        )
    Instansi.objects.create(kode="lain", nama="Dinas Lain", pemda="Pemda Lain")
    with pytest.raises(CommandError, match="--instansi"):
        call_command("laporan", "data", "--tahun", "2024", "--triwulan", "1")


def test_sasaran_budget_subtotals(ekspor):
    """Each sasaran's budget is the sum of the programs serving it (the
    subtotals of the LAKIP's budget-efficiency tables)."""
    anggaran = ekspor["anggaran"]
    program = {p["kode"]: p for p in anggaran["program"]}
    sasaran = {s["kode"]: s for s in anggaran["sasaran"]}
    assert sasaran["S1"]["program"] == ["3.32.02", "3.32.03", "3.32.04"]
    for s in sasaran.values():
        for kolom in ("pagu", "anggaran_kas", "realisasi"):
            assert s[kolom] == sum(program[k][kolom] for k in s["program"])
    s1 = sasaran["S1"]
    assert (s1["pagu"], s1["anggaran_kas"], s1["realisasi"]) == (
        924007650,
        285785522,  # the seed's table (line 400); its text says 285.785.552
        37843360,
    )
    assert s1["persen_kas"] == "13.24"
    assert sasaran["S2"]["persen_kas"] == "9.77"
