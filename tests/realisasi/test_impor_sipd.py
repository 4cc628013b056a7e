"""Realisation import from SIPD-shaped Excel, and the whole budget chain: DPA,
anggaran kas and realisasi imported into an empty agency give Tabel 3.25."""

from decimal import Decimal as D

import pytest

from lakip.perhitungan import bulatkan
from laporan.data import bangun_data_laporan
from realisasi.models import RealisasiAnggaran, RealisasiBelanja
from renstra.models import ImporSIPD
from tests import sipd_xlsx
from tests.sipd_xlsx import impor, unggah


@pytest.fixture
def tiga_impor(instansi_kosong, pengguna):
    impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    impor(instansi_kosong, "kas", sipd_xlsx.anggaran_kas(), pengguna)
    impor(instansi_kosong, "realisasi", sipd_xlsx.realisasi(), pengguna, triwulan=1)
    return instansi_kosong


def _realisasi(instansi):
    return RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__periode__instansi=instansi
    )


def test_imported_budget_gives_tabel_3_25(tiga_impor):
    total = bangun_data_laporan(tiga_impor, 2024, 1).anggaran
    assert total.pagu == 7_897_427_349
    assert total.anggaran_kas == 2_535_309_937
    assert total.realisasi == 725_550_029
    assert bulatkan(total.persen_kas) == D("28.62")
    assert (len(total.anak), sum(len(p.anak) for p in total.anak)) == (7, 17)
    penunjang = total.anak[0]
    assert (penunjang.kode, penunjang.pagu) == ("2.07.01", 4_822_760_749)
    assert (
        ImporSIPD.objects.filter(instansi=tiga_impor, status="diterapkan").count() == 3
    )


def test_realisation_lines_and_who(tiga_impor, pengguna):
    gaji = _realisasi(tiga_impor).get(sub_kegiatan__kode="2.07.01.2.02.0001")
    assert (gaji.triwulan, gaji.jumlah, gaji.diperbarui_oleh) == (
        1,
        536_895_878,
        pengguna,
    )
    belanja = RealisasiBelanja.objects.filter(
        rincian__anggaran__sub_kegiatan=gaji.sub_kegiatan
    )
    assert sorted(belanja.values_list("jumlah", flat=True)) == sorted(
        [536_895_878 // 3, 536_895_878 - 536_895_878 // 3]
    )


def test_second_realisation_import_changes_nothing(tiga_impor, pengguna):
    sebelum = sorted(_realisasi(tiga_impor).values_list("pk", "jumlah"))
    kedua = impor(tiga_impor, "realisasi", sipd_xlsx.realisasi(), pengguna, triwulan=1)
    assert (kedua.baru, kedua.berubah, kedua.tetap, kedua.langkah) == (0, 0, 44, [])
    assert sorted(_realisasi(tiga_impor).values_list("pk", "jumlah")) == sebelum


def test_unknown_code_saves_nothing_and_names_the_row(instansi_kosong, pengguna):
    impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    isi = sipd_xlsx.realisasi(tambahan=[sipd_xlsx.baris_asing("X.XX.01.2.99.0001")])
    rekaman, pratinjau = unggah(instansi_kosong, "realisasi", isi, pengguna, triwulan=1)
    assert [(m.baris, m.pesan) for m in pratinjau.galat] == [
        (
            93,
            "Kode sub kegiatan 2.07.01.2.99.0001 tidak ada dalam rencana 2024.",
        )
    ]
    assert rekaman.status == "ditolak"
    assert not _realisasi(instansi_kosong).exists()


def test_realisation_below_the_previous_quarter_is_refused(tiga_impor, pengguna):
    _, pratinjau = unggah(
        tiga_impor, "realisasi", sipd_xlsx.realisasi(), pengguna, triwulan=2
    )
    assert pratinjau.baru == 44 and pratinjau.galat == []
    isi = sipd_xlsx.realisasi(pembagi=2)
    rekaman, pratinjau = unggah(tiga_impor, "realisasi", isi, pengguna, triwulan=2)
    pesan = [m.pesan for m in pratinjau.galat]
    assert (
        "Sub kegiatan 2.07.01.2.02.0001: realisasi s.d. TW 2 (Rp 268.447.939) lebih "
        "kecil daripada triwulan sebelumnya (Rp 536.895.878); realisasi bersifat "
        "kumulatif."
    ) in pesan
    assert not pratinjau.bisa_diterapkan  # the same rule as the entry form
    assert not _realisasi(tiga_impor).filter(triwulan=2).exists()


def test_a_locked_quarter_is_not_changed_and_changes_are_audited(tiga_impor, pengguna):
    from realisasi.models import EntriTriwulan, JejakAudit

    audit = JejakAudit.objects.filter(sumber="sipd", objek="anggaran")
    assert audit.count() == 44
    gaji = audit.get(sub_kegiatan__kode="2.07.01.2.02.0001")
    assert (gaji.nilai_lama, gaji.nilai_baru, gaji.oleh) == ("", "536895878", pengguna)
    sub = _realisasi(tiga_impor).get(sub_kegiatan__kode="2.07.01.2.02.0001")
    EntriTriwulan.objects.create(
        unit=sub.sub_kegiatan.unit, tahun=2024, triwulan=1, status="disahkan"
    )
    isi = sipd_xlsx.realisasi(pembagi=0.5)
    _, pratinjau = unggah(tiga_impor, "realisasi", isi, pengguna, triwulan=1)
    assert any("berstatus Disahkan" in m.pesan for m in pratinjau.galat)
    assert not pratinjau.bisa_diterapkan
    assert _realisasi(tiga_impor).get(pk=sub.pk).jumlah == 536_895_878


def test_quarter_must_be_chosen(tiga_impor, pengguna):
    _, pratinjau = unggah(tiga_impor, "realisasi", sipd_xlsx.realisasi(), pengguna)
    assert pratinjau.galat[0].pesan == "Triwulan belum dipilih."
