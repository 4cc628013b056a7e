"""The dashboard's figures shaped from the seed's report data (TW I 2024)."""

from decimal import Decimal as D

from django.test import override_settings

from lakip.models import UnitKerja
from lakip.perhitungan import TANPA_REALISASI, TakTerhitung, bulatkan
from laporan.dasbor import ringkasan as rk
from laporan.dasbor.selectors import unit_kerja
from laporan.data import bangun_data_laporan
from realisasi.models import EntriTriwulan, RealisasiIndikator, StatusEntri
from realisasi.selectors import entri_triwulan


def _sub(data, kode):
    return next(s for s in rk.semua_sub_kegiatan(data) if s.kode == kode)


def test_lampu_follows_printed_figure_and_settings():
    assert rk.lampu(D("89.995")) == rk.HIJAU  # printed 90,00
    assert rk.lampu(D("89.994")) == rk.KUNING  # printed 89,99
    assert rk.lampu(D("70")) == rk.KUNING
    assert rk.lampu(D("69.99")) == rk.MERAH
    assert rk.lampu(TANPA_REALISASI) == rk.ABU
    with override_settings(LAKIP_AMBANG_HIJAU=100, LAKIP_AMBANG_KUNING=95):
        assert rk.lampu(D("97.03")) == rk.KUNING
        assert rk.lampu(D("94")) == rk.MERAH


def test_iku_cards_use_the_lakip_capaian(data_tw1):
    kartu = {k.baris.nama: k for k in rk.kartu_iku(data_tw1)}
    assert len(kartu) == 3
    mandiri = kartu["Persentase Warga Transmigran Mandiri"]
    assert mandiri.dasar == rk.DASAR_TAHUN  # the IKU has no quarter targets
    assert bulatkan(mandiri.capaian) == D("97.03")
    assert mandiri.lampu == rk.HIJAU
    penyerapan = kartu["Persentase Penyerapan Tenaga Kerja Baru"]
    assert bulatkan(penyerapan.capaian) == D("31.21")
    assert penyerapan.lampu == rk.MERAH
    assert kartu["Nilai SAKIP"].lampu == rk.HIJAU  # 75,40 / 78,85 = 95,62


def test_quarter_target_decides_the_basis(data_tw1):
    baris = {i.kode: i for i in data_tw1.indikator_tingkat("sub_kegiatan")}
    surat = rk.nilai_indikator(baris["2.07.01.2.08.0001"], 1)
    assert surat.dasar == rk.DASAR_TRIWULAN  # TW I target 312
    assert bulatkan(surat.capaian) == D("104.81")
    dpa = rk.nilai_indikator(baris["2.07.01.2.01.0004"], 1)
    assert dpa.dasar == rk.DASAR_TAHUN  # TW I target 0: judged on the year


def test_budget_per_unit_sums_sub_kegiatan(data_tw1, instansi):
    per_unit = {b.nama: b for b in rk.anggaran_per_unit(data_tw1, unit_kerja(instansi))}
    program = {p.kode: p for p in data_tw1.anggaran.anak}
    sekretariat = per_unit["Sekretariat"]
    assert [a.nama for a in sekretariat.anak] == [
        "Subbagian Perencanaan",
        "Subbagian Keuangan",
        "Subbagian Umum dan Kepegawaian",
    ]
    # The Sekretariat's subbagian run exactly the 2.07.01 program.
    for kolom in ("pagu", "anggaran_kas", "realisasi"):
        assert getattr(sekretariat, kolom) == getattr(program["2.07.01"], kolom)
        assert sum(getattr(b, kolom) for b in per_unit.values()) == getattr(
            data_tw1.anggaran, kolom
        )
    pemberdayaan = per_unit["Bidang Pemberdayaan Ketenagakerjaan"]
    assert pemberdayaan.pagu == 1_255_227_000 + 362_231_150  # 2.07.03 + 2.07.04
    assert pemberdayaan.realisasi == 6_000_000


def test_budget_of_a_sasaran_matches_the_seed_table(data_tw1):
    # BAB III, Sasaran 1: TOTAL BELANJA 924.007.650 / 285.785.522 / 37.843.360.
    s1 = next(s for s in data_tw1.sasaran if s.kode == "S1")
    total = rk.anggaran_sasaran(data_tw1, s1)
    assert [p.kode for p in total.anak] == ["3.32.02", "3.32.03", "3.32.04"]
    assert (total.pagu, total.anggaran_kas, total.realisasi) == (
        924_007_650,
        285_785_522,
        37_843_360,
    )
    assert bulatkan(total.persen_kas) == D("13.24")


