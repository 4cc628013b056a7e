"""Who may answer, approve, review; the evaluator's value over the agency's; a
final LKE is read-only; uploads bounded and of the allowed kinds only."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from evaluasi import services
from evaluasi.models import BuktiKriteria, PenilaianLke, RiwayatLke
from evaluasi.skor import hitung
from lakip.peran import Peran

from .conftest import kriteria

PDF = b"%PDF-1.4\n%bukti\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20


@pytest.fixture
def draf(instansi):
    return services.buka_penilaian(instansi, 2024)


@pytest.mark.parametrize("peran", [Peran.PIMPINAN, Peran.EVALUATOR, Peran.PEMERIKSA])
def test_hanya_perencanaan_menjawab(draf, buat_pengguna, peran):
    user = buat_pengguna("uji.lain", peran)
    with pytest.raises(PermissionDenied, match="Hanya Perencanaan"):
        services.simpan_jawaban(user, draf, kriteria("1.a.1"), "Y")
    assert not draf.jawaban.exists()


def test_jawaban_di_luar_skala_ditolak(draf, perencanaan):
    with pytest.raises(services.GagalLke, match="harus salah satu: Y/T"):
        services.simpan_jawaban(perencanaan, draf, kriteria("1.a.1"), "B")
    with pytest.raises(services.GagalLke, match="A/B/C/D/E"):
        services.simpan_jawaban(perencanaan, draf, kriteria("1.b.1"), "Y")
    assert not draf.jawaban.exists()


def test_persetujuan_hanya_pimpinan_dan_lengkap(draf, perencanaan, pimpinan):
    services.simpan_jawaban(perencanaan, draf, kriteria("1.a.1"), "Y")
    with pytest.raises(PermissionDenied, match="Hanya Pimpinan"):
        services.setujui(perencanaan, draf)
    with pytest.raises(services.GagalLke, match="79 kriteria yang belum dijawab"):
        services.setujui(pimpinan, draf)
    draf.refresh_from_db()
    assert draf.status == PenilaianLke.Status.DRAF


def test_alur_lengkap_nilai_evaluator_berlaku(
    lke_terisi, perencanaan, pimpinan, evaluator
):
    p = lke_terisi
    k = kriteria("1.c.3")
    # The evaluator cannot review a draft.
    with pytest.raises(services.GagalLke, match="sudah disetujui Pimpinan"):
        services.reviu(evaluator, p, k, False, "A", "cukup")
    services.setujui(pimpinan, p)
    # Approved: Perencanaan can no longer change answers.
    with pytest.raises(services.GagalLke, match="tidak dapat diubah"):
        services.simpan_jawaban(perencanaan, p, k, "A")
    with pytest.raises(PermissionDenied, match="Hanya Evaluator"):
        services.reviu(pimpinan, p, k, False, "A", "x")
    with pytest.raises(services.GagalLke, match="Catatan wajib"):
        services.reviu(evaluator, p, k, False, "A", "")
    sebelum = hitung(p).nilai
    services.reviu(evaluator, p, k, False, "A", "Target on the right track.")
    services.reviu(evaluator, p, kriteria("1.a.1"), True)
    hasil = hitung(p)
    nilai = {n.kriteria.kode: n for n in hasil.semua_kriteria}
    assert nilai["1.c.3"].jawaban.jawaban.kode == "E"  # the agency's answer kept
    assert nilai["1.c.3"].pilihan.kode == "A"  # the evaluator's stands
    assert nilai["1.c.3"].nilai == 1
    # 1.c: 15 × (7 × 0,75 + 1) / 8 = 11,72 instead of 9,84.
    assert hasil.nilai - sebelum == Decimal("1.88")
    services.finalkan(evaluator, p)
    p.refresh_from_db()
    assert p.status == PenilaianLke.Status.FINAL
    assert p.difinalkan_oleh == evaluator
    # Final is read-only for everyone.
    with pytest.raises(services.GagalLke):
        services.simpan_jawaban(perencanaan, p, k, "A")
    with pytest.raises(services.GagalLke):
        services.reviu(evaluator, p, k, True)
    with pytest.raises(services.GagalLke):
        services.tambah_bukti(perencanaan, p, k, "x", "/rencana/")
    with pytest.raises(services.GagalLke):
        services.kembalikan(pimpinan, p, "ubah")
    assert list(
        RiwayatLke.objects.filter(
            penilaian=p, aksi__in=["setujui", "finalkan"]
        ).values_list("aksi", "oleh__username")
    ) == [("setujui", "uji.kadis"), ("finalkan", "uji.inspektorat")]


def test_rekomendasi_dan_tindak_lanjut(lke_terisi, pimpinan, evaluator, perencanaan):
    services.setujui(pimpinan, lke_terisi)
    with pytest.raises(services.GagalLke, match="LKE yang final"):
        services.tambah_rekomendasi(evaluator, lke_terisi, "Perbaiki")
    services.finalkan(evaluator, lke_terisi)
    rek = services.tambah_rekomendasi(
        evaluator, lke_terisi, "Susun cascading sampai pegawai."
    )
    with pytest.raises(PermissionDenied):
        services.tambah_rekomendasi(perencanaan, lke_terisi, "x")
    with pytest.raises(PermissionDenied):
        services.catat_tindak_lanjut(evaluator, rek, 2025, 1, "x")
    with pytest.raises(services.GagalLke, match="Triwulan harus"):
        services.catat_tindak_lanjut(perencanaan, rek, 2025, 5, "x")
    services.catat_tindak_lanjut(perencanaan, rek, 2025, 1, "Draf pohon kinerja.")
    rek.refresh_from_db()
    assert not rek.selesai
    services.catat_tindak_lanjut(perencanaan, rek, 2025, 2, "Ditetapkan.", True)
    rek.refresh_from_db()
    assert rek.selesai
    assert [t.triwulan for t in rek.tindak_lanjut.all()] == [1, 2]
    with pytest.raises(services.GagalLke, match="sudah selesai"):
        services.catat_tindak_lanjut(perencanaan, rek, 2025, 3, "lagi")


def test_bukti_berkas_dibatasi(draf, perencanaan, settings):
    settings.LAKIP_BUKTI_MAKS = 1024
    k = kriteria("1.a.1")
    bukti = services.tambah_bukti(
        perencanaan, draf, k, "Pedoman", berkas=("pedoman.pdf", PDF)
    )
    assert bukti.tipe_berkas == "application/pdf" and bytes(bukti.isi) == PDF
    services.tambah_bukti(perencanaan, draf, k, "", berkas=("foto.png", PNG))
    ditolak = [
        (("besar.pdf", PDF + b"\0" * 1024), "terlalu besar: paling besar"),
        (("skrip.exe", b"MZ\x90\x00"), "hanya boleh berkas PDF"),
        (("palsu.pdf", b"<html>bukan pdf</html>"), "hanya boleh berkas PDF"),
        (("pdf.xlsx", PDF), "hanya boleh berkas PDF"),
        (("kosong.pdf", b""), "Berkas kosong"),
    ]
    for berkas, pesan in ditolak:
        with pytest.raises(services.GagalLke, match=pesan):
            services.tambah_bukti(perencanaan, draf, k, "x", berkas=berkas)
    assert BuktiKriteria.objects.filter(jawaban__penilaian=draf).count() == 2


def test_tautan_bukti_hanya_ke_aplikasi(draf, perencanaan):
    k = kriteria("1.a.3")
    for tautan in ["https://contoh.id/renstra.pdf", "//evil.example/", "rencana/"]:
        with pytest.raises(services.GagalLke, match="halaman atau dokumen aplikasi"):
            services.tambah_bukti(perencanaan, draf, k, "Renstra", tautan)
    with pytest.raises(services.GagalLke, match="Judul bukti wajib"):
        services.tambah_bukti(perencanaan, draf, k, " ", "/rencana/")
    assert not BuktiKriteria.objects.exists()


def test_salin_struktur_ke_tahun_baru(instansi):
    assert services.salin_struktur(2024, 2025) == 80
    data = hitung(None, 2025)
    assert [k.komponen.bobot for k in data.komponen] == [30, 30, 15, 25]
    assert data.komponen[0].sub_komponen[0].kriteria[2].kriteria.uraian == (
        "Terdapat dokumen perencanaan kinerja jangka menengah."
    )
    assert len(hitung(None, 2024).semua_kriteria) == 80  # the source is untouched
    with pytest.raises(services.GagalLke, match="tahun 2025 sudah ada"):
        services.salin_struktur(2024, 2025)
    with pytest.raises(services.GagalLke, match="tahun 2010 belum ada"):
        services.salin_struktur(2010, 2011)
