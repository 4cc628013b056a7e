"""The DRAF watermark of documents from a quarter not yet approved."""

import io

from django.urls import reverse
from pypdf import PdfReader

from laporan import draf
from laporan.dokumen.kunci import SUB_KEGIATAN, UNDANGAN, kunci
from renstra.models import SubKegiatan
from tests.bantuan import sahkan_triwulan


def halaman(isi):
    return [h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages]


def test_the_style_goes_once_into_the_head():
    html = "<html><head><title>x</title></HEAD><body>isi</body></html>"
    ditandai = draf.tandai_draf(html)
    assert ditandai.index('id="tanda-draf"') < ditandai.index("</HEAD>")
    assert draf.tandai_draf(ditandai) == ditandai
    assert draf.html_cetak(html, []) == html
    assert draf.nama_berkas("A.pdf", [object()]) == "DRAF-A.pdf"


def test_unsigned_attachments_downloaded_while_draft(masuk, instansi):
    c = masuk("perencanaan")
    sub = SubKegiatan.objects.get(
        kode="2.07.05.2.02.0002", kegiatan__program__tahun=2024
    )
    url_sub = reverse(
        "laporan:dokumen_pdf", args=[2024, 1, kunci(SUB_KEGIATAN, sub.pk)]
    )
    url_undangan = reverse("laporan:dokumen_pdf", args=[2024, 1, UNDANGAN])
    respons = c.get(url_sub)
    assert (
        'filename="DRAF-SUBKEGIATAN-2.07.05.2.02.0002'
        in (respons["Content-Disposition"])
    )
    assert all("DRAF" in h for h in halaman(respons.content))
    assert all("DRAF" in h for h in halaman(c.get(url_undangan).content))

    sahkan_triwulan(instansi, 2024, 1)
    respons = c.get(url_sub)
    assert 'filename="SUBKEGIATAN-2.07.05.2.02.0002' in respons["Content-Disposition"]
    teks = halaman(respons.content)
    assert not any("DRAF" in h for h in teks)
    assert "PENYELESAIAN PERSELISIHAN" in " ".join(teks).upper()
    assert not any("DRAF" in h for h in halaman(c.get(url_undangan).content))
