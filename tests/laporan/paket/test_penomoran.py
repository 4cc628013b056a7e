"""One numbering for the package: continuous folios after the LAKIP's own, PDF
page labels equal to the printed folios, one number per page, and a Daftar
Lampiran whose pages are true, read back from the seed package's text; and
the joining rules on small parts (a part with its own labels, a part before
the LAKIP, a signed part whose own folio is covered)."""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter

from laporan import folio, pdf
from laporan.paket import daftar_lampiran, penomoran
from laporan.paket.rakit import HasilBagian, gabungkan, rakit_paket
from tests.bantuan import sahkan_triwulan

from .conftest import kunci_sub

pytestmark = pytest.mark.django_db

# Below this height (points) is the bottom margin of every document here.
KAKI = 40


def teks_di(halaman):
    """``[(x, y, text)]`` drawn on ``halaman`` (page space)."""
    temu = []

    def lihat(t, cm, tm, _font, _ukuran):
        if t.strip():
            temu.append(
                (
                    cm[0] * tm[4] + cm[2] * tm[5] + cm[4],
                    cm[1] * tm[4] + cm[3] * tm[5] + cm[5],
                    t.strip(),
                )
            )

    halaman.extract_text(visitor_text=lihat)
    return temu


def kaki(halaman):
    """The texts printed in the bottom margin of ``halaman``."""
    return [t for _, y, t in teks_di(halaman) if y < KAKI]


def baris_terakhir(halaman):
    return halaman.extract_text().splitlines()[-1].strip()


@pytest.fixture(scope="module")
def folio_seed(paket_seed):
    """The printed folio (last line) of every page of the seed package."""
    return [baris_terakhir(h) for h in paket_seed.pembaca.pages]


def test_folios_continue_from_the_lakip_to_the_last_page(paket_seed, folio_seed):
    hasil = paket_seed.hasil
    lakip = paket_seed.bagian("lakip")
    # The seed's package is a draft: its readiness list comes first, unnumbered.
    assert hasil.bagian[0].kunci == "kelengkapan"
    awal = lakip.halaman_awal
    assert awal == hasil.bagian[0].jumlah_halaman
    akhir_lakip = lakip.halaman_awal + lakip.jumlah_halaman - 1
    # The LAKIP's own folios: cover, roman front matter, arabic chapters.
    assert folio_seed[awal + 1] == "i"
    n = int(folio_seed[akhir_lakip])
    assert n > 40
    assert folio_seed[akhir_lakip - n + 1] == "1"
    # Then one sequence to the end, with no gap and no restart.
    sesudah = folio_seed[akhir_lakip + 1 :]
    assert sesudah == [str(n + 1 + i) for i in range(len(sesudah))]
    assert len(sesudah) == hasil.jumlah_halaman - awal - lakip.jumlah_halaman > 100
    # Each part knows its first folio.
    for b in hasil.bagian[2:]:
        assert b.folio == folio_seed[b.halaman_awal]


def test_page_labels_equal_the_printed_folios(paket_seed, folio_seed):
    label = paket_seed.pembaca.page_labels
    halaman = paket_seed.pembaca.pages
    # The readiness list stands outside the sequence: its own labels, no folio.
    awal = paket_seed.bagian("lakip").halaman_awal
    assert label[:awal] == [f"kelengkapan-{i}" for i in range(1, awal + 1)]
    assert all(kaki(halaman[i]) == [] for i in range(awal))
    assert label[awal] == "Sampul" and kaki(halaman[awal]) == []
    assert label[awal + 1 :] == folio_seed[awal + 1 :]


def test_no_attachment_page_prints_two_numbers(paket_seed, folio_seed):
    pembaca = paket_seed.pembaca
    lakip = paket_seed.bagian("lakip")
    for i in range(lakip.halaman_awal + lakip.jumlah_halaman, len(pembaca.pages)):
        assert kaki(pembaca.pages[i]) == [folio_seed[i]], f"halaman {i + 1}"


def _daftar(paket_seed):
    """``{row number: (title, listed page)}`` read from the Daftar Lampiran's
    text: a row starts with ``N.``, its title may wrap, its page ends it."""
    daftar = paket_seed.bagian(daftar_lampiran.KUNCI)
    baris, buka = {}, None
    for i in range(daftar.halaman_awal, daftar.halaman_awal + daftar.jumlah_halaman):
        teks = paket_seed.pembaca.pages[i].extract_text().replace("DRAF", "")
        for line in teks.splitlines()[:-1]:  # the last line is the folio
            line = line.strip()
            if buka is None:
                m = re.match(r"(\d+)\. (.*)", line)
                if not m:
                    continue  # heading, unit name
                buka = [int(m[1]), m[2]]
            else:
                buka[1] = f"{buka[1]} {line}".strip()
            m = re.fullmatch(r"(.*) (\d+|tidak dilampirkan)", buka[1])
            if m:
                baris[buka[0]] = (m[1], m[2])
                buka = None
    assert buka is None
    return baris


