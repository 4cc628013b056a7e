"""The evaluation's documents in laporan's document registry (issue 17, item
8): yearly kinds served by the one route ``laporan:dokumen_pdf_tahun``, listed
and signed in the year's signing list, stored as ``DokumenTerbit`` of quarter
``TAHUNAN`` and then served as issued; never parts of a quarter's package."""

import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from evaluasi import services
from evaluasi.jenis_dokumen import IKU, LKE, MANUAL_IK, POHON
from lakip.selectors import kepala_instansi
from laporan.dokumen import jenis_dokumen, jenis_ttd, semua_jenis
from laporan.dokumen.kunci import TAHUN
from laporan.lampiran.terbit import daftar_dokumen
from laporan.models import DokumenTerbit
from laporan.paket.bagian import PilihanTidakValid, daftar_bagian, susun_konteks
from laporan.paket.rakit import rakit_paket
from renstra.models import Indikator

TAHUNAN = DokumenTerbit.TAHUNAN


def _teks(isi):
    teks = " ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages)
    return re.sub(r"\s+", " ", teks)


@pytest.fixture
def kadis(instansi, pimpinan):
    """The Pimpinan login is the Kepala Dinas's staff record."""
    pegawai = kepala_instansi(instansi)
    pegawai.user = pimpinan
    pegawai.save(update_fields=["user"])
    return pegawai


def _pdf(client, kode, tahun=2024):
    return client.get(reverse("laporan:dokumen_pdf_tahun", args=[tahun, kode]))


def test_jenis_tahunan_terdaftar_dan_bukan_jenis_triwulan():
    tahunan = [j.kode for j in semua_jenis(TAHUN)]
    assert {LKE, IKU, MANUAL_IK, POHON} <= set(tahunan)
    assert all(
        jenis_dokumen(k).tahunan and not jenis_dokumen(k).tempat for k in tahunan
    )
    triwulan = {j.kode for j in semua_jenis()}
    assert not triwulan & set(tahunan)
    assert {LKE, IKU} <= set(jenis_ttd(TAHUN))
    assert not {MANUAL_IK, POHON} & set(jenis_ttd(TAHUN))
    assert not {LKE, IKU} & set(jenis_ttd())


def test_daftar_tanda_tangan_tahun_memuat_lke_dan_iku(instansi, kadis):
    dok = {d.jenis: d for d in daftar_dokumen(instansi, 2024, TAHUNAN)}
    assert set(dok) == {LKE, IKU}
    assert dok[IKU].penanda == kadis and not dok[IKU].menunggu and dok[IKU].siap
    # No LKE filled: it waits for the Evaluator's final review.
    assert "difinalkan" in dok[LKE].menunggu and not dok[LKE].siap
    # A quarter's list has none of them.
    assert not {LKE, IKU} & {d.jenis for d in daftar_dokumen(instansi, 2024, 1)}


def test_dokumen_tahunan_bukan_bagian_paket_triwulan(instansi, client, pimpinan):
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    assert bagian and not {b.jenis for b in bagian} & {LKE, IKU, MANUAL_IK, POHON}
    for kode in (IKU, POHON):
        with pytest.raises(PilihanTidakValid):
            rakit_paket(instansi, 2024, 1, pilihan=[kode])
    client.force_login(pimpinan)
    # Each route serves only its own period's kinds.
    quarterly = reverse("laporan:dokumen_pdf", args=[2024, 1, IKU])
    assert client.get(quarterly).status_code == 404
    assert _pdf(client, "lakip").status_code == 404
    assert _pdf(client, "tidak-ada").status_code == 404


