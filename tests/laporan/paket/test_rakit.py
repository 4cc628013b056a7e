"""Building the package: pages, bookmarks, order, the part cache and the
parallel layout, read back with pypdf."""

from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from laporan import pdf
from laporan.models import CacheBagianPdf
from laporan.paket import cache
from laporan.paket.bagian import daftar_bagian, susun_konteks
from laporan.paket.rakit import rakit_paket
from realisasi.models import RealisasiIndikator
from tests.bantuan import sahkan_triwulan

from .conftest import kunci_kosong, kunci_sub, penanda, teks_halaman

pytestmark = pytest.mark.django_db

BIDANG_HI = "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"


def test_the_package_holds_every_part_page_for_page(paket_seed):
    hasil, pembaca = paket_seed.hasil, paket_seed.pembaca
    # 96 documents less the three duplicate Kasubag tables, 5 unit reports,
    # the Bidang HI's SP/SB data and register, the Bidang Pengembangan's
    # program report; the 22 empty sub kegiatan reports and the 4 Bidang
    # reports without prose are left out; the draft starts with its readiness
    # list (tests/laporan/paket/test_kelengkapan) and the Daftar Lampiran
    # follows the LAKIP.
    assert sorted(r.kunci for r in hasil.tidak_dilampirkan) == kunci_kosong()
    assert len(kunci_kosong()) == 22 + 4
    assert len(hasil.bagian) == 1 + 93 + 5 + 3 - 26 + 1
    assert len(pembaca.pages) == hasil.jumlah_halaman
    assert hasil.jumlah_halaman == sum(b.jumlah_halaman for b in hasil.bagian)
    kelengkapan = paket_seed.bagian("kelengkapan")
    assert kelengkapan.halaman_awal == 0
    assert "DAFTAR KELENGKAPAN DOKUMEN" in teks_halaman(pembaca, 0)
    lakip = paket_seed.bagian("lakip")
    assert lakip.halaman_awal == kelengkapan.jumlah_halaman
    assert lakip.jumlah_halaman > 40
    assert "KATA PENGANTAR" in teks_halaman(pembaca, lakip.halaman_awal + 1)
    undangan = paket_seed.bagian("undangan")
    daftar = paket_seed.bagian("daftarlampiran")
    # right after the LAKIP
    assert daftar.halaman_awal == lakip.halaman_awal + lakip.jumlah_halaman
    # then the attachments it lists
    assert undangan.halaman_awal == daftar.halaman_awal + daftar.jumlah_halaman
    assert "300.2.12/793/Transnaker/2024" in teks_halaman(
        pembaca, undangan.halaman_awal
    )
    joni = paket_seed.bagian("pernyataan-2")
    hadir = paket_seed.bagian("daftarhadir-1")
    assert joni.halaman_awal == hadir.halaman_awal + hadir.jumlah_halaman
    teks = teks_halaman(pembaca, joni.halaman_awal)
    assert "PERNYATAAN TELAH DIEVALUASI" in teks and "JONI PATABI" in teks
    sub = paket_seed.bagian(kunci_sub("2.07.05.2.02.0003"))
    teks = teks_halaman(pembaca, sub.halaman_awal)
    assert "LAPORAN PELAKSANAAN SUB KEGIATAN" in teks and "Verifikasi" in teks
    # No unit of the seed's quarter is Disahkan: a draft, on every page.
    assert hasil.nama_berkas == "DRAF-PAKET-LAKIP-2024-TW1-disnakertrans-lutim.pdf"
    assert len(hasil.draf) == 8
    tanpa = [i for i, h in enumerate(pembaca.pages) if "DRAF" not in h.extract_text()]
    assert tanpa == []
    assert pembaca.metadata.title.startswith("LAKIP Triwulan I Tahun 2024")


def test_one_bookmark_per_part_under_its_unit(paket_seed):
    hasil, pembaca = paket_seed.hasil, paket_seed.pembaca
    butir = penanda(pembaca)
    atas = [(judul, hlm) for tingkat, judul, hlm in butir if tingkat == 0]
    assert atas[0] == ("Daftar Kelengkapan Dokumen", 0)
    awal = paket_seed.bagian("lakip").halaman_awal
    assert atas[1] == ("LAKIP Triwulan I Tahun 2024", awal)
    assert atas[2] == (
        "Daftar Lampiran",
        paket_seed.bagian("daftarlampiran").halaman_awal,
    )
    atas = atas[1:]  # the rest as without the readiness list
    assert atas[2][0] == "Undangan Rapat Evaluasi — 300.2.12/793/Transnaker/2024"
    assert atas[3][0] == "Daftar Hadir Rapat Evaluasi"
    assert [j for j, _ in atas[4:]] == [
        "Sekretariat",
        "Bidang Penyiapan Kawasan dan Pembangunan Permukiman Transmigrasi",
        "Bidang Pengembangan Kawasan Transmigrasi",
        "Bidang Pemberdayaan Ketenagakerjaan",
        "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
    ]
    # The LAKIP keeps its own chapters below its bookmark.
    assert (1, "BAB I PENDAHULUAN", awal + 3) in butir
    # Below each unit: exactly its parts, in order, at their first page.
    bagian = [(judul, hlm) for tingkat, judul, hlm in butir if tingkat == 1]
    lampiran = [b for b in hasil.bagian if b.kelompok]
    assert bagian[-len(lampiran) :] == [(b.judul, b.halaman_awal) for b in lampiran]
    assert bagian[-len(lampiran)] == (
        "Daftar Hadir Rapat Evaluasi Sekretariat",
        paket_seed.bagian("daftarhadir-1").halaman_awal,
    )
    # A part's single own bookmark (its title) is not repeated below it.
    assert not [t for t in butir if t[0] == 2 and "PERNYATAAN" in t[1]]


