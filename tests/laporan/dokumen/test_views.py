"""The one way to a document's PDF: laporan:dokumen_pdf."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from laporan.models import CacheBagianPdf

pytestmark = pytest.mark.django_db


def _url(kunci, tahun=2024, triwulan=1):
    return reverse("laporan:dokumen_pdf", args=[tahun, triwulan, kunci])


def _teks(respons):
    pdf = PdfReader(io.BytesIO(respons.content))
    return " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


def test_unsigned_document_is_built_through_the_part_cache(masuk):
    client = masuk("pemeriksa")
    CacheBagianPdf.objects.all().delete()
    respons = client.get(_url("evaluasi-unit-8"))
    assert respons["Content-Type"] == "application/pdf"
    assert (
        "EVALUASI-2024-TW1-disnakertrans-lutim.pdf" in (respons["Content-Disposition"])
    )
    assert "EVALUASI KINERJA" in _teks(respons)
    assert CacheBagianPdf.objects.filter(bagian="evaluasi-unit-8").count() == 1
    assert client.get(_url("evaluasi-unit-8")).content == respons.content


def test_a_kind_or_group_gives_all_its_documents(masuk):
    client = masuk("perencanaan")
    teks = _teks(client.get(_url("pernyataan")))
    assert teks.count("PERNYATAAN TELAH DIEVALUASI") == 15


def test_unknown_or_missing_documents_are_404(masuk):
    client = masuk("kadis")
    assert client.get(_url("surat-1")).status_code == 404
    assert client.get(_url("evaluasi-unit-999999")).status_code == 404
    assert client.get("/laporan/dokumen/1999/1/lakip/pdf/").status_code == 404
    assert client.get("/laporan/dokumen/2024/5/lakip/pdf/").status_code == 404


def test_rules_of_the_kind_decide_who_downloads(masuk, client):
    operator = masuk("operator.hi")
    assert operator.get(_url("lakip")).status_code == 403
    assert operator.get(_url("undangan")).status_code == 403
    client.logout()
    respons = client.get(_url("lakip"))
    assert respons.status_code == 302 and "/masuk/" in respons.url


def test_a_document_reads_only_what_it_prints(masuk, monkeypatch):
    """The invitation does not build the report data; the LAKIP alone does not
    assemble the attachments."""
    from laporan.dokumen import konteks

    def tidak_perlu(*args, **kwargs):
        raise AssertionError("tidak perlu dibaca")

    client = masuk("kadis")
    monkeypatch.setattr(konteks, "bangun_data_laporan", tidak_perlu)
    respons = client.get(_url("undangan"))
    assert "300.2.12/793/Transnaker/2024" in _teks(respons)
    monkeypatch.undo()
    monkeypatch.setattr(konteks, "susun_lampiran", tidak_perlu)
    assert "BAB I PENDAHULUAN" in _teks(client.get(_url("lakip")))
