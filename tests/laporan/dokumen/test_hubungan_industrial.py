"""The Bidang HI's attachments as documents: the register of dispute cases and
the SP/SB data print the seed's records (read from the fixture's source) with
counts computed from them, sit in the package where the seed has them, are
signed by the unit's head, and are not served to another agency."""

import io
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Instansi, UnitKerja
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from laporan.dokumen.kunci import PERSELISIHAN, SERIKAT_PEKERJA, kunci
from laporan.lampiran.terbit import daftar_dokumen, tandatangani
from laporan.paket.bagian import daftar_bagian, susun_konteks
from realisasi.models import (
    JenisPerselisihan,
    StatusPerselisihan,
    TahapPerselisihan,
)
from tests.bantuan import sahkan_triwulan

SUMBER = yaml.safe_load(
    (
        Path(__file__).resolve().parents[3]
        / "fixtures"
        / "sumber"
        / "hubungan-industrial-2024-tw1.yaml"
    ).read_text("utf-8")
)

pytestmark = pytest.mark.django_db


def _teks(isi):
    halaman = PdfReader(io.BytesIO(isi)).pages
    return " ".join(" ".join(p.extract_text() for p in halaman).split())


def _rapi(teks):
    return " ".join(str(teks).split())


@pytest.fixture
def hi(instansi):
    return UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")


def _pdf(client, kunci_dokumen):
    respons = client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, kunci_dokumen]))
    assert respons.status_code == 200, respons.content[:300]
    return respons


def test_register_pdf_lists_the_seeds_cases_with_stage_and_status(masuk, hi):
    isi = _pdf(masuk("kadis"), kunci(PERSELISIHAN, hi.pk)).content
    teks = _teks(isi)
    # the signature never stands alone: the last page also holds the last case
    akhir = _rapi(PdfReader(io.BytesIO(isi)).pages[-1].extract_text())
    terakhir = sorted(SUMBER["perkara"], key=lambda p: p["tanggal"])[-1]
    assert hi.kepala.nama_lengkap in akhir
    assert _rapi(terakhir["pihak_pengusaha"]) in akhir
    assert "DAFTAR KASUS PENCATATAN PERSELISIHAN HUBUNGAN INDUSTRIAL" in teks
    urut = sorted(SUMBER["perkara"], key=lambda p: p["tanggal"])
    awal = []
    for no, p in enumerate(urut, 1):
        baris = (
            f"{no} {p['tanggal']:%d/%m/%Y} {_rapi(p['pendaftar'])} "
            f"{_rapi(p['pihak_pekerja'])} {_rapi(p['pihak_pengusaha'])}"
        )
        assert baris in teks, baris
        awal.append(teks.index(baris))
    assert awal == sorted(awal)  # in registration order
    # each row carries its kind, stage and status (the models' labels)
    for i, p in enumerate(urut):
        ruas = teks[awal[i] : awal[i + 1] if i + 1 < len(awal) else len(teks)]
        label = (
            f"{JenisPerselisihan(p['jenis']).label} "
            f"{TahapPerselisihan(p['tahap']).label} "
            f"{StatusPerselisihan(p['status']).label}"
        )
        assert label in ruas, (p["pendaftar"], label)
    # the counts are those of the records
    status = Counter(p["status"] for p in SUMBER["perkara"])
    jenis = Counter(p["jenis"] for p in SUMBER["perkara"])
    assert f"Jumlah kasus : {len(SUMBER['perkara'])}" in teks
    assert f"Dalam proses : {status['proses']}" in teks
    assert f"Selesai : {status['selesai']}" in teks
    assert f"Perselisihan hak : {jenis['hak']}" in teks
    assert f"Perselisihan kepentingan : {jenis['kepentingan']}" in teks
    # signed by the head of the Bidang
    assert hi.kepala.nama_lengkap in teks


def test_trade_union_pdf_lists_the_seeds_unions_and_their_total(masuk, hi):
    teks = _teks(_pdf(masuk("perencanaan"), kunci(SERIKAT_PEKERJA, hi.pk)).content)
    for no, s in enumerate(SUMBER["serikat"], 1):
        anggota = f"{s['jumlah_anggota']:,}".replace(",", ".")
        assert f"{no}. {s['perusahaan']} {s['nama']} - {anggota}" in teks
    total = sum(s["jumlah_anggota"] for s in SUMBER["serikat"])
    jumlah = f"{total:,}".replace(",", ".")
    assert f"Jumlah ({len(SUMBER['serikat'])} SP/SB) {jumlah}" in teks


def test_package_order_within_the_hi_unit_follows_the_seed(instansi, hi):
    bagian = daftar_bagian(susun_konteks(instansi, 2024, 1))
    kunci_hi = [b.kunci for b in bagian if b.kelompok == hi.nama]
    spsb, register = kunci(SERIKAT_PEKERJA, hi.pk), kunci(PERSELISIHAN, hi.pk)
    # seed lines 3703-3800: the SP/SB data, then the register, then the
    # officials' pages (3803 on)
    assert kunci_hi.index(spsb) + 1 == kunci_hi.index(register)
    pertama_pejabat = min(
        i for i, k in enumerate(kunci_hi) if k.startswith("pernyataan-")
    )
    assert kunci_hi.index(register) < pertama_pejabat
    assert kunci_hi.index("daftarhadir-" + str(hi.pk)) < kunci_hi.index(spsb)
    # no other unit has them
    semua = [b.kunci for b in bagian]
    assert sum(k.startswith(f"{PERSELISIHAN}-") for k in semua) == 1
    assert sum(k.startswith(f"{SERIKAT_PEKERJA}-") for k in semua) == 1


def test_signed_by_the_unit_head_once_the_quarter_is_approved(instansi, hi):
    dok = {
        d.kunci: d
        for d in daftar_dokumen(instansi, 2024, 1)
        if d.jenis in (PERSELISIHAN, SERIKAT_PEKERJA)
    }
    assert set(dok) == {kunci(PERSELISIHAN, hi.pk), kunci(SERIKAT_PEKERJA, hi.pk)}
    assert all(d.penanda == hi.kepala and d.siap for d in dok.values())
    sahkan_triwulan(instansi, 2024, 1)
    kabid = get_user_model().objects.create_user("kabid.hi.uji")
    jadikan_anggota(kabid, instansi)
    kabid.groups.add(Group.objects.get_or_create(name=Peran.KEPALA_UNIT)[0])
    hi.kepala.user = kabid
    hi.kepala.save()
    terbit = tandatangani(
        kabid, instansi, 2024, 1, PERSELISIHAN, kunci(PERSELISIHAN, hi.pk)
    )
    teks = _teks(bytes(terbit.isi))
    assert terbit.kode in teks and "DRAF" not in teks


def test_another_agency_gets_404(client, hi):
    lain = Instansi.objects.create(
        kode="dinas-lain", nama="Dinas Lain", pemda="Pemda Lain", kode_urusan="2.07"
    )
    pengguna = get_user_model().objects.create_user("perencana.lain")
    jadikan_anggota(pengguna, lain)
    pengguna.groups.add(Group.objects.get_or_create(name=Peran.PERENCANAAN)[0])
    client.force_login(pengguna)
    for k in (kunci(PERSELISIHAN, hi.pk), kunci(SERIKAT_PEKERJA, hi.pk)):
        url = reverse("laporan:dokumen_pdf", args=[2024, 1, k])
        assert client.get(url).status_code == 404