def test_second_build_lays_out_nothing(paket_seed, instansi):
    hasil = rakit_paket(instansi, 2024, 1, pekerja=1)
    assert hasil.dirender == []
    assert len(hasil.dari_cache) == len(paket_seed.hasil.bagian)
    assert hasil.jumlah_halaman == paket_seed.hasil.jumlah_halaman
    assert penanda(PdfReader(BytesIO(hasil.isi))) == penanda(paket_seed.pembaca)


def test_a_selection_gives_only_the_chosen_parts(paket_seed, instansi):
    hasil = rakit_paket(
        instansi, 2024, 1, pilihan=["evaluasi-unit-8", "pernyataan-19"], pekerja=1
    )
    pembaca = PdfReader(BytesIO(hasil.isi))
    # Package order, whatever the order asked.
    assert [b.kunci for b in hasil.bagian] == ["evaluasi-unit-8", "pernyataan-19"]
    assert hasil.nama_berkas.endswith("-pilihan.pdf")
    assert len(pembaca.pages) == 1 + paket_seed.bagian("evaluasi-unit-8").jumlah_halaman
    assert [(t, j) for t, j, _ in penanda(pembaca)] == [
        (0, BIDANG_HI),
        (1, "Evaluasi Kinerja " + BIDANG_HI),
        (1, "Pernyataan Telah Dievaluasi — NELY HARYATI BATARA, SE"),
    ]
    assert "EVALUASI KINERJA BIDANG HUBUNGAN INDUSTRIAL" in teks_halaman(pembaca, 0)
    assert "NELY HARYATI BATARA" in teks_halaman(pembaca, len(pembaca.pages) - 1)


def test_changing_one_value_lays_out_only_the_parts_showing_it(paket_seed, instansi):
    """Indicator "Jumlah Organisasi Pekerja/Pengusaha yang dibina" (sub kegiatan
    2.07.05.2.02.0003 of Bidang HI, owned by MARK IAN MARION): 8 -> 11."""
    lakip_lama = cache.sidik(daftar_bagian(susun_konteks(instansi, 2024, 1))[0].html)
    r = RealisasiIndikator.objects.get(
        indikator__nama="Jumlah Organisasi Pekerja/Pengusaha yang dibina",
        tahun=2024,
        triwulan=1,
    )
    assert r.nilai == Decimal("8")
    r.nilai = Decimal("11")
    r.save()
    hasil = rakit_paket(
        instansi, 2024, 1, pilihan=["pernyataan", "evaluasi", "subkegiatan"], pekerja=1
    )
    # The empty reports are not in the seed's package (left out): laid out now.
    assert sorted(hasil.dirender) == sorted(
        ["evaluasi-pejabat-18", "evaluasi-unit-8", kunci_sub("2.07.05.2.02.0003")]
        + [k for k in kunci_kosong() if k.startswith("subkegiatan-")]
    )
    assert len(hasil.dari_cache) == 15 + 22 + 44 - 3 - 22
    # The LAKIP prints the value too: its key changed, so it would be laid out.
    lakip_baru = cache.sidik(daftar_bagian(susun_konteks(instansi, 2024, 1))[0].html)
    assert lakip_baru != lakip_lama
    assert not CacheBagianPdf.objects.filter(kunci=lakip_baru).exists()
    # The new value is in the re-laid-out report.
    pembaca = PdfReader(BytesIO(hasil.isi))
    sub = next(b for b in hasil.bagian if b.kunci == kunci_sub("2.07.05.2.02.0003"))
    teks = " ".join(
        teks_halaman(pembaca, sub.halaman_awal + i) for i in range(sub.jumlah_halaman)
    )
    assert "Jumlah Organisasi Pekerja/Pengusaha yang dibina" in teks
    assert " 11 " in teks


