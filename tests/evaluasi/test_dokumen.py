"""Pohon kinerja and Dokumen IKU as PDF (``laporan pohon|iku``), and the tree's
data."""

import re
from io import StringIO

from django.core.management import call_command
from pypdf import PdfReader

from evaluasi.pohon import pohon_kinerja, rata
from renstra.models import Indikator, Kegiatan, Program, Sasaran


def _teks_pdf(path):
    teks = " ".join(h.extract_text() for h in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", teks)


def _ada(teks, kalimat):
    """``kalimat`` appears in ``teks``, ignoring where lines were broken."""
    return re.sub(r"\s+", "", kalimat) in re.sub(r"\s+", "", teks)


def test_pohon_kinerja_pdf_menyebut_seluruh_rencana(instansi, tmp_path):
    tujuan = tmp_path / "pohon.pdf"
    call_command(
        "laporan", "pohon", "--tahun", "2024", "--output", str(tujuan),
        stdout=StringIO(),
    )  # fmt: skip
    pdf = PdfReader(str(tujuan))
    halaman = pdf.pages[0]
    assert halaman.mediabox.width > halaman.mediabox.height  # landscape
    teks = _teks_pdf(tujuan)
    sasaran = Sasaran.objects.filter(tujuan__periode__instansi=instansi)
    program = Program.objects.filter(periode__instansi=instansi, tahun=2024)
    kegiatan = Kegiatan.objects.filter(program__in=program)
    assert sasaran.count() == 3 and program.count() == 7 and kegiatan.count() == 17
    for objek in [*sasaran, *program, *kegiatan]:
        assert _ada(teks, objek.nama), objek.nama
        for ind in Indikator.objects.filter(**{objek._meta.model_name: objek}):
            assert _ada(teks, ind.nama), ind.nama


def test_pohon_menandai_lintas_unit(instansi):
    pohon = pohon_kinerja(instansi, 2024)
    simpul = [s for _, s in rata(pohon["akar"])]
    sasaran = [s for s in simpul if s["tingkat"] == "sasaran"]
    assert len(sasaran) == 3
    assert all(s["indikator"] for s in sasaran)  # each sasaran with its IKU
    lintas = [s for s in simpul if s["lintas"]]
    assert lintas and all(len(s["unit"]) > 1 for s in lintas)
    tunggal = [s for s in simpul if s["tingkat"] == "sub_kegiatan"]
    assert all(not s["lintas"] and len(s["unit"]) == 1 for s in tunggal)
    assert sasaran[0]["url"].startswith("/laporan/dasbor/sasaran/")


def test_dokumen_iku_menyebut_tiga_iku_dengan_formula(instansi, tmp_path):
    tujuan = tmp_path / "iku.pdf"
    call_command(
        "laporan", "iku", "--tahun", "2024", "--output", str(tujuan),
        stdout=StringIO(),
    )  # fmt: skip
    teks = _teks_pdf(tujuan)
    iku = Indikator.objects.filter(
        tingkat="sasaran", sasaran__tujuan__periode__instansi=instansi
    )
    assert iku.count() == 3
    for ind in iku:
        assert _ada(teks, ind.nama), ind.nama
        assert _ada(teks, ind.formula), ind.formula
    assert "Persentase Penyerapan Tenaga Kerja Baru" in teks
    assert (
        "(Jumlah Penganggur yang terserap pada tahun-n / Jumlah Total Penganggur "
        "pada tahun n-1) x 100%" in teks
    )
