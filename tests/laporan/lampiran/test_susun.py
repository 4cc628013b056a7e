"""Who is evaluated, by whom, and which indicators each table holds."""

from pathlib import Path

import yaml

from lakip.models import Pegawai, UnitKerja
from laporan.lampiran.susun import (
    indikator_pejabat,
    indikator_unit,
    pejabat_dievaluasi,
    susun_lampiran,
)

ORGANISASI = (
    Path(__file__).resolve().parents[3] / "fixtures" / "sumber" / "organisasi.yaml"
)


def pasangan_seed():
    """The 15 (dievaluasi, evaluator) pairs printed in the seed."""
    teks = yaml.safe_load(ORGANISASI.read_text(encoding="utf-8"))
    return [(p["dievaluasi"], p["evaluator"]) for p in teks["pernyataan"]]


def test_every_seed_pair_is_evaluated_by_its_superior(instansi, data_tw1):
    pejabat = pejabat_dievaluasi(instansi, data_tw1)
    pasangan = {(p.nama, p.atasan.nama) for p in pejabat}
    for dievaluasi, evaluator in pasangan_seed():
        assert (dievaluasi, evaluator) in pasangan
    # The two PSM of Bidang PKT own indicators too (the seed prints their tables
    # and recommendations but no pernyataan page).
    lebih = {p.nama for p in pejabat} - {d for d, _ in pasangan_seed()}
    assert lebih == {"ARIF", "SUGENG WIDODO"}


def test_pernyataan_pages_are_the_seed_pairs(instansi, data_tw1):
    lamp = susun_lampiran(instansi, 2024, 1, data_tw1)
    halaman = [(p.pegawai.nama, p.pegawai.atasan.nama) for p in lamp.pernyataan]
    assert sorted(halaman) == sorted(pasangan_seed())
    # their evaluation tables are still printed
    judul = {t.subjudul for t in lamp.tabel}
    assert {"ARIF, SE", "SUGENG WIDODO, ST"} <= judul


def test_flag_decides_the_pernyataan_page(instansi, data_tw1):
    Pegawai.objects.filter(nama="ARIF").update(dievaluasi_berjenjang=True)
    Pegawai.objects.filter(nama="ERFINA ARAS").update(dievaluasi_berjenjang=False)
    nama = {p.dievaluasi.nama for p in susun_lampiran(instansi, 2024, 1).pernyataan}
    assert len(nama) == 15
    assert "ARIF, SE" in nama
    assert not any(n.startswith("ERFINA") for n in nama)


def test_hierarchy_order(instansi, data_tw1):
    nama = [p.nama for p in pejabat_dievaluasi(instansi, data_tw1)]
    assert nama[:4] == [
        "JONI PATABI",
        "MUH. ARFAH TAUFIEK",
        "ADE ENDAH ULFIANA",
        "RAHMANUDDIN",
    ]
    assert nama.index("H. UMAR") < nama.index("MUNARTO MANGAPE")
    assert "KAMAL RASYID" not in nama  # the head evaluates, is not evaluated


def test_official_table_holds_only_own_indicators(data_tw1):
    joni = Pegawai.objects.get(nama="JONI PATABI")
    milik = indikator_pejabat(data_tw1, joni)
    assert len(milik) == 9
    assert all(b.penanggung_jawab == joni for b in milik)


def test_unit_table_includes_staff_and_sub_kegiatan(data_tw1):
    semua = list(UnitKerja.objects.all())
    sekretariat = UnitKerja.objects.get(kode="sekretariat")
    umum = UnitKerja.objects.get(kode="subbag-umum")
    baris_sekretariat = indikator_unit(data_tw1, sekretariat, semua)
    baris_umum = indikator_unit(data_tw1, umum, semua)
    rahman = Pegawai.objects.get(nama="RAHMANUDDIN")
    # the Sekretariat's table includes what its Kasubag own
    assert set(map(id, indikator_pejabat(data_tw1, rahman))) <= set(
        map(id, baris_sekretariat)
    )
    assert set(map(id, baris_umum)) <= set(map(id, baris_sekretariat))
    surat = [b for b in baris_umum if b.pemilik == "Penyediaan Jasa Surat Menyurat"]
    assert len(surat) == 1


def test_surat_menyurat_figures(instansi, data_tw1):
    lamp = susun_lampiran(instansi, 2024, 1, data_tw1)
    tabel = next(t for t in lamp.tabel if t.judul == "EVALUASI KINERJA SEKRETARIAT")
    baris = next(
        b
        for k in tabel.kelompok
        for b in k.baris
        if b.pemilik == "Penyediaan Jasa Surat Menyurat"
    )
    assert [int(x) for x in baris.target_tw] == [312, 312, 313, 313]
    assert int(baris.realisasi) == 327
