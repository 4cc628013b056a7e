"""Writes to the plan: DPA revision, rollover, Perjanjian Kinerja, edits."""

import datetime
import json
from decimal import Decimal as D

import pytest

from lakip.models import Instansi, Pegawai
from laporan.data import bangun_data_laporan
from laporan.ekspor_json import data_json
from realisasi.models import RealisasiAnggaran, RealisasiIndikator
from renstra import selectors, services
from renstra.models import (
    AnggaranSubKegiatan,
    Indikator,
    Kegiatan,
    PeriodeRenstra,
    PerjanjianKinerja,
    Program,
    RiwayatRencana,
    SalinanRencana,
    SubKegiatan,
    TargetIndikator,
)
from renstra.services import TolakRencana

PAGU_SEED = 7_897_427_349
KAS_TW1_SEED = 2_535_309_937


@pytest.fixture
def surat(instansi):
    """Penyediaan Jasa Surat Menyurat: pagu 17.662.652, kas TW I 4.800.000."""
    return SubKegiatan.objects.get(kode="2.07.01.2.08.0001")


def _revisi(instansi, surat, pengguna, pagu=20_000_000, kas=None):
    return services.simpan_perubahan_dpa(
        instansi,
        surat,
        pagu,
        kas or [6_000_000, 5_000_000, 5_000_000, 4_000_000],
        datetime.date(2024, 9, 2),
        "Penambahan surat dinas menjelang akhir tahun.",
        pengguna,
    )


def test_revision_keeps_the_original_and_the_report_uses_it(instansi, surat, pengguna):
    assert bangun_data_laporan(instansi, 2024, 1).versi_dpa == "murni"
    _revisi(instansi, surat, pengguna)
    murni, perubahan = (surat.anggaran.get(versi=v) for v in ("murni", "perubahan"))
    assert (murni.pagu, murni.kas_tw1) == (17_662_652, 4_800_000)
    assert (perubahan.pagu, perubahan.kas_tw1) == (20_000_000, 6_000_000)
    assert perubahan.tanggal == datetime.date(2024, 9, 2)

    data = bangun_data_laporan(instansi, 2024, 1)
    assert data.versi_dpa == "perubahan"
    total = data.anggaran
    assert total.pagu == PAGU_SEED - 17_662_652 + 20_000_000
    assert total.pagu_murni == PAGU_SEED
    assert total.anggaran_kas == KAS_TW1_SEED - 4_800_000 + 6_000_000
    baris = next(
        s
        for p in total.anak
        for k in p.anak
        for s in k.anak
        if s.kode == "2.07.01.2.08.0001"
    )
    assert (baris.versi_dpa, baris.pagu, baris.pagu_murni) == (
        "perubahan",
        20_000_000,
        17_662_652,
    )
    lain = total.anak[1]  # a program without a revision
    assert (lain.versi_dpa, lain.pagu) == ("murni", lain.pagu_murni)

    ekspor = json.loads(json.dumps(data_json(data)))
    assert ekspor["anggaran"]["versi_dpa"] == "perubahan"
    assert ekspor["anggaran"]["pagu"] == PAGU_SEED + 2_337_348
    assert ekspor["anggaran"]["pagu_murni"] == PAGU_SEED
    riwayat = RiwayatRencana.objects.get(aksi="perubahan_dpa")
    assert riwayat.oleh == pengguna and riwayat.rincian["pagu_murni"] == 17_662_652


def test_revision_is_refused_without_reason_or_beyond_pagu(instansi, surat, pengguna):
    with pytest.raises(TolakRencana, match="Alasan perubahan wajib diisi"):
        services.simpan_perubahan_dpa(
            instansi, surat, 1, [0, 0, 0, 0], datetime.date(2024, 9, 2), " ", pengguna
        )
    with pytest.raises(TolakRencana, match="melebihi pagu"):
        _revisi(instansi, surat, pengguna, pagu=1_000_000)
    lain = Instansi.objects.create(kode="lain", nama="Lain", pemda="Lain")
    with pytest.raises(TolakRencana, match="bukan milik instansi"):
        _revisi(lain, surat, pengguna)
    assert not AnggaranSubKegiatan.objects.filter(versi="perubahan").exists()