def test_daftar_lampiran_follows_the_lakip_and_its_pages_are_true(
    paket_seed, folio_seed
):
    hasil, pembaca = paket_seed.hasil, paket_seed.pembaca
    lakip = paket_seed.bagian("lakip")
    daftar = paket_seed.bagian(daftar_lampiran.KUNCI)
    assert hasil.bagian[2] is daftar  # after the readiness list and the LAKIP
    assert daftar.halaman_awal == lakip.halaman_awal + lakip.jumlah_halaman
    assert "DAFTAR LAMPIRAN" in pembaca.pages[daftar.halaman_awal].extract_text()
    # Its pages are in the sequence right after the LAKIP's last.
    assert (
        int(folio_seed[daftar.halaman_awal])
        == int(folio_seed[daftar.halaman_awal - 1]) + 1
    )
    lampiran = hasil.bagian[3:]
    baris = _daftar(paket_seed)
    # every part listed, and every document left out (the empty reports)
    lewat = hasil.tidak_dilampirkan
    assert len(lewat) == 22 + 4  # sub kegiatan and unit reports without prose
    assert sorted(baris) == list(range(1, len(lampiran) + len(lewat) + 1))
    assert [j for j, hlm in baris.values() if hlm == "tidak dilampirkan"] == [
        j for j, _ in baris.values() if any(r.judul.startswith(j) for r in lewat)
    ]
    halaman = {label: i for i, label in enumerate(pembaca.page_labels)}

    def nomor(kunci):
        """The row of part ``kunci`` in the list."""
        b = next(b for b in lampiran if b.kunci == kunci)
        return next(
            no
            for no, (judul, hlm) in baris.items()
            if hlm != "tidak dilampirkan" and b.judul.startswith(judul)
        )

    def buka(kunci):
        """The text of the page the list gives for part ``kunci``."""
        _judul, hlm = baris[nomor(kunci)]
        return " ".join(pembaca.pages[halaman[hlm]].extract_text().split())

    teks = buka("undangan")
    assert "UNDANGAN" in teks.upper() and "300.2.12/793/Transnaker/2024" in teks
    teks = buka("pernyataan-2")
    assert "PERNYATAAN TELAH DIEVALUASI" in teks and "JONI PATABI" in teks
    teks = buka("evaluasi-unit-8")
    assert "EVALUASI KINERJA BIDANG HUBUNGAN INDUSTRIAL" in teks
    teks = buka(kunci_sub("2.07.05.2.02.0003"))
    assert "LAPORAN PELAKSANAAN SUB KEGIATAN" in teks and "2.07.05.2.02.0003" in teks
    rekomendasi = [b.kunci for b in lampiran if b.jenis == "rekomendasi"]
    assert rekomendasi
    assert "REKOMENDASI" in buka(rekomendasi[-1]).upper()
    # The last part's page is the one that starts the package's last part.
    assert baris[nomor(lampiran[-1].kunci)][1] == folio_seed[lampiran[-1].halaman_awal]


def test_parts_left_out_are_listed_as_such(instansi):
    """A package that leaves an empty report out (``HasilPaket.
    tidak_dilampirkan``) lists it in its Daftar Lampiran, under its unit."""
    from laporan.models import UraianSubKegiatan
    from renstra.models import SubKegiatan

    ada = UraianSubKegiatan.objects.values_list("sub_kegiatan_id", flat=True)
    kosong = (
        SubKegiatan.objects.filter(kegiatan__program__tahun=2024, unit_id=8)
        .exclude(pk__in=ada)
        .order_by("kode")
        .first()
    )
    hasil = rakit_paket(
        instansi,
        2024,
        1,
        pilihan=["lakip", "undangan", f"subkegiatan-{kosong.pk}"],
        pekerja=1,
        kelengkapan=True,
    )
    assert [b.kunci for b in hasil.bagian] == [
        "kelengkapan",
        "lakip",
        "daftarlampiran",
        "undangan",
    ]
    pembaca = PdfReader(BytesIO(hasil.isi))
    daftar = hasil.bagian[2]
    teks = " ".join(pembaca.pages[daftar.halaman_awal].extract_text().split())
    undangan = hasil.bagian[3]
    assert f"Transnaker/2024 {undangan.folio}" in teks
    assert (
        "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja 2. Laporan Sub "
        f"Kegiatan {kosong.kode}"
    ) in teks
    assert teks.count("tidak dilampirkan") == 1


