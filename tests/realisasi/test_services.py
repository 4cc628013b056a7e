"""Saving realisations: every validation rule, all-or-nothing, audit,
stale forms, and the workflow transitions."""

from decimal import Decimal as D

import pytest

from realisasi.models import (
    EntriTriwulan,
    JejakAudit,
    RealisasiAnggaran,
    RealisasiIndikator,
    RiwayatStatus,
    StatusEntri,
)
from realisasi.selectors import lembar_entri
from realisasi.services import (
    AksesDitolak,
    GagalEntri,
    IsianTidakValid,
    KonflikPerubahan,
    atur_periode_entri,
    simpan_realisasi,
    ubah_status,
)
from renstra.models import Indikator, SubKegiatan

PENGESAHAN = "2.07.05.2.01.0001"  # pagu 35.698.500, kas TW I 8.108.500


@pytest.fixture
def sub(hi):
    return SubKegiatan.objects.get(kode=PENGESAHAN)


@pytest.fixture
def ind(sub):
    return Indikator.objects.get(sub_kegiatan=sub)  # target TW I 4, realisasi 4


def simpan(user, unit, isian, tw=1, versi=None):
    if versi is None:
        versi = lembar_entri(unit, 2024, tw).entri.versi
    return simpan_realisasi(user, unit, 2024, tw, isian, versi)


def test_indonesian_formats_are_accepted(akun, hi, sub, ind, tw1_dibuka):
    hasil = simpan(
        akun["operator.hi"],
        hi,
        {
            "anggaran": {sub.pk: "2.500.000"},
            "indikator": {ind.pk: {"nilai": "4,0", "keterangan": ""}},
        },
    )
    assert hasil.jumlah_perubahan == 1  # 4,0 equals the stored 4: unchanged
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_500_000
    )
    simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "Rp 2500000"}})
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_500_000
    )


@pytest.mark.parametrize(
    "isian, kunci, pesan",
    [
        (
            {"anggaran": {"SUB": "-5"}},
            ("anggaran", "SUB", "jumlah"),
            "tidak boleh negatif",
        ),
        ({"anggaran": {"SUB": "abc"}}, ("anggaran", "SUB", "jumlah"), "bukan angka"),
        (
            {"anggaran": {"SUB": "35.698.501"}},
            ("anggaran", "SUB", "jumlah"),
            "melebihi pagu (Rp 35.698.500)",
        ),
        ({"anggaran": {"SUB": "1.000,50"}}, ("anggaran", "SUB", "jumlah"), "tanpa sen"),
        (
            {"indikator": {"IND": {"nilai": "-1"}}},
            ("indikator", "IND", "nilai"),
            "tidak boleh negatif",
        ),
        (
            {"indikator": {"IND": {"nilai": "9", "keterangan": ""}}},
            ("indikator", "IND", "keterangan"),
            "lebih dari 2 kali target triwulan",
        ),
        (
            {"indikator": {"IND": {"nilai": "1", "keterangan": ""}}},
            ("indikator", "IND", "keterangan"),
            "Capaian 25,00 % di bawah 50 %",
        ),
    ],
)
def test_refused_input_saves_nothing(
    akun, hi, sub, ind, tw1_dibuka, isian, kunci, pesan
):
    ganti = {"SUB": sub.pk, "IND": ind.pk}
    isian = {
        jenis: {ganti[k]: v for k, v in nilai.items()} for jenis, nilai in isian.items()
    }
    # A valid change in the same save must not be kept either.
    isian.setdefault("anggaran", {}).setdefault(sub.pk, "3.000.000")
    kunci = (kunci[0], ganti[kunci[1]], kunci[2])
    sebelum = (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah,
        RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1).nilai,
    )
    with pytest.raises(IsianTidakValid) as exc:
        simpan(akun["operator.hi"], hi, isian)
    assert pesan in exc.value.kesalahan[kunci]
    assert "tidak ada yang disimpan" in str(exc.value)
    assert sebelum == (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah,
        RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1).nilai,
    )
    assert not JejakAudit.objects.exists()


def test_a_note_makes_an_outlier_acceptable(akun, hi, ind, tw1_dibuka):
    simpan(
        akun["operator.hi"],
        hi,
        {"indikator": {ind.pk: {"nilai": "9", "keterangan": "Banyak pengajuan PP"}}},
    )
    r = RealisasiIndikator.objects.get(indikator=ind, tahun=2024, triwulan=1)
    assert (r.nilai, r.keterangan) == (9, "Banyak pengajuan PP")


def test_cumulative_money_cannot_go_down(akun, instansi, hi, sub, tw1_dibuka):
    atur_periode_entri(akun["perencanaan"], instansi, 2024, 2, True)
    with pytest.raises(IsianTidakValid) as exc:
        simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "1.500.000"}}, tw=2)
    assert "lebih kecil dari triwulan sebelumnya (Rp 2.000.000)" in str(
        exc.value.kesalahan[("anggaran", sub.pk, "jumlah")]
    )
    simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "2.000.000"}}, tw=2)