def test_iku_ditandatangani_lalu_disajikan_sebagai_terbitan(
    instansi, client, kadis, pimpinan, perencanaan
):
    client.force_login(pimpinan)
    halaman = client.get(reverse("laporan:tanda_tangan_tahun", args=[2024]))
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert "Dokumen Indikator Kinerja Utama Tahun 2024" in teks
    url_ttd = reverse("laporan:tandatangani_tahun", args=[2024, IKU, IKU])
    assert url_ttd in teks  # the sign button is the Kepala's

    # Before signing: laid out now, not a draft, naming the three IKU.
    sebelum = _pdf(client, IKU)
    assert sebelum.status_code == 200
    assert sebelum["Content-Disposition"].endswith(
        f'filename="IKU-2024-{instansi.kode}.pdf"'
    )
    assert "Kode verifikasi" not in _teks(sebelum.content)

    # Someone else (Perencanaan) may not sign it: nothing stored.
    client.force_login(perencanaan)
    client.post(url_ttd)
    assert not DokumenTerbit.objects.filter(jenis=IKU).exists()

    client.force_login(pimpinan)
    r = client.post(url_ttd)
    assert r.status_code == 302
    assert r.url == reverse("laporan:tanda_tangan_tahun", args=[2024])
    terbit = DokumenTerbit.objects.get(instansi=instansi, jenis=IKU)
    assert (terbit.tahun, terbit.triwulan, terbit.kunci) == (2024, TAHUNAN, IKU)
    assert terbit.penanda_nama == kadis.nama_lengkap
    assert str(terbit).endswith("— Tahun 2024")

    # From now on the route serves the issued PDF, as stored.
    sesudah = _pdf(client, IKU)
    assert bytes(sesudah.content) == bytes(terbit.isi)
    teks = _teks(sesudah.content)
    assert f"Kode verifikasi: {terbit.kode}" in teks
    assert kadis.nama_lengkap in teks
    iku = Indikator.objects.filter(
        tingkat="sasaran", sasaran__tujuan__periode__instansi=instansi
    )
    for ind in iku:
        assert re.sub(r"\s", "", ind.nama) in re.sub(r"\s", "", teks)
    # Signed twice: refused, still one record.
    client.post(url_ttd)
    assert DokumenTerbit.objects.filter(jenis=IKU).count() == 1

    # The verification page names the year, not a quarter.
    verifikasi = client.get(reverse("verifikasi", args=[terbit.kode])).content.decode()
    assert "Tahun 2024" in verifikasi and "Triwulan" not in verifikasi
    unduh = client.get(reverse("laporan:terbit_unduh", args=[terbit.kode]))
    assert unduh["Content-Disposition"].endswith(f'IKU-2024-{terbit.kode}.pdf"')
    # The year's list shows it signed, with its code.
    teks = client.get(reverse("laporan:tanda_tangan_tahun", args=[2024])).content
    assert terbit.kode in teks.decode() and url_ttd not in teks.decode()


def test_perintah_iku_menulis_pdf_terbitan(instansi, kadis, pimpinan, tmp_path):
    from laporan.lampiran.terbit import tandatangani

    terbit = tandatangani(pimpinan, instansi, 2024, TAHUNAN, IKU, IKU)
    tujuan = tmp_path / "iku.pdf"
    call_command("laporan", "iku", "--tahun", "2024", "--output", str(tujuan),
                 stdout=StringIO())  # fmt: skip
    assert tujuan.read_bytes() == bytes(terbit.isi)


def test_lke_ditandatangani_setelah_final(
    instansi, client, kadis, pimpinan, evaluator, lke_terisi
):
    client.force_login(pimpinan)
    url_ttd = reverse("laporan:tandatangani_tahun", args=[2024, LKE, LKE])
    # A draft: watermarked and named so, and not signable.
    draf = _pdf(client, LKE)
    assert draf["Content-Disposition"].endswith(
        f'filename="DRAF-LKE-2024-{instansi.kode}.pdf"'
    )
    assert "DRAF" in _teks(draf.content)
    r = client.post(url_ttd, follow=True)
    assert "difinalkan Evaluator" in r.content.decode()
    assert not DokumenTerbit.objects.filter(jenis=LKE).exists()

    services.setujui(pimpinan, lke_terisi)
    approved = _pdf(client, LKE)
    assert approved["Content-Disposition"].endswith(f'"LKE-2024-{instansi.kode}.pdf"')
    client.post(url_ttd)  # approved, not yet final: still waits
    assert not DokumenTerbit.objects.filter(jenis=LKE).exists()

    services.finalkan(evaluator, lke_terisi)
    client.post(url_ttd)
    terbit = DokumenTerbit.objects.get(instansi=instansi, jenis=LKE)
    assert terbit.triwulan == TAHUNAN
    sesudah = _pdf(client, LKE)
    assert bytes(sesudah.content) == bytes(terbit.isi)
    teks = _teks(sesudah.content)
    assert f"Kode verifikasi: {terbit.kode}" in teks
    assert "Final (direviu Evaluator)" in teks and "DRAF" not in teks
    # The Evaluator reads it through the same route.
    client.force_login(evaluator)
    assert bytes(_pdf(client, LKE).content) == bytes(terbit.isi)


