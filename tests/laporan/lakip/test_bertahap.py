"""The LAKIP laid out in sections (``laporan.lakip.seksi``/``gabung``): a
re-issue after one change lays out only the sections that print the changed
figure, and gives the same document as a cold build of the same data; the
contents page, folios, page labels and bookmarks come from where the headings
really are."""

import re
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from lakip.models import UnitKerja
from lakip.services import buat_akun_demo
from laporan.models import CacheBagianPdf
from laporan.paket.rakit import rakit_paket
from realisasi.selectors import lembar_entri
from realisasi.services import atur_periode_entri, simpan_realisasi
from renstra.models import SubKegiatan

pytestmark = pytest.mark.django_db

SUB = "2.07.05.2.01.0001"  # Bidang HI, "Pengesahan Peraturan Perusahaan"
BARU = "9.876.543"  # the new realisation, a figure found nowhere in the seed
SEKSI = [
    "lakip/depan",
    "lakip/bab-1",
    "lakip/bab-2",
    "lakip/sasaran-1",
    "lakip/sasaran-2",
    "lakip/sasaran-3",
    "lakip/anggaran",
    "lakip/bab-4",
    "lakip/daftar-isi",
]


def lakip(instansi, **kw):
    return rakit_paket(instansi, 2024, 1, pilihan=["lakip"], pekerja=1, **kw)


def penanda(pembaca, butir=None, tingkat=0):
    """The outline as ``[(level, title, 0-based page)]``, depth first."""
    hasil = []
    for b in pembaca.outline if butir is None else butir:
        if isinstance(b, list):
            hasil.extend(penanda(pembaca, b, tingkat + 1))
        else:
            hasil.append((tingkat, b.title, pembaca.get_destination_page_number(b)))
    return hasil


def teks(pembaca):
    return [" ".join(h.extract_text().split()) for h in pembaca.pages]


def daftar_isi(pembaca):
    """``[(entry, number)]`` of the contents page (leader dots dropped)."""
    halaman = next(
        h for h in pembaca.pages if h.extract_text().startswith("DAFTAR ISI")
    )
    hasil = []
    for baris in halaman.extract_text().splitlines():
        m = re.fullmatch(r"(.+?)\s*\.{3,}\s*([0-9ivx]+)", baris.strip())
        if m:
            hasil.append((m.group(1), m.group(2)))
    return hasil


@pytest.fixture
def ubah_realisasi(instansi):
    """Save one sub kegiatan's budget realisation through the entry service."""
    buat_akun_demo(instansi)
    pengguna = get_user_model().objects
    atur_periode_entri(pengguna.get(username="perencanaan"), instansi, 2024, 1, True)
    hi = UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")
    sub = SubKegiatan.objects.get(kode=SUB, kegiatan__program__tahun=2024)

    def ubah(nilai):
        simpan_realisasi(
            pengguna.get(username="operator.hi"),
            hi,
            2024,
            1,
            {"anggaran": {sub.pk: nilai}},
            lembar_entri(hi, 2024, 1).entri.versi,
        )

    return ubah


def test_a_re_issue_lays_out_only_what_changed_and_equals_a_cold_build(
    instansi, ubah_realisasi
):
    CacheBagianPdf.objects.all().delete()
    pertama = lakip(instansi)
    assert sorted(pertama.ditata) == sorted(SEKSI)
    assert lakip(instansi).ditata == []  # everything from the cache

    ubah_realisasi(BARU)
    ulang = lakip(instansi)
    dingin = lakip(instansi, pakai_cache=False)
    assert sorted(dingin.ditata) == sorted(SEKSI)

    # Only the sections printing the sub kegiatan's budget were laid out: the
    # budget table and the sasaran its programme serves (Bidang HI's programme:
    # Sasaran 2, Penyerapan Tenaga Kerja); not the contents page (no section
    # changed length).
    assert sorted(ulang.ditata) == ["lakip/anggaran", "lakip/sasaran-2"]
    assert ulang.dirender == ["lakip"]

    a, b = PdfReader(BytesIO(ulang.isi)), PdfReader(BytesIO(dingin.isi))
    assert ulang.jumlah_halaman == dingin.jumlah_halaman == len(a.pages)
    teks_a = teks(a)
    assert teks_a == teks(b)
    assert penanda(a) == penanda(b)
    assert daftar_isi(a) == daftar_isi(b)
    assert a.page_labels == b.page_labels
    assert a.metadata == b.metadata
    # The new figure is printed where it is laid out again, and only there.
    dengan = [i for i, t in enumerate(teks_a) if BARU in t]
    assert dengan
    outline = penanda(a)
    awal_anggaran = next(h for _, j, h in outline if j.startswith("3.2 "))
    awal_sasaran_2 = next(h for _, j, h in outline if j.startswith("Sasaran 2"))
    awal_sasaran_3 = next(h for _, j, h in outline if j.startswith("Sasaran 3"))
    akhir_anggaran = next(h for _, j, h in outline if j.startswith("BAB IV"))
    assert all(
        awal_sasaran_2 <= i < awal_sasaran_3 or awal_anggaran <= i < akhir_anggaran
        for i in dengan
    )
    assert any(i >= awal_anggaran for i in dengan)
    assert any(i < awal_anggaran for i in dengan)
    assert BARU not in " ".join(teks(PdfReader(BytesIO(pertama.isi))))