def test_percentages_stay_within_0_100_unless_allowed(akun, hi, tw1_dibuka):
    persen = Indikator.objects.get(
        nama__startswith="Besaran pekerja/buruh terdaftar", program__isnull=True
    )
    with pytest.raises(IsianTidakValid) as exc:
        simpan(akun["operator.hi"], hi, {"indikator": {persen.pk: {"nilai": "100,5"}}})
    assert "antara 0 dan 100" in exc.value.kesalahan[("indikator", persen.pk, "nilai")]
    Indikator.objects.filter(pk=persen.pk).update(boleh_lebih_100_persen=True)
    simpan(akun["operator.hi"], hi, {"indikator": {persen.pk: {"nilai": "100,5"}}})


def test_ratio_needs_both_components_and_a_nonzero_denominator(akun, hi, tw1_dibuka):
    sengketa = Indikator.objects.get(program__kode="2.07.05")
    with pytest.raises(IsianTidakValid) as exc:
        simpan(
            akun["operator.hi"],
            hi,
            {"indikator": {sengketa.pk: {"pembilang": "15", "penyebut": ""}}},
        )
    assert (
        "kedua komponen" in exc.value.kesalahan[("indikator", sengketa.pk, "penyebut")]
    )
    with pytest.raises(IsianTidakValid) as exc:
        simpan(
            akun["operator.hi"],
            hi,
            {"indikator": {sengketa.pk: {"pembilang": "15", "penyebut": "0"}}},
        )
    assert (
        "tidak boleh nol" in exc.value.kesalahan[("indikator", sengketa.pk, "penyebut")]
    )
    simpan(
        akun["operator.hi"],
        hi,
        {"indikator": {sengketa.pk: {"pembilang": "18", "penyebut": "150"}}},
    )
    r = RealisasiIndikator.objects.get(indikator=sengketa, tahun=2024, triwulan=1)
    assert (r.pembilang, r.penyebut, r.nilai) == (18, 150, None)


def test_every_change_is_audited(akun, hi, sub, ind, tw1_dibuka):
    simpan(
        akun["operator.hi"],
        hi,
        {
            "anggaran": {sub.pk: "2.500.000"},
            "indikator": {ind.pk: {"nilai": "5", "keterangan": "PP baru"}},
        },
    )
    jejak = {(j.objek, j.kolom): j for j in JejakAudit.objects.all()}
    assert set(jejak) == {
        ("anggaran", "jumlah"),
        ("indikator", "nilai"),
        ("indikator", "keterangan"),
    }
    uang = jejak[("anggaran", "jumlah")]
    assert (uang.nilai_lama, uang.nilai_baru) == ("2000000", "2500000")
    assert uang.oleh == akun["operator.hi"] and uang.sub_kegiatan == sub
    nilai = jejak[("indikator", "nilai")]
    assert (nilai.nilai_lama, nilai.nilai_baru) == ("4", "5")


def test_stale_save_is_refused_and_names_who_changed(akun, hi, sub, tw1_dibuka):
    akun["kabid.hi"].first_name = "A. ABD. RASYID"
    akun["kabid.hi"].save()
    versi_awal = lembar_entri(hi, 2024, 1).entri.versi
    simpan(akun["kabid.hi"], hi, {"anggaran": {sub.pk: "2.100.000"}}, versi=versi_awal)
    with pytest.raises(KonflikPerubahan, match="diubah oleh A. ABD. RASYID"):
        simpan(
            akun["operator.hi"],
            hi,
            {"anggaran": {sub.pk: "2.200.000"}},
            versi=versi_awal,
        )
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_100_000
    )


def test_closed_quarter_and_other_units_are_refused(akun, hi, pk, sub):
    with pytest.raises(GagalEntri, match="belum dibuka"):
        simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "2.100.000"}})
    with pytest.raises(AksesDitolak):
        simpan(akun["operator.hi"], pk, {})
    with pytest.raises(AksesDitolak):
        simpan(akun["perencanaan"], hi, {})


def test_a_sub_kegiatan_of_another_unit_cannot_be_smuggled_in(akun, hi, tw1_dibuka):
    lain = SubKegiatan.objects.exclude(unit=hi).first()
    with pytest.raises(IsianTidakValid) as exc:
        simpan(akun["operator.hi"], hi, {"anggaran": {lain.pk: "1"}})
    assert (
        "bukan milik unit ini" in exc.value.kesalahan[("anggaran", lain.pk, "jumlah")]
    )