def test_rollover_copies_structure_indicators_and_no_realisations(
    instansi, pengguna, data_tw1
):
    salinan = services.salin_rencana(instansi, 2024, pengguna)
    assert (salinan.tahun_tujuan, salinan.draf) == (2025, True)
    sub_2025 = SubKegiatan.objects.filter(kegiatan__program__tahun=2025)
    assert sub_2025.count() == 44
    assert Kegiatan.objects.filter(program__tahun=2025).count() == 17
    assert Program.objects.filter(tahun=2025).count() == 7
    indikator_2025 = Indikator.objects.filter(
        sub_kegiatan__kegiatan__program__tahun=2025
    )
    indikator_2024 = Indikator.objects.filter(
        sub_kegiatan__kegiatan__program__tahun=2024
    )
    assert indikator_2025.count() == indikator_2024.count() == 51
    assert (salinan.jumlah_sub_kegiatan, salinan.jumlah_indikator) == (44, 75)
    # owners and the old year's targets as draft targets of the new year
    surat = indikator_2025.get(sub_kegiatan__kode="2.07.01.2.08.0001")
    assert surat.pemilik.nama == "RAHMANUDDIN"
    target = surat.target.get()
    assert (target.tahun, target.target_tw1, target.target) == (2025, 312, 1250)
    # no realisation and no budget in the new year
    assert not RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub_2025).exists()
    assert not RealisasiIndikator.objects.filter(
        indikator__sub_kegiatan__in=sub_2025
    ).exists()
    assert not AnggaranSubKegiatan.objects.filter(sub_kegiatan__in=sub_2025).exists()
    data_2025 = bangun_data_laporan(instansi, 2025, 1)
    assert (data_2025.anggaran.pagu, data_2025.anggaran.realisasi) == (0, 0)
    # 2024 is untouched
    assert bangun_data_laporan(instansi, 2024, 1).anggaran.pagu == PAGU_SEED


def test_rollover_refuses_an_existing_year(instansi, pengguna):
    services.salin_rencana(instansi, 2024, pengguna)
    with pytest.raises(TolakRencana, match="Rencana tahun 2025 sudah ada"):
        services.salin_rencana(instansi, 2024, pengguna)
    assert Program.objects.filter(tahun=2025).count() == 7
    with pytest.raises(TolakRencana, match="di luar periode Renstra"):
        services.salin_rencana(instansi, 2024, pengguna, tahun_tujuan=2027)
    with pytest.raises(TolakRencana, match="Rencana tahun 2019 belum ada"):
        services.salin_rencana(instansi, 2019, pengguna)
    services.tetapkan_salinan(instansi, SalinanRencana.objects.get(), pengguna)
    assert not SalinanRencana.objects.get().draf


def test_perjanjian_kinerja_of_the_sekretaris(instansi, pengguna):
    sekretaris = Pegawai.objects.get(nama="JONI PATABI")
    # the seed's PK (its unit report, lines 1276-1310) agrees with the default
    seed = PerjanjianKinerja.objects.get(pihak_pertama=sekretaris, tahun=2024)
    indikator_seed = set(seed.indikator.values_list("pk", flat=True))
    seed.delete()
    pk = services.simpan_perjanjian_kinerja(
        instansi,
        pengguna,
        pihak_pertama=sekretaris,
        tahun=2024,
        tanggal=datetime.date(2024, 1, 2),
    )
    assert set(pk.indikator.values_list("pk", flat=True)) == indikator_seed
    assert pk.pihak_kedua.nama == "KAMAL RASYID"  # the superior by default
    assert pk.tempat == "Malili"
    indikator = selectors.indikator_perjanjian(pk)
    assert [i.tingkat for i in indikator] == ["program"] + ["kegiatan"] * 8
    assert indikator[0].target_berlaku.target == D("95")
    objek = selectors.objek_anggaran_perjanjian(pk, indikator)
    assert [o.kode for o in objek] == [
        "2.07.01",
        "2.07.01.2.01",
        "2.07.01.2.02",
        "2.07.01.2.03",
        "2.07.01.2.05",
        "2.07.01.2.06",
        "2.07.01.2.07",
        "2.07.01.2.08",
        "2.07.01.2.09",
    ]
    with pytest.raises(TolakRencana, match="sudah ada"):
        services.simpan_perjanjian_kinerja(
            instansi,
            pengguna,
            pihak_pertama=sekretaris,
            tahun=2024,
            tanggal=datetime.date(2024, 1, 2),
        )