def test_pohon_dan_manual_ik_tidak_ditandatangani(instansi, client, kadis, pimpinan):
    client.force_login(pimpinan)
    for kode, awalan, judul in [
        (POHON, "POHON-KINERJA", "POHON KINERJA"),
        (MANUAL_IK, "MANUAL-IK", "MANUAL INDIKATOR KINERJA"),
    ]:
        r = _pdf(client, kode)
        assert r["Content-Disposition"].endswith(f'"{awalan}-2024-{instansi.kode}.pdf"')
        assert judul in _teks(r.content).upper()
        url = reverse("laporan:tandatangani_tahun", args=[2024, kode, kode])
        assert client.post(url).status_code == 404
    assert not DokumenTerbit.objects.exists()


def test_peran_tanpa_hak_evaluasi_ditolak(instansi, client, buat_pengguna):
    from lakip.peran import Peran

    operator = buat_pengguna("uji.operator", Peran.OPERATOR_UNIT)
    client.force_login(operator)
    assert _pdf(client, IKU).status_code == 403
    url = reverse("laporan:tanda_tangan_tahun", args=[2024])
    assert client.get(url).status_code == 403


def test_tugas_kepala_dinas_menandatangani_dokumen_tahunan(
    instansi, kadis, pimpinan, perencanaan
):
    from lakip.tugas import tugas_untuk
    from laporan.lampiran.terbit import tandatangani

    url = reverse("laporan:tanda_tangan_tahun", args=[2024])
    tugas = [t for t in tugas_untuk(pimpinan) if t.url == url]
    assert len(tugas) == 1
    assert tugas[0].judul == "Tandatangani 1 dokumen tahunan 2024"
    assert tugas[0].keterangan == "Dokumen Indikator Kinerja Utama Tahun 2024"
    assert not [t for t in tugas_untuk(perencanaan) if t.url == url]
    tandatangani(pimpinan, instansi, 2024, TAHUNAN, IKU, IKU)
    assert not [t for t in tugas_untuk(pimpinan) if t.url == url]


def test_tugas_tahunan_diperbarui_oleh_evaluasi_bukan_oleh_realisasi(
    instansi, kadis, pimpinan, evaluator, lke_terisi
):
    """The Kepala Dinas's yearly tasks are computed once per version of the
    plan and the document records: the LKE becoming final (an evaluation
    record) adds the LKE to them; a realisation saved does not recompute
    them."""
    from unittest import mock

    from lakip.tugas import tugas_untuk
    from laporan.lampiran import terbit
    from realisasi.models import RealisasiIndikator

    url = reverse("laporan:tanda_tangan_tahun", args=[2024])

    def judul():
        return [t.keterangan for t in tugas_untuk(pimpinan) if t.url == url]

    assert judul() == ["Dokumen Indikator Kinerja Utama Tahun 2024"]
    services.setujui(pimpinan, lke_terisi)
    services.finalkan(evaluator, lke_terisi)
    lengkap = [
        "Lembar Kerja Evaluasi AKIP Tahun 2024, "
        "Dokumen Indikator Kinerja Utama Tahun 2024"
    ]
    assert judul() == lengkap

    r = RealisasiIndikator.objects.filter(indikator__sasaran__isnull=False).first()
    r.keterangan = "diubah"
    r.save()
    with mock.patch.object(
        terbit, "daftar_dokumen", side_effect=AssertionError("dihitung ulang")
    ):
        assert judul() == lengkap
