"""DPA and anggaran kas import from SIPD-shaped Excel (renstra.impor_sipd)."""

import pytest

from lakip.models import Instansi, UnitKerja
from renstra.impor_sipd import GalatImpor, konfirmasi_impor
from renstra.models import (
    AnggaranSubKegiatan,
    ImporSIPD,
    Program,
    RincianBelanja,
    SubKegiatan,
)
from renstra.sipd import GalatBerkas
from tests import sipd_xlsx
from tests.sipd_xlsx import impor, unggah


def _keadaan(instansi):
    """Every stored budget value of the agency, to compare before and after."""
    anggaran = AnggaranSubKegiatan.objects.filter(
        sub_kegiatan__kegiatan__program__periode__instansi=instansi
    )
    return (
        Program.objects.filter(periode__instansi=instansi).count(),
        sorted(
            anggaran.values_list(
                "sub_kegiatan__kode", "versi", "pagu", "kas_tw1", "kas_tw2", "kas_tw3"
            )
        ),
        sorted(
            RincianBelanja.objects.filter(anggaran__in=anggaran).values_list(
                "anggaran__sub_kegiatan__kode", "kode_rekening", "pagu", "kas_tw1"
            )
        ),
    )


def test_dpa_into_an_empty_agency_creates_the_plan(instansi_kosong, pengguna):
    pratinjau = impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    assert pratinjau.jumlah_baris == 88
    assert pratinjau.baru == 7 + 17 + 44 + 44  # program, kegiatan, sub, anggaran
    sub = SubKegiatan.objects.filter(
        kegiatan__program__periode__instansi=instansi_kosong
    )
    assert sub.count() == 44
    # X.XX of the Program Penunjang takes the agency's kode_urusan
    penunjang = Program.objects.get(periode__instansi=instansi_kosong, kode="2.07.01")
    assert penunjang.kegiatan.count() == 8
    assert [p.kode for p in Program.objects.filter(periode__instansi=instansi_kosong)][
        :2
    ] == ["2.07.01", "2.07.03"]
    surat = sub.get(kode="2.07.01.2.08.0001")
    anggaran = surat.anggaran.get(versi="murni")
    assert anggaran.pagu == 17_662_652
    assert sorted(anggaran.rincian.values_list("kode_rekening", "pagu")) == [
        ("5.1.02.01.01.0024", 17_662_652 // 3),
        ("5.1.02.04.01.0001", 17_662_652 - 17_662_652 // 3),
    ]
    rekaman = ImporSIPD.objects.get(instansi=instansi_kosong)
    assert (rekaman.status, rekaman.diterapkan_oleh, rekaman.nama_file) == (
        "diterapkan",
        pengguna,
        "sipd.xlsx",
    )
    assert (rekaman.jumlah_baru, rekaman.jumlah_berubah, rekaman.jumlah_tetap) == (
        112,
        0,
        0,
    )


def test_preview_writes_nothing(instansi_kosong, pengguna):
    rekaman, pratinjau = unggah(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    assert rekaman.status == "pratinjau" and pratinjau.bisa_diterapkan
    assert not Program.objects.filter(periode__instansi=instansi_kosong).exists()
    assert {b.objek for b in pratinjau.butir} == {
        "Program",
        "Kegiatan",
        "Sub kegiatan",
        "Anggaran (murni)",
    }


def test_second_import_of_the_same_file_changes_nothing(instansi_kosong, pengguna):
    impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    impor(instansi_kosong, "kas", sipd_xlsx.anggaran_kas(), pengguna)
    sebelum = _keadaan(instansi_kosong)
    kedua = impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    assert (kedua.baru, kedua.berubah, kedua.tetap) == (0, 0, 44)
    assert kedua.langkah == []
    kas = impor(instansi_kosong, "kas", sipd_xlsx.anggaran_kas(), pengguna)
    assert (kas.baru, kas.berubah, kas.tetap) == (0, 0, 44)
    assert _keadaan(instansi_kosong) == sebelum


def test_a_changed_pagu_is_shown_and_applied(instansi_kosong, pengguna):
    impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    sewa = ("5.1.02.02.05.0043", "Belanja Sewa Hotel")
    tambahan = sipd_xlsx.baris_rekening("2.07.01.2.08.0001", sewa, 1_000_000)
    rekaman, pratinjau = unggah(
        instansi_kosong, "dpa", sipd_xlsx.dpa(tambahan=[tambahan]), pengguna
    )
    assert (pratinjau.baru, pratinjau.berubah, pratinjau.tetap) == (0, 1, 43)
    (butir,) = pratinjau.butir_berubah
    assert (butir.kode, butir.keterangan) == (
        "2.07.01.2.08.0001",
        "pagu Rp 17.662.652 → Rp 18.662.652; rincian belanja: 1 baru",
    )
    konfirmasi_impor(rekaman, pengguna)
    anggaran = AnggaranSubKegiatan.objects.get(
        sub_kegiatan__kegiatan__program__periode__instansi=instansi_kosong,
        sub_kegiatan__kode="2.07.01.2.08.0001",
    )
    assert anggaran.pagu == 18_662_652
    assert anggaran.rincian.get(kode_rekening=sewa[0]).uraian == sewa[1]


def test_dpa_into_the_seed_keeps_its_pagu_and_adds_lines(instansi, pengguna):
    rekaman, pratinjau = unggah(instansi, "dpa", sipd_xlsx.dpa(), pengguna)
    assert pratinjau.baru == 0 and pratinjau.bisa_diterapkan
    gaji = next(b for b in pratinjau.butir if b.kode == "2.07.01.2.02.0001")
    assert gaji.keterangan == "pagu Rp 3.701.398.372; rincian belanja: 2 baru"


def test_unknown_code_saves_nothing_and_names_the_row(instansi_kosong, pengguna):
    asing = sipd_xlsx.baris_asing("2.07.01.2.01")  # a kegiatan code in the sub column
    rekaman, pratinjau = unggah(
        instansi_kosong, "dpa", sipd_xlsx.dpa(tambahan=[asing]), pengguna
    )
    nomor = 4 + 88 + 1  # title rows, header, 88 data rows, then this one
    assert [(m.baris, m.pesan) for m in pratinjau.galat] == [
        (nomor, "Kode sub kegiatan “2.07.01.2.01” tidak lengkap (seharusnya 6 segmen).")
    ]
    assert rekaman.status == "ditolak" and rekaman.jumlah_galat == 1
    with pytest.raises(GalatImpor, match="Ditolak"):
        konfirmasi_impor(rekaman, pengguna)
    assert not Program.objects.filter(periode__instansi=instansi_kosong).exists()


def test_kas_for_a_sub_kegiatan_not_in_the_plan_is_refused(instansi, pengguna):
    rekaman, pratinjau = unggah(instansi, "kas", sipd_xlsx.anggaran_kas(), pengguna)
    assert pratinjau.bisa_diterapkan
    # the seed's DPA has no expenditure lines for the salaries: only summed
    assert (
        "Sub kegiatan 2.07.01.2.02.0001: kode rekening 5.1.02.01.01.0024 tidak ada "
        "dalam rincian belanja DPA; hanya dijumlahkan ke sub kegiatan."
    ) in [m.pesan for m in pratinjau.peringatan]
    kosong = Instansi.objects.create(kode="x", nama="X", pemda="X", kode_urusan="2.07")
    UnitKerja.objects.create(instansi=kosong, kode="s", nama="S", jenis="sekretariat")
    _, pratinjau = unggah(kosong, "kas", sipd_xlsx.anggaran_kas(), pengguna)
    assert len(pratinjau.galat) == 88
    assert pratinjau.galat[0].baris == 5
    assert "2.07.01.2.01.0001 tidak ada dalam rencana 2024" in pratinjau.galat[0].pesan


def test_kas_is_summed_to_quarters(instansi_kosong, pengguna):
    impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    kas = impor(instansi_kosong, "kas", sipd_xlsx.anggaran_kas(), pengguna)
    assert kas.berubah == 44 and kas.peringatan == []
    gaji = AnggaranSubKegiatan.objects.get(
        sub_kegiatan__kegiatan__program__periode__instansi=instansi_kosong,
        sub_kegiatan__kode="2.07.01.2.02.0001",
    )
    assert gaji.kas_tw1 == 1_654_554_625
    assert sum(gaji.kas_per_triwulan.values()) == gaji.pagu == 3_701_398_372
    assert sum(r.kas_tw1 for r in gaji.rincian.all()) == 1_654_554_625


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("dpa.xls", b"PK\x03\x04abc", "bukan berkas Excel .xlsx"),
        ("dpa.csv", b"a,b", "bukan berkas Excel .xlsx"),
        # refused from the zip directory before anything is stored (issue 12)
        ("dpa.xlsx", b"ini bukan zip", "tidak dapat dibaca sebagai Excel"),
    ],
)
def test_non_xlsx_files_are_refused(instansi, pengguna, nama, isi, pesan):
    with pytest.raises(GalatBerkas, match=pesan):
        unggah(instansi, "dpa", isi, pengguna, nama=nama)
    assert not ImporSIPD.objects.exists()


def test_oversized_file_is_refused(instansi, pengguna, monkeypatch):
    from renstra import sipd

    monkeypatch.setattr(sipd, "BATAS_UKURAN", 1000)
    with pytest.raises(GalatBerkas, match="melebihi batas"):
        unggah(instansi, "dpa", sipd_xlsx.dpa(), pengguna)
    assert not ImporSIPD.objects.exists()


def test_file_without_the_columns_names_them(instansi, pengguna):
    import io

    import openpyxl

    buku = openpyxl.Workbook()
    buku.active.append(["Kode", "Uraian", "Nilai"])
    data = io.BytesIO()
    buku.save(data)
    rekaman, pratinjau = unggah(instansi, "dpa", data.getvalue(), pengguna)
    assert rekaman.status == "ditolak"
    assert "“Kode Sub Kegiatan”" in pratinjau.galat[0].pesan


def test_apply_is_all_or_nothing(instansi_kosong, pengguna, monkeypatch):
    from renstra.impor_dpa import ImporDPA

    def separuh_lalu_gagal(self, pratinjau):
        for langkah in pratinjau.langkah[:50]:
            langkah()
        raise RuntimeError("koneksi basis data putus")

    rekaman, _ = unggah(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    monkeypatch.setattr(ImporDPA, "terapkan", separuh_lalu_gagal)
    with pytest.raises(RuntimeError):
        konfirmasi_impor(rekaman, pengguna)
    assert not Program.objects.filter(periode__instansi=instansi_kosong).exists()
    rekaman.refresh_from_db()
    assert rekaman.status == "pratinjau"


def test_dpa_perubahan_import_keeps_the_murni(instansi, pengguna):
    from laporan.data import bangun_data_laporan

    sewa = ("5.1.02.02.05.0043", "Belanja Sewa Hotel")
    tambahan = sipd_xlsx.baris_rekening("2.07.01.2.08.0001", sewa, 1_000_000)
    rekaman, pratinjau = unggah(
        instansi,
        "dpa",
        sipd_xlsx.dpa(tambahan=[tambahan]),
        pengguna,
        versi="perubahan",
        tanggal="2024-09-02",
        alasan="APBD Perubahan 2024",
    )
    assert pratinjau.baru == 44  # a perubahan for every sub kegiatan
    konfirmasi_impor(rekaman, pengguna)
    surat = AnggaranSubKegiatan.objects.filter(sub_kegiatan__kode="2.07.01.2.08.0001")
    assert sorted(surat.values_list("versi", "pagu")) == [
        ("murni", 17_662_652),
        ("perubahan", 18_662_652),
    ]
    perubahan = surat.get(versi="perubahan")
    assert (str(perubahan.tanggal), perubahan.alasan) == (
        "2024-09-02",
        "APBD Perubahan 2024",
    )
    total = bangun_data_laporan(instansi, 2024, 1).anggaran
    assert (total.versi_dpa, total.pagu, total.pagu_murni) == (
        "perubahan",
        7_898_427_349,
        7_897_427_349,
    )


def test_kas_with_one_row_per_month(instansi_kosong, pengguna):
    import io

    import openpyxl

    impor(instansi_kosong, "dpa", sipd_xlsx.dpa(), pengguna)
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.append(["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Bulan", "Nilai"])
    kode = "X.XX.01.2.08.0001"
    for bulan, nilai in [("Januari", 1_000_000), (2, 1_500_000), ("Juli", 700_000)]:
        lembar.append([kode, "Penyediaan Jasa Surat Menyurat", bulan, nilai])
    lembar.append([kode, "Penyediaan Jasa Surat Menyurat", "Maret", 2_300_000])
    data = io.BytesIO()
    buku.save(data)
    pratinjau = impor(instansi_kosong, "kas", data.getvalue(), pengguna)
    (butir,) = pratinjau.butir
    assert butir.keterangan == "TW I/II/III/IV: 0/0/0/0 → 4.800.000/0/700.000/0"
    assert "tidak sama dengan pagu" in pratinjau.peringatan[0].pesan
    anggaran = AnggaranSubKegiatan.objects.get(
        sub_kegiatan__kegiatan__program__periode__instansi=instansi_kosong,
        sub_kegiatan__kode="2.07.01.2.08.0001",
    )
    assert anggaran.kas_per_triwulan == {1: 4_800_000, 2: 0, 3: 700_000, 4: 0}