def test_perjanjian_kinerja_of_the_kepala_dinas_with_the_bupati(instansi, pengguna):
    kadis = Pegawai.objects.get(nama="KAMAL RASYID")
    with pytest.raises(TolakRencana, match="Pihak kedua wajib diisi"):
        services.simpan_perjanjian_kinerja(
            instansi,
            pengguna,
            pihak_pertama=kadis,
            tahun=2024,
            tanggal=datetime.date(2024, 1, 2),
        )
    pk = services.simpan_perjanjian_kinerja(
        instansi,
        pengguna,
        pihak_pertama=kadis,
        tahun=2024,
        tanggal=datetime.date(2024, 1, 2),
        nama_pihak_kedua="Bupati Luwu Timur",
        jabatan_pihak_kedua="Bupati Luwu Timur",
    )
    indikator = selectors.indikator_perjanjian(pk)
    assert {i.tingkat for i in indikator} == {"sasaran"}
    objek = selectors.objek_anggaran_perjanjian(pk, indikator)
    assert len(objek) == 7 and all(isinstance(o, Program) for o in objek)


def test_edit_records_who_and_what_and_stays_in_the_agency(instansi, pengguna):
    program = Program.objects.get(tahun=2024, kode="2.07.03")
    lama = program.sasaran_program
    assert lama == "Meningkatnya Kapasitas Sumberdaya Tenaga Kerja"  # Tabel 2.3
    services.simpan_objek(
        instansi, program, {"sasaran_program": "Meningkatnya kompetensi"}, pengguna
    )
    riwayat = RiwayatRencana.objects.get(aksi="ubah")
    assert riwayat.rincian == {"sasaran_program": [lama, "Meningkatnya kompetensi"]}
    lain = Instansi.objects.create(kode="lain", nama="Lain", pemda="Lain")
    with pytest.raises(TolakRencana, match="bukan milik instansi"):
        services.simpan_objek(lain, program, {"nama": "x"}, pengguna)
    periode = PeriodeRenstra.objects.get()
    with pytest.raises(TolakRencana, match="Tahun akhir"):
        services.simpan_objek(
            instansi,
            PeriodeRenstra(instansi=instansi, nama="x"),
            {"tahun_awal": 2027, "tahun_akhir": 2026},
            pengguna,
        )
    assert PeriodeRenstra.objects.get() == periode


def test_flow_target_warning(instansi, pengguna):
    surat = Indikator.objects.get(sub_kegiatan__kode="2.07.01.2.08.0001")
    target, peringatan = services.simpan_target(
        instansi,
        surat,
        2024,
        {
            "target": D(1250),
            "target_tw1": D(312),
            "target_tw2": D(312),
            "target_tw3": D(313),
            "target_tw4": D(300),
        },
        pengguna,
    )
    assert peringatan.selisih == D(-13)
    assert str(peringatan) == (
        "Jumlah target triwulan (1.237) kurang dari target tahunan (1.250); "
        "selisih -13."
    )
    assert TargetIndikator.objects.get(indikator=surat, tahun=2024).target_tw4 == 300
    semua = selectors.peringatan_target(instansi, 2024)
    assert surat in [p.indikator for p in semua]