def test_workflow_transitions(akun, hi, sub, tw1_dibuka):
    kabid, rencana, kadis = akun["kabid.hi"], akun["perencanaan"], akun["kadis"]
    with pytest.raises(AksesDitolak):
        ubah_status(akun["operator.hi"], hi, 2024, 1, "ajukan")
    entri = ubah_status(kabid, hi, 2024, 1, "ajukan")
    assert entri.status == StatusEntri.DIAJUKAN
    with pytest.raises(GagalEntri, match="hanya entri berstatus Draf"):
        simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "2.100.000"}})
    with pytest.raises(GagalEntri, match="alasan pengembalian"):
        ubah_status(rencana, hi, 2024, 1, "kembalikan", "  ")
    ubah_status(rencana, hi, 2024, 1, "kembalikan", "Lengkapi bukti dukung")
    assert EntriTriwulan.objects.get(unit=hi).catatan == "Lengkapi bukti dukung"
    ubah_status(kabid, hi, 2024, 1, "ajukan")
    with pytest.raises(AksesDitolak):
        ubah_status(kadis, hi, 2024, 1, "verifikasi")
    ubah_status(rencana, hi, 2024, 1, "verifikasi")
    with pytest.raises(GagalEntri, match="tidak dapat membuka kunci"):
        ubah_status(rencana, hi, 2024, 1, "buka_kunci", "x")
    entri = ubah_status(kadis, hi, 2024, 1, "sahkan")
    assert entri.terkunci
    with pytest.raises(GagalEntri, match="terkunci"):
        simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "2.100.000"}})
    with pytest.raises(GagalEntri, match="alasan membuka kunci"):
        ubah_status(rencana, hi, 2024, 1, "buka_kunci", "")
    ubah_status(rencana, hi, 2024, 1, "buka_kunci", "Koreksi realisasi SP2D")
    riwayat = list(
        RiwayatStatus.objects.values_list("aksi", "dari", "ke", "oleh__username")
    )
    assert riwayat == [
        ("ajukan", "draf", "diajukan", "kabid.hi"),
        ("kembalikan", "diajukan", "draf", "perencanaan"),
        ("ajukan", "draf", "diajukan", "kabid.hi"),
        ("verifikasi", "diajukan", "diverifikasi", "perencanaan"),
        ("sahkan", "diverifikasi", "disahkan", "kadis"),
        ("buka_kunci", "disahkan", "draf", "perencanaan"),
    ]
    simpan(akun["operator.hi"], hi, {"anggaran": {sub.pk: "2.100.000"}})


def test_submission_needs_every_indicator(akun, hi, tw1_dibuka):
    ind = Indikator.objects.filter(sub_kegiatan__unit=hi).first()
    RealisasiIndikator.objects.filter(indikator=ind).delete()
    with pytest.raises(GagalEntri, match="Baru 9 dari 10 indikator"):
        ubah_status(akun["kabid.hi"], hi, 2024, 1, "ajukan")


def test_entry_sheet_contents(hi):
    lembar = lembar_entri(hi, 2024, 1)
    assert lembar.jumlah_indikator == 10 and lembar.jumlah_terisi == 10
    assert [b.sub_kegiatan.kode for b in lembar.blok][:2] == [
        "2.07.05.2.01.0001",
        "2.07.05.2.01.0003",
    ]
    blok = lembar.blok[0]
    assert (blok.anggaran.pagu, blok.kas_kumulatif, blok.realisasi_anggaran) == (
        35_698_500,
        8_108_500,
        2_000_000,
    )
    penyelesaian = next(
        b for b in lembar.blok if b.sub_kegiatan.kode.endswith("02.0002")
    )
    assert len(penyelesaian.rincian) == 11
    assert lembar.blok[0].indikator[0].target_tw == D(4)


def test_the_iku_are_entered_by_the_unit_that_compiles_them(akun, instansi, tw1_dibuka):
    from lakip.models import UnitKerja

    perencanaan = UnitKerja.objects.get(instansi=instansi, kode="subbag-perencanaan")
    lembar = lembar_entri(perencanaan, 2024, 1)
    iku = [b for b in lembar.indikator_unit if b.indikator.tingkat == "sasaran"]
    assert [b.indikator.nama for b in iku] == [
        "Persentase Warga Transmigran Mandiri",
        "Persentase Penyerapan Tenaga Kerja Baru",
        "Nilai SAKIP",
    ]
    assert not any(
        b.indikator.tingkat == "sasaran"
        for b in lembar_entri(
            UnitKerja.objects.get(kode="bidang-hi"), 2024, 1
        ).indikator_unit
    )
    penyerapan = iku[1].indikator
    simpan(
        akun["perencanaan"],
        perencanaan,
        {"indikator": {penyerapan.pk: {"pembilang": "700", "penyebut": "8.521"}}},
    )
    r = RealisasiIndikator.objects.get(indikator=penyerapan, tahun=2024, triwulan=1)
    assert (r.pembilang, r.penyebut) == (700, 8521)