def test_parallel_layout_in_worker_processes(instansi):
    """Two worker processes, cache off: every part laid out, nothing stored."""
    sebelum = CacheBagianPdf.objects.count()
    langkah = []
    hasil = rakit_paket(
        instansi,
        2024,
        1,
        pilihan=["pernyataan-2", "pernyataan-3", "pernyataan-4", "evaluasi-unit-3"],
        pekerja=2,
        pakai_cache=False,
        kemajuan=lambda tahap, persen: langkah.append((tahap, persen)),
    )
    assert hasil.pekerja == 2
    assert len(hasil.dirender) == 4 and hasil.jumlah_halaman >= 4
    assert CacheBagianPdf.objects.count() == sebelum
    pembaca = PdfReader(BytesIO(hasil.isi))
    assert "JONI PATABI" in teks_halaman(pembaca, 0)
    assert "ADE ENDAH ULFIANA" in teks_halaman(pembaca, 2)
    # Progress counts the parts and only goes up.
    assert ("Bagian 4 dari 4 (0 dari cache)", 90) in langkah
    persen = [p for _, p in langkah]
    assert persen == sorted(persen)


def test_every_layout_of_a_parallel_build_is_in_the_workers(instansi, monkeypatch):
    """The LAKIP's contents page and the Daftar Lampiran, laid out after the
    parts, go to the build's workers too: this process lays nothing out."""

    def di_sini(html):
        raise AssertionError("ditata di proses aplikasi")

    monkeypatch.setattr(pdf, "render_pdf", di_sini)
    hasil = rakit_paket(
        instansi,
        2024,
        1,
        pilihan=["lakip", "pernyataan-2"],
        pekerja=2,
        pakai_cache=False,
    )
    assert "lakip/daftar-isi" in hasil.ditata
    pembaca = PdfReader(BytesIO(hasil.isi))
    assert "DAFTAR LAMPIRAN" in " ".join(
        teks_halaman(pembaca, i) for i in range(len(pembaca.pages))
    )


def test_a_signed_part_goes_in_as_issued(instansi):
    """Once signed, the evaluation table of Bidang HI is its issued PDF: a later
    change of the data does not lay it out again nor change it."""
    from django.contrib.auth.models import User

    from lakip.models import UnitKerja
    from lakip.services import jadikan_anggota
    from laporan.lampiran.terbit import tandatangani

    sahkan_triwulan(instansi, 2024, 1)
    kepala = User.objects.create_user("kabid-uji")
    kabid = UnitKerja.objects.get(pk=8).kepala  # signs the unit's table
    kabid.user = kepala
    kabid.save()
    jadikan_anggota(kepala, instansi)
    terbit = tandatangani(kepala, instansi, 2024, 1, "evaluasi-unit", "evaluasi-unit-8")
    r = RealisasiIndikator.objects.get(
        indikator__nama="Jumlah Organisasi Pekerja/Pengusaha yang dibina",
        tahun=2024,
        triwulan=1,
    )
    r.nilai = Decimal("11")
    r.save()
    hasil = rakit_paket(
        instansi, 2024, 1, pilihan=["evaluasi-unit-8"], pekerja=1, pakai_cache=False
    )
    [bagian] = hasil.bagian
    assert bagian.diterbitkan and hasil.dirender == []
    pembaca = PdfReader(BytesIO(hasil.isi))
    teks = " ".join(teks_halaman(pembaca, i) for i in range(len(pembaca.pages)))
    assert terbit.kode in teks
    assert "yang dibina OPP 8 8 8 8 8 100" in teks  # the value as signed, not 11
    issued = PdfReader(BytesIO(bytes(terbit.isi)))
    assert [p.extract_text() for p in pembaca.pages] == [
        p.extract_text() for p in issued.pages
    ]


def test_the_final_package_needs_every_unit_approved(instansi):
    """A draft part is never served as final: the watermark is in the part's
    HTML, hence in its cache key."""
    draf = rakit_paket(instansi, 2024, 1, pilihan=["undangan"], pekerja=1)
    assert [u.kode for u in draf.draf][-1] == "bidang-hi"
    assert draf.nama_berkas.startswith("DRAF-PAKET-")
    assert all("DRAF" in h.extract_text() for h in PdfReader(BytesIO(draf.isi)).pages)

    sahkan_triwulan(instansi, 2024, 1, kecuali=["bidang-hi"])
    masih = rakit_paket(instansi, 2024, 1, pilihan=["undangan"], pekerja=1)
    assert [u.kode for u in masih.draf] == ["bidang-hi"]
    assert masih.dari_cache == ["undangan"]  # still the same draft part

    sahkan_triwulan(instansi, 2024, 1)
    final = rakit_paket(instansi, 2024, 1, pilihan=["undangan"], pekerja=1)
    assert final.draf == [] and final.dirender == ["undangan"]
    assert final.bagian[0].kunci_cache != draf.bagian[0].kunci_cache
    assert final.nama_berkas.startswith("PAKET-")
    pembaca = PdfReader(BytesIO(final.isi))
    assert not any("DRAF" in h.extract_text() for h in pembaca.pages)
    assert "300.2.12/793/Transnaker/2024" in teks_halaman(pembaca, 0)