def test_lagging_sub_kegiatan(data_tw1, instansi):
    tertinggal = rk.sub_kegiatan_tertinggal(data_tw1, unit_kerja(instansi))
    per_kode = {t.anggaran.kode: t for t in tertinggal}

    bimtek = per_kode["2.07.01.2.05.0011"]  # 1 of 4 ASN: capaian 25 %
    assert bimtek.lampu == rk.MERAH and bulatkan(bimtek.capaian) == D("25.00")
    assert bimtek.serapan_rendah  # 0 of 40.000.000
    assert bimtek.penanggung_jawab.nama == "RAHMANUDDIN"
    assert bimtek.anggaran.unit == "Subbagian Umum dan Kepegawaian"

    rapat = per_kode["2.07.01.2.06.0009"]  # 13 of 18 meetings: 72,22 %
    assert rapat.lampu == rk.KUNING and not rapat.serapan_rendah

    laporan = per_kode["2.07.01.2.02.0007"]  # output met, 40,46 % of the cash plan
    assert not laporan.tertinggal and laporan.serapan_rendah
    assert laporan.alasan == "serapan jauh di bawah anggaran kas"

    assert "2.07.01.2.06.0001" not in per_kode  # 100 % output, 100 % spent
    assert "2.07.01.2.01.0002" not in per_kode  # no cash plan, no TW I target
    # Worst first: red capaian before yellow, absorption-only cases last.
    urutan = [t.anggaran.kode for t in tertinggal]
    assert urutan.index("2.07.01.2.05.0011") < urutan.index("2.07.01.2.06.0009")
    assert urutan.index("2.07.01.2.06.0009") < urutan.index("2.07.01.2.02.0007")
    # Four sub kegiatan miss a TW I target badly (25 %, 0 %, 0 % and 0 % / 60 %).
    assert [t.lampu for t in tertinggal[:5]] == [rk.MERAH] * 4 + [rk.KUNING]
    assert bulatkan(tertinggal[0].capaian) == D("0.00")


def test_lagging_thresholds_are_settings(data_tw1):
    with override_settings(LAKIP_AMBANG_SERAPAN=40, LAKIP_AMBANG_HIJAU=70):
        per_kode = {t.anggaran.kode: t for t in rk.sub_kegiatan_tertinggal(data_tw1)}
    assert "2.07.01.2.02.0007" not in per_kode  # 40,46 % is not below 40 %
    assert "2.07.01.2.06.0009" not in per_kode  # 72,22 % is green at 70 %


def test_efficiency_per_program(data_tw1):
    efisiensi = {e.anggaran.kode: e for e in rk.efisiensi_program(data_tw1)}
    penempatan = efisiensi["2.07.04"]  # 184,30 % output, 6,78 % spent
    assert penempatan.efisien is True and penempatan.label == "Efisien"
    assert bulatkan(penempatan.capaian) == D("184.30")
    assert bulatkan(penempatan.serapan) == D("6.78")
    penunjang = efisiensi["2.07.01"]  # 27,23 % output
    assert penunjang.efisien is False and penunjang.label == "Tidak efisien"
    assert penunjang.penilaian.dasar == rk.DASAR_TAHUN


def test_efficiency_without_output_cannot_be_judged(instansi):
    RealisasiIndikator.objects.filter(
        indikator__program__kode="3.32.04", tahun=2024
    ).delete()
    data = bangun_data_laporan(instansi, 2024, 1)
    efisiensi = {e.anggaran.kode: e for e in rk.efisiensi_program(data)}
    assert isinstance(efisiensi["3.32.04"].efisien, TakTerhitung)
    assert efisiensi["3.32.04"].label == "Belum dapat dinilai"


def test_entry_completeness_and_workflow(instansi):
    keuangan = UnitKerja.objects.get(kode="subbag-keuangan")
    RealisasiIndikator.objects.filter(
        indikator__sub_kegiatan__kode="2.07.01.2.02.0007", tahun=2024, triwulan=1
    ).delete()
    EntriTriwulan.objects.create(
        unit=keuangan, tahun=2024, triwulan=1, status=StatusEntri.DIAJUKAN
    )
    data = bangun_data_laporan(instansi, 2024, 1)
    unit = unit_kerja(instansi)
    hasil = {
        k.unit.kode: k
        for k in rk.kelengkapan_unit(data, unit, entri_triwulan(instansi, 2024, 1))
    }
    assert "sekretariat" not in hasil  # no sub kegiatan of its own
    assert (hasil["subbag-keuangan"].terisi, hasil["subbag-keuangan"].jumlah) == (2, 3)
    assert bulatkan(hasil["subbag-keuangan"].persen) == D("66.67")
    assert hasil["subbag-keuangan"].label_status == "Diajukan"
    assert hasil["bidang-hi"].label_status == "Draf"  # no record yet
    assert hasil["bidang-hi"].terisi == hasil["bidang-hi"].jumlah


def test_trend_adds_last_year_only_where_data_exist(instansi):
    data_tw = [bangun_data_laporan(instansi, 2024, t) for t in (1, 2)]
    lalu = bangun_data_laporan(instansi, 2023, 2)  # 2023 has TW IV IKU figures only
    titik = rk.tren(data_tw, lalu)
    assert [t.label for t in titik] == ["TW I 2024", "TW II 2024"]
    lalu_tw4 = bangun_data_laporan(instansi, 2023, 4)
    titik = rk.tren(data_tw, lalu_tw4)
    assert titik[-1].label == "TW IV 2023"
    mandiri = next(
        p
        for p in titik[-1].iku
        if p.baris.nama == "Persentase Warga Transmigran Mandiri"
    )
    assert bulatkan(mandiri.capaian) == D("98.26")  # 61,68 of 62,77 in 2023
