"""Adding a kind of document takes one module: this toy kind, declared and
registered here, shows up in the signing list, the package, the PDF view and
the command."""

import dataclasses
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from lakip.selectors import kepala_instansi
from laporan import dokumen
from laporan.dokumen.dasar import Bagian, DokumenTtd, JenisDokumen, nama_periode
from laporan.dokumen.kunci import kunci
from laporan.lampiran.terbit import daftar_dokumen, tandatangani
from laporan.paket.bagian import daftar_bagian, susun_konteks
from laporan.paket.rakit import rakit_paket

KODE = "catatan"

pytestmark = pytest.mark.django_db


def _html(k, terbit=None):
    kode = f" Kode verifikasi {terbit.kode}" if terbit else ""
    return (
        "<html><body><h1>Catatan Kepala Dinas</h1>"
        f"<p>Triwulan {k.triwulan} Tahun {k.tahun}.{kode}</p></body></html>"
    )


def _bagian(k, _subjek):
    return [
        Bagian(
            kunci(KODE),
            KODE,
            "Catatan Kepala Dinas",
            "",
            lambda: _html(k),
            terbit=k.terbit.get((KODE, kunci(KODE))),
        )
    ]


def _ttd(k):
    yield DokumenTtd(
        jenis=KODE,
        kunci=kunci(KODE),
        judul="Catatan Kepala Dinas",
        penanda=kepala_instansi(k.instansi),
        subjek_nama=k.instansi.nama,
        subjek_jabatan="Instansi",
        terbit=k.terbit.get((KODE, kunci(KODE))),
        html=lambda t: _html(k, t),
    )


CATATAN = JenisDokumen(
    kode=KODE,
    label="Catatan Kepala Dinas",
    tempat=(("instansi", _bagian),),
    nama_berkas=lambda i, t, w, pk=None: nama_periode("CATATAN", i, t, w),
    ttd=_ttd,
)


@pytest.fixture
def catatan():
    dokumen.daftarkan(CATATAN)
    yield CATATAN
    dokumen.hapus(KODE)


def _teks(isi):
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages)


def test_toy_kind_in_signing_list_package_view_and_command(
    catatan, instansi, masuk, tmp_path
):
    # the signing list and its page
    dok = [d for d in daftar_dokumen(instansi, 2024, 1) if d.jenis == KODE]
    assert [d.kunci for d in dok] == ["catatan"] and dok[0].siap
    client = masuk("kadis")
    halaman = client.get(reverse("laporan:tanda_tangan", args=[2024, 1]))
    assert "Catatan Kepala Dinas" in halaman.content.decode()
    # the package: after the LAKIP's instansi parts, before the units
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    kunci_bagian = [b.kunci for b in bagian]
    assert kunci_bagian.index("catatan") == kunci_bagian.index("daftarhadir") + 1
    hasil = rakit_paket(instansi, 2024, 1, pilihan=["catatan", "lakip"], pekerja=1)
    # (the package's Daftar Lampiran follows the LAKIP)
    assert [b.kunci for b in hasil.bagian] == ["lakip", "daftarlampiran", "catatan"]
    assert "Catatan Kepala Dinas" in _teks(hasil.isi)
    # the PDF view
    url = reverse("laporan:dokumen_pdf", args=[2024, 1, "catatan"])
    respons = client.get(url)
    assert "CATATAN-2024-TW1-disnakertrans-lutim.pdf" in respons["Content-Disposition"]
    assert "Triwulan 1 Tahun 2024." in _teks(respons.content)
    # the command has a subcommand for it
    tujuan = tmp_path / "catatan.pdf"
    call_command(
        "laporan", "catatan", "--tahun", "2024", "--triwulan", "1", "--output", tujuan
    )
    assert "Catatan Kepala Dinas" in _teks(tujuan.read_bytes())
    # signing it: the one signing function, then the issued PDF everywhere
    kadis = get_user_model().objects.get(username="kadis")
    terbit = tandatangani(kadis, instansi, 2024, 1, KODE, "catatan")
    assert terbit.kode in _teks(bytes(terbit.isi))
    assert client.get(url).content == bytes(terbit.isi)
    # public verification unless the kind says otherwise
    verifikasi = reverse("verifikasi", args=[terbit.kode])
    assert "Catatan Kepala Dinas" in client.get(verifikasi).content.decode()
    dokumen.daftarkan(dataclasses.replace(CATATAN, publik=False))
    assert client.get(verifikasi).status_code == 404


def test_toy_kind_is_gone_once_removed(instansi):
    assert KODE not in {j.kode for j in dokumen.semua_jenis()}
    assert all(d.jenis != KODE for d in daftar_dokumen(instansi, 2024, 1))