def test_contents_page_numbers_labels_and_folios(instansi):
    hasil = lakip(instansi, pakai_cache=False)
    pembaca = PdfReader(BytesIO(hasil.isi))
    label = pembaca.page_labels
    halaman = teks(pembaca)
    n = len(label)
    # Cover, front matter roman, body arabic from 1, as the folios say.
    assert label[0] == "Sampul"
    depan = label.index("1")
    assert label[1:depan] == ["i", "ii"][: depan - 1] and depan == 3
    assert label[depan:] == [str(i) for i in range(1, n - depan + 1)]
    for i in range(1, n):
        assert pembaca.pages[i].extract_text().split()[-1] == label[i], i
    assert label[0] not in halaman[0] and not halaman[0].split()[-1].isdigit()
    # Every page of the draft quarter carries the watermark.
    assert all("DRAF" in t for t in halaman)

    # The contents page's numbers are the pages where the headings are.
    outline = penanda(pembaca)
    isi = daftar_isi(pembaca)
    assert [j for j, _ in isi][:3] == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
    ]
    assert isi[-1] == ("LAMPIRAN", str(n - depan + 1))
    halaman_judul = []
    for judul, nomor in isi[:-1]:
        hlm = next(h for _, j, h in outline if j.startswith(judul))
        halaman_judul.append(hlm)
        assert label[hlm] == nomor, judul
        if not judul.startswith("BAB"):  # a chapter is in every running header
            assert judul in halaman[hlm]
            if label[hlm - 1].isdigit():  # not the contents page
                assert judul not in halaman[hlm - 1]

    # Each line of the contents page (but LAMPIRAN) links to its heading's page.
    daftar = next(h for h in pembaca.pages if h.extract_text().startswith("DAFTAR"))
    baris = {}  # a line's links (WeasyPrint writes one per box of the line)
    for a in daftar["/Annots"]:
        a = a.get_object()
        y = round(min(float(a["/Rect"][1]), float(a["/Rect"][3])))
        hlm = pembaca.get_page_number(a["/Dest"][0].get_object())
        baris.setdefault(y, set()).add(hlm)
    assert [baris[y] for y in sorted(baris, reverse=True)] == [
        {h} for h in halaman_judul
    ]

    # Bookmarks: the chapters and their sections as in the whole document.
    atas = [j for t, j, _ in outline if t == 0]
    assert atas == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA TAHUN 2024",
        "BAB III AKUNTABILITAS KINERJA TRIWULAN I TAHUN 2024",
        "BAB IV PENUTUP",
    ]
    bab3 = [(t, j.split(":")[0]) for t, j, _ in outline if t > 0][-5:]
    assert bab3 == [
        (1, "3.1 Capaian Kinerja Organisasi"),
        (2, "Sasaran 1"),
        (2, "Sasaran 2"),
        (2, "Sasaran 3"),
        (1, "3.2 Realisasi Anggaran"),
    ]
    # A section that does not open its chapter still has its running header.
    sasaran_2 = next(h for _, j, h in outline if j.startswith("Sasaran 2"))
    assert "BAB III AKUNTABILITAS KINERJA TRIWULAN I TAHUN 2024" in halaman[sasaran_2]
    # Tables of BAB III numbered on across its sections.
    nomor = re.findall(r"Tabel 3\.(\d+)\.", " ".join(halaman))
    assert nomor == [str(i) for i in range(1, len(nomor) + 1)] and len(nomor) > 12
    assert pembaca.metadata.title.startswith("LAKIP Triwulan I Tahun 2024")