def test_a_single_document_keeps_its_own_folio(instansi):
    hasil = rakit_paket(instansi, 2024, 1, pilihan=["pernyataan-2"], pekerja=1)
    halaman = PdfReader(BytesIO(hasil.isi)).pages[0]
    assert kaki(halaman) == ["1"]  # its own CSS folio, bottom right
    [(x, _, _)] = [t for t in teks_di(halaman) if t[1] < KAKI]
    assert x > float(halaman.mediabox.width) * 0.7


def test_a_signed_part_shows_only_the_package_folio(instansi):
    """The issued evaluation table of Bidang HI prints its own folio; bound in
    a package, its pages show only the package's."""
    from django.contrib.auth.models import User

    from lakip.models import UnitKerja
    from lakip.services import jadikan_anggota
    from laporan.lampiran.terbit import tandatangani

    sahkan_triwulan(instansi, 2024, 1)
    kepala = User.objects.create_user("kabid-uji")
    kabid = UnitKerja.objects.get(pk=8).kepala
    kabid.user = kepala
    kabid.save()
    jadikan_anggota(kepala, instansi)
    terbit = tandatangani(kepala, instansi, 2024, 1, "evaluasi-unit", "evaluasi-unit-8")
    issued = PdfReader(BytesIO(bytes(terbit.isi))).pages
    assert [kaki(h) for h in issued] == [[str(i + 1)] for i in range(len(issued))]
    hasil = rakit_paket(
        instansi, 2024, 1, pilihan=["pernyataan-19", "evaluasi-unit-8"], pekerja=1
    )
    pembaca = PdfReader(BytesIO(hasil.isi))
    tabel = next(b for b in hasil.bagian if b.diterbitkan)
    assert tabel.jumlah_halaman == len(issued)
    assert pembaca.page_labels == [str(i + 1) for i in range(1 + len(issued))]
    for i, h in enumerate(issued, tabel.halaman_awal):
        assert kaki(pembaca.pages[i]) == [str(i + 1)]
        # Everything else of the issued page is there as signed.
        asli = h.extract_text().splitlines()[:-1]
        assert pembaca.pages[i].extract_text().splitlines()[: len(asli)] == asli
    akhir = tabel.halaman_awal + len(issued) - 1
    assert terbit.kode in pembaca.pages[akhir].extract_text()


# Small parts joined by ``gabungkan``.

GAYA = "<style>@page { size: A4; margin: 2cm; %s } .p { break-before: page }</style>"
FOLIO_CSS = "@bottom-right { content: counter(page); font-size: 9pt; }"


def _pdf(halaman, folio_css=""):
    isi = "".join(
        f'<p class="{"p" if i else ""}">{teks}</p>' for i, teks in enumerate(halaman)
    )
    return pdf.render_pdf(f"<html><head>{GAYA % folio_css}</head><body>{isi}")[0]


def _berlabel(halaman, nomor):
    """A part numbered by itself: its folios stamped, its labels set."""
    penulis = PdfWriter(clone_from=PdfReader(BytesIO(_pdf(halaman))))
    folio.cap_nomor(penulis, nomor)
    keluar = BytesIO()
    penulis.write(keluar)
    return keluar.getvalue()


