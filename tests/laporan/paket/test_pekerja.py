"""Laying out a part in a worker (``laporan.paket.pekerja``): the stylesheets
parsed once per process give the PDF WeasyPrint makes of the document itself,
byte for byte; a process that ends leaves no fonts folder behind."""

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from weasyprint import HTML

from lakip.models import Instansi
from laporan import pdf
from laporan.draf import html_cetak
from laporan.paket import pekerja, penomoran
from laporan.paket.bagian import daftar_bagian, susun_konteks

FONT = (
    '@font-face { font-family: Uji; src: url("fonts/dejavu/DejaVuSans.ttf") } '
    "body { font-family: Uji }"
)


def _weasyprint(html):
    """The PDF WeasyPrint makes of ``html`` with its own stylesheets."""
    dokumen = HTML(
        string=html,
        base_url=pdf.BASE_URL,
        url_fetcher=pekerja.pengambil(pdf.BASE_URL),
    ).render(font_config=pekerja.konfigurasi_font())
    return dokumen.write_pdf(), len(dokumen.pages)


def _dokumen(gaya, isi, kepala=""):
    return (
        f"<!doctype html><html><head>{kepala}<style>{FONT}</style>{gaya}</head>"
        f"<body>{isi}</body></html>"
    )


@pytest.fixture
def gaya_kosong():
    pekerja._gaya.cache_clear()
    yield
    pekerja._gaya.cache_clear()


def test_a_stylesheet_is_parsed_once_for_every_document_that_has_it(gaya_kosong):
    teks = "<p>" + "Baris laporan. " * 200 + "</p>"
    for _ in range(3):
        pekerja.render_bagian(_dokumen("", teks), pdf.BASE_URL)
    info = pekerja._gaya.cache_info()
    assert (info.misses, info.hits) == (1, 2)


@pytest.mark.parametrize(
    "html",
    [
        # The later of two stylesheets wins: the second page size and the
        # larger type (more pages) must both apply.
        _dokumen(
            "<style>@page { size: A4 } p { font-size: 8pt }</style>"
            '<style id="kedua">@page { size: A4 landscape } p { font-size: 30pt }'
            "</style>",
            "<p>" + "Realisasi triwulan. " * 300 + "</p>",
        ),
        # A stylesheet in the body, after the text it styles.
        _dokumen(
            "",
            "<h1>Judul</h1><p>Isi</p><style>h1 { font-size: 60pt; color: red }</style>",
        ),
        # A style attribute beats a stylesheet's normal declaration.
        _dokumen(
            "<style>p { color: blue; font-size: 40pt !important }</style>",
            '<p style="color: green; font-size: 8pt">Hijau, besar</p>',
        ),
    ],
    ids=["urutan", "di-body", "atribut"],
)
def test_the_pdf_is_the_one_weasyprint_makes(html, gaya_kosong):
    assert pekerja.render_bagian(html, pdf.BASE_URL) == _weasyprint(html)
    assert pekerja._gaya.cache_info().misses > 0  # the styles were moved


@pytest.mark.parametrize(
    "html",
    [
        # An !important style attribute beats an !important stylesheet rule
        # only while both are the document's own.
        _dokumen(
            "<style>p { color: blue !important }</style>",
            '<p style="color: red !important">Merah</p>',
        ),
        # A <link> stylesheet (not fetched) and a medium: left to WeasyPrint.
        _dokumen(
            "",
            "<p>Teks</p>",
            kepala='<link rel="stylesheet" href="fonts/tidak-ada.css">',
        ),
        _dokumen('<style media="screen">p { font-size: 60pt }</style>', "<p>Teks</p>"),
        _dokumen("", "<!-- <style>p { font-size: 60pt }</style> --><p>Teks</p>"),
    ],
    ids=["atribut-penting", "link", "media", "komentar"],
)
def test_a_document_whose_cascade_could_differ_keeps_its_styles(html, gaya_kosong):
    assert pekerja.render_bagian(html, pdf.BASE_URL) == _weasyprint(html)
    assert pekerja._gaya.cache_info().misses == 0


@pytest.mark.django_db
def test_every_kind_of_the_seeds_parts_lays_out_as_weasyprint_makes_it():
    """One part of each kind of the seed's package (the LAKIP's front matter
    for the LAKIP), as the package lays it out: with the DRAF mark and
    without its own folio."""
    konteks = susun_konteks(Instansi.objects.get(), 2024, 1)
    contoh = {}
    for b in daftar_bagian(konteks):
        if b.terbit is None and b.jenis not in contoh:
            if b.rakitan is not None:
                teks = b.rakitan(True).tugas[0][1]
            else:
                teks = penomoran.tanpa_folio(html_cetak(b.html, True))
            contoh[b.jenis] = teks
    assert len(contoh) >= 10
    for jenis, teks in contoh.items():
        assert '<style id="tanda-draf">' in teks or jenis == "lakip", jenis
        assert pekerja.render_bagian(teks, pdf.BASE_URL) == _weasyprint(teks), jenis


def _folder_font():
    """The WeasyPrint fonts folders in the temporary directory."""
    return set(Path(tempfile.gettempdir()).glob("weasyprint-*"))


def test_a_process_that_ends_removes_its_fonts_folder():
    # The configuration is still held when the interpreter tears its modules
    # down (here by ``os``, one of the first modules, so one of the last
    # cleared), as a long-lived object may hold it: it is too late then for
    # WeasyPrint to remove its folder.
    program = (
        "import os\n"
        "from laporan.paket import pekerja\n"
        f"pekerja.render_bagian({_dokumen('', '<p>Teks</p>')!r}, {pdf.BASE_URL!r})\n"
        "os.dipegang = pekerja.konfigurasi_font()\n"
        "print(os.dipegang._folder)\n"
    )
    proses = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    folder = Path(proses.stdout.strip())
    assert folder.name.startswith("weasyprint-")
    assert not folder.exists()
    assert "Exception ignored" not in proses.stderr


def test_the_workers_of_a_build_remove_their_fonts_folders():
    sebelum = _folder_font()
    tugas = [(str(i), _dokumen("", f"<p>Bagian {i}</p>")) for i in range(4)]
    selesai = []
    with pdf.kumpulan_pekerja(2):
        pdf.render_banyak(tugas, 2, lambda k, isi, halaman: selesai.append(k))
    assert sorted(selesai) == ["0", "1", "2", "3"]
    assert _folder_font() - sebelum == set()
