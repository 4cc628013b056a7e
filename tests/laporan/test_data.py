"""The report data of the seed: Tabel 3.25 and the IKU, computed."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lakip.perhitungan import TakTerhitung, bulatkan
from laporan.data import bangun_data_laporan, bangun_data_laporan_tahun
from laporan.ekspor_json import data_json
from realisasi.models import RealisasiAnggaran, RealisasiIndikator
from renstra.models import AnggaranSubKegiatan, Indikator, SubKegiatan
from tests.bantuan import gandakan_sub_kegiatan


def _cari(baris, nama):
    return next(b for b in baris if b.nama.startswith(nama))


def _semua_kegiatan(data):
    return [k for p in data.anggaran.anak for k in p.anak]


def test_tabel_3_25_totals(data_tw1):
    total = data_tw1.anggaran
    assert total.pagu == 7_897_427_349
    assert total.anggaran_kas == 2_535_309_937
    assert total.realisasi == 725_550_029
    assert bulatkan(total.persen_kas) == D("28.62")
    assert bulatkan(total.persen_pagu) == D("9.19")


def test_tree_counts(data_tw1):
    program = data_tw1.anggaran.anak
    kegiatan = _semua_kegiatan(data_tw1)
    assert (len(program), len(kegiatan), sum(len(k.anak) for k in kegiatan)) == (
        7,
        17,
        44,
    )


def test_every_row_is_the_sum_of_its_children(data_tw1):
    for induk in [
        data_tw1.anggaran,
        *data_tw1.anggaran.anak,
        *_semua_kegiatan(data_tw1),
    ]:
        for kolom in ("pagu", "anggaran_kas", "realisasi"):
            assert getattr(induk, kolom) == sum(getattr(a, kolom) for a in induk.anak)


def test_seed_misprints_are_computed_right(data_tw1):
    kegiatan = _cari(_semua_kegiatan(data_tw1), "Kegiatan Penyediaan Jasa Penunjang")
    assert bulatkan(kegiatan.persen_kas) == D("61.65")  # the seed prints 63,14
    surat = _cari(kegiatan.anak, "Penyediaan Jasa Surat Menyurat")
    assert bulatkan(surat.persen_kas) == D("41.67")  # the seed prints 52,63


def test_zero_cash_plan_is_not_a_zero_percent(data_tw1):
    rka = _cari(
        [s for k in _semua_kegiatan(data_tw1) for s in k.anak],
        "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
    )
    assert rka.anggaran_kas == 0
    assert isinstance(rka.persen_kas, TakTerhitung)


def _iku(data, nama):
    return next(i for i in data.indikator_tingkat("sasaran") if i.nama == nama)


def test_iku_penyerapan_tenaga_kerja(data_tw1):
    iku = _iku(data_tw1, "Persentase Penyerapan Tenaga Kerja Baru")
    assert (iku.pembilang, iku.penyebut) == (D(625), D(8521))
    assert bulatkan(iku.realisasi) == D("7.33")
    assert bulatkan(iku.capaian_tahun) == D("31.21")
    assert iku.target_tahun == D("23.50")


def test_iku_transmigran_mandiri(data_tw1):
    iku = _iku(data_tw1, "Persentase Warga Transmigran Mandiri")
    assert bulatkan(iku.realisasi) == D("61.68")
    assert bulatkan(iku.capaian_tahun) == D("97.03")  # the seed truncates to 97,02
    assert bulatkan(iku.capaian_renstra) == D("94.14")  # 61,678 / 65,52
    # The comparison with 2023: 61,68 of 62,77.
    assert iku.target_tahun_lalu == D("62.77")
    assert bulatkan(iku.capaian_tahun_lalu) == D("98.26")


def test_lower_is_better_program_indicator(data_tw1):
    sengketa = next(
        i for i in data_tw1.indikator_tingkat("program") if i.polaritas == "turun"
    )
    assert bulatkan(sengketa.realisasi) == D("10.00")  # 15 / 150 × 100
    assert bulatkan(sengketa.capaian_tahun) == D("131.03")  # (2 × 14,5 − 10) / 14,5


def test_quarter_and_year_views_of_a_flow(data_tw1):
    surat = next(
        i
        for i in data_tw1.indikator_tingkat("sub_kegiatan")
        if i.pemilik == "Penyediaan Jasa Surat Menyurat"
    )
    assert surat.target_tw == [D(312), D(312), D(313), D(313)]
    assert surat.realisasi == D(327)
    assert bulatkan(surat.capaian_tw) == D("104.81")
    assert bulatkan(surat.capaian_tahun) == bulatkan(D(327) / surat.target_tahun * 100)


def test_every_level_has_indicators(data_tw1):
    tingkat = [i.tingkat for i in data_tw1.indikator]
    assert tingkat.count("sasaran") == 3
    assert tingkat.count("program") >= 7
    assert tingkat.count("kegiatan") >= 17
    assert tingkat.count("sub_kegiatan") >= 44
    assert 70 <= len(tingkat) <= 90


def test_second_quarter_accumulates(instansi):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    AnggaranSubKegiatan.objects.filter(sub_kegiatan=sub).update(kas_tw2=4_000_000)
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, triwulan=2, jumlah=6_000_000)
    surat = Indikator.objects.get(sub_kegiatan=sub)
    RealisasiIndikator.objects.create(
        indikator=surat, tahun=2024, triwulan=2, nilai=300
    )
    data = bangun_data_laporan(instansi, 2024, 2)
    baris = next(
        s
        for p in data.anggaran.anak
        for k in p.anak
        for s in k.anak
        if s.kode == sub.kode
    )
    assert baris.anggaran_kas == 8_800_000  # 4.800.000 + 4.000.000
    assert baris.realisasi == 6_000_000
    ind = next(i for i in data.indikator if i.objek == surat)
    assert ind.realisasi == 300
    assert ind.realisasi_kumulatif == 627  # a flow: 327 + 300
    assert bulatkan(ind.capaian_tw) == bulatkan(D(300) / D(312) * 100)


def test_invalid_quarter(instansi):
    with pytest.raises(ValueError, match="Triwulan harus"):
        bangun_data_laporan(instansi, 2024, 5)


def test_query_count_does_not_grow_with_data(instansi):
    with CaptureQueriesContext(connection) as sebelum:
        bangun_data_laporan(instansi, 2024, 1)
    gandakan_sub_kegiatan(9)
    with CaptureQueriesContext(connection) as sesudah:
        data = bangun_data_laporan(instansi, 2024, 1)
    assert sum(len(k.anak) for p in data.anggaran.anak for k in p.anak) == 440
    assert data.anggaran.pagu == 10 * 7_897_427_349
    assert len(sesudah) == len(sebelum)


def test_quarters_of_a_year_equal_separate_builds(instansi):
    sub = SubKegiatan.objects.get(kode="2.07.01.2.08.0001")
    AnggaranSubKegiatan.objects.filter(sub_kegiatan=sub).update(kas_tw2=4_000_000)
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, triwulan=2, jumlah=6_000_000)
    RealisasiIndikator.objects.create(
        indikator=Indikator.objects.get(sub_kegiatan=sub),
        tahun=2024,
        triwulan=2,
        nilai=300,
    )
    with CaptureQueriesContext(connection) as satu:
        bangun_data_laporan(instansi, 2024, 3)
    with CaptureQueriesContext(connection) as semua:
        tahun = bangun_data_laporan_tahun(instansi, 2024, 3)
    assert [d.triwulan for d in tahun] == [1, 2, 3]
    for d in tahun:
        assert data_json(d) == data_json(
            bangun_data_laporan(instansi, 2024, d.triwulan)
        )
    assert tahun[1].anggaran.anggaran_kas == tahun[0].anggaran.anggaran_kas + 4_000_000
    # The plan and the realisations are read once for the three quarters.
    assert len(semua) == len(satu)