def test_joining_keeps_a_labelled_part_and_numbers_the_others_after_it():
    isi = {
        "k": _pdf(["Kelengkapan dokumen"]),
        "l": _berlabel(
            ["Sampul", "Pengantar", "Bab satu", "Bab dua"],
            [
                folio.Nomor("", awalan="Sampul"),
                folio.Nomor(folio.GAYA_ROMAWI, 1),
                *folio.berurutan(2),
            ],
        ),
        "u": _pdf(["Undangan rapat", "Jadwal rapat"]),
        "t": _pdf(["Pernyataan bertanda tangan"], FOLIO_CSS),
    }
    bagian = [
        HasilBagian("kelengkapan", "kelengkapan", "Kelengkapan", "", "k"),
        HasilBagian("lakip", "lakip", "LAKIP", "", "l"),
        HasilBagian("undangan", "undangan", "Undangan", "", "u"),
        HasilBagian("pernyataan-2", "pernyataan", "Pernyataan", "Unit", "t"),
    ]
    bagian[3].diterbitkan = True
    assert kaki(PdfReader(BytesIO(isi["t"])).pages[0]) == ["1"]  # as issued

    gabungan, jumlah = gabungkan(bagian, isi, "Paket")
    pembaca = PdfReader(BytesIO(gabungan))
    assert jumlah == 8
    assert pembaca.page_labels == [
        "kelengkapan-1",  # before the LAKIP: outside the sequence
        "Sampul",
        "i",
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert [b.folio for b in bagian] == ["kelengkapan-1", "Sampul", "3", "5"]
    halaman = pembaca.pages
    assert kaki(halaman[0]) == []
    assert kaki(halaman[1]) == []
    # The labelled part's own folios, not stamped again.
    assert kaki(halaman[2]) == ["i"] and kaki(halaman[4]) == ["2"]
    assert kaki(halaman[5]) == ["3"] and kaki(halaman[6]) == ["4"]
    # The signed part: its own folio ("1", bottom right) taken off, the
    # package's stamped; its text is still there.
    assert kaki(halaman[7]) == ["5"]
    assert "Pernyataan bertanda tangan" in halaman[7].extract_text()


def test_a_folio_that_cannot_be_removed_is_covered():
    penulis = PdfWriter(
        clone_from=PdfReader(BytesIO(_pdf(["Pernyataan", "Tabel"], FOLIO_CSS)))
    )
    sendiri = [[t for t in teks_di(h) if t[1] < KAKI] for h in penulis.pages]
    assert [[t for _, _, t in s] for s in sendiri] == [["1"], ["2"]]
    assert penomoran.tutup_folio(penulis, 1, 1) == 1
    assert "re f" not in penulis.pages[0].get_contents().get_data().decode("latin-1")
    operasi = penulis.pages[1].get_contents().get_data().decode("latin-1")
    kotak = re.findall(r"1 g ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re f", operasi)
    [(x1, y1, _)] = sendiri[1]
    [(x, y, w, h)] = [tuple(map(float, k)) for k in kotak]
    assert x < x1 < x + w - 4 and y < y1 < y + h - 6  # over the folio
    # Drawn after the page's own content, so on top of it.
    asli = PdfReader(BytesIO(_pdf(["Pernyataan", "Tabel"], FOLIO_CSS))).pages[1]
    teks_asli = asli.get_contents().get_data().decode("latin-1")
    assert operasi.index(teks_asli) + len(teks_asli) < operasi.index(" re f")


def test_joining_without_a_lakip_numbers_from_one():
    isi = {"a": _pdf(["Satu", "Dua"]), "b": _pdf(["Tiga"])}
    bagian = [
        HasilBagian("a", "undangan", "A", "", "a"),
        HasilBagian("b", "rekomendasi", "B", "U", "b"),
    ]
    gabungan, _ = gabungkan(bagian, isi, "Paket")
    pembaca = PdfReader(BytesIO(gabungan))
    assert pembaca.page_labels == ["1", "2", "3"]
    assert [baris_terakhir(h) for h in pembaca.pages] == ["1", "2", "3"]


def test_an_unlabelled_lakip_is_read_from_its_printed_folios():
    # The LAKIP's scheme (templates/laporan/lakip/gaya.css).
    html = """<html><head><style>
    @page { size: A4; margin: 2.5cm; @bottom-center { content: counter(page) } }
    @page sampul { @bottom-center { content: none } }
    @page depan { @bottom-center { content: counter(page, lower-roman) } }
    @page :nth(1 of depan) { counter-reset: page 1 }
    @page :nth(1 of bab-awal) { counter-reset: page 1 }
    .s { page: sampul } .d { page: depan } .d > p, .b { break-before: page }
    .b { page: utama } .b.awal { page: bab-awal }
    </style></head><body><p class="s">Sampul</p>
    <div class="d"><p>Pengantar</p><p>Isi</p></div>
    <p class="b awal">Bab I</p><p class="b">Bab II</p><p class="b">Bab III</p>
    </body></html>"""
    pembaca = PdfReader(BytesIO(pdf.render_pdf(html)[0]))
    nomor = penomoran.nomor_lakip(pembaca)
    assert [n.label for n in nomor] == ["Sampul", "i", "ii", "1", "2", "3"]
    assert [baris_terakhir(h) for h in pembaca.pages[1:]] == [
        n.label for n in nomor[1:]
    ]


def test_the_list_puts_parts_left_out_at_the_end_of_their_unit():
    lampiran = [
        HasilBagian("undangan", "undangan", "Undangan", "", ""),
        HasilBagian("p-1", "pernyataan", "Pernyataan A", "Sekretariat", ""),
        HasilBagian("p-2", "pernyataan", "Pernyataan B", "Bidang X", ""),
    ]
    lewat = [HasilBagian("s-9", "subkegiatan", "Laporan Sub 9", "Sekretariat", "")]
    baris = daftar_lampiran.baris_daftar(lampiran, ["57", "59", "60"], lewat)
    assert [(b.no, b.judul, b.halaman, b.kelompok) for b in baris] == [
        (1, "Undangan", "57", False),
        (None, "Sekretariat", "", True),
        (2, "Pernyataan A", "59", False),
        (3, "Laporan Sub 9", "tidak dilampirkan", False),
        (None, "Bidang X", "", True),
        (4, "Pernyataan B", "60", False),
    ]
