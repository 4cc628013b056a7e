"""Kelengkapan: the readiness of every document of the seed's quarter (TW I
2024), its screen and its command. Expected facts come from the data (which sub
kegiatan have prose, who has no NIP), not from the program's output."""

import pytest
from django.core.management.base import CommandError
from django.urls import reverse

from lakip.models import Pegawai
from laporan.kelengkapan import (
    ISI,
    PENANDA,
    PENGESAHAN,
    SUBJEK,
    TANDA_TANGAN,
    susun_kelengkapan,
)
from laporan.lampiran.susun import pejabat_dievaluasi
from laporan.lampiran.uraian import BAGIAN
from laporan.models import UraianSubKegiatan
from renstra.models import SubKegiatan
from tests.bantuan import (
    baca_tabel,
    lengkapi_triwulan,
    perintah_laporan,
    sahkan_triwulan,
)

pytestmark = pytest.mark.django_db

URL = reverse("laporan:kelengkapan", args=[2024, 1])


def _sub_2024():
    return SubKegiatan.objects.filter(kegiatan__program__tahun=2024)


def _kunci_sub_tanpa_uraian():
    """The 2024 sub kegiatan whose report has no prose in any section A-F, from
    the stored prose."""
    berisi = set()
    for u in UraianSubKegiatan.objects.all():
        if any(getattr(u, n).strip() for n in BAGIAN):
            berisi.add(u.sub_kegiatan_id)
    return {f"subkegiatan-{s.pk}" for s in _sub_2024() if s.pk not in berisi}


def _kunci_unit_tanpa_teks():
    """The top-level units whose own quarterly report has no prose (the seed
    writes the Sekretariat's only)."""
    from lakip.models import UnitKerja
    from laporan.models import LaporanUnit

    ditulis = LaporanUnit.objects.values_list("unit_id", flat=True)
    unit = UnitKerja.objects.filter(induk__isnull=True).exclude(pk__in=ditulis)
    return {f"laporan-unit-{u.pk}" for u in unit}


def _kunci_kosong():
    return _kunci_sub_tanpa_uraian() | _kunci_unit_tanpa_teks()


def _baris(kel):
    return {r.kunci: r for r in kel.baris}


def test_the_empty_sub_kegiatan_reports_are_listed_as_empty(instansi):
    kel = susun_kelengkapan(instansi, 2024, 1)
    kosong = _kunci_sub_tanpa_uraian()
    # The seed carries the prose of half of the 44 reports.
    assert len(kosong) == _sub_2024().count() - UraianSubKegiatan.objects.count()
    assert len(kosong) == 22
    assert len(_kunci_unit_tanpa_teks()) == 4
    assert {r.kunci for r in kel.tidak_dilampirkan} == _kunci_kosong()
    baris = _baris(kel)
    for kunci in kosong:
        [isi] = [k for k in baris[kunci].kekurangan if k.aspek == ISI]
        pk = int(kunci.rpartition("-")[2])
        sub = SubKegiatan.objects.select_related("unit").get(pk=pk)
        assert isi.tautan == reverse(
            "laporan:subkegiatan_uraian", args=[2024, 1, sub.pk]
        )
        assert sub.unit.nama in isi.pelaku and "Perencanaan" in isi.pelaku
        assert not baris[kunci].siap and baris[kunci].kosong
    # A report with prose is filled, even when some sections are missing.
    for kunci in set(baris) - _kunci_kosong():
        assert baris[kunci].terisi


def test_missing_signers_and_nips_are_reported_with_who_must_act(instansi):
    kel = susun_kelengkapan(instansi, 2024, 1)
    baris = _baris(kel)
    # Every sub kegiatan without a PPTK or a pelaksana teknis (the seed prints
    # "(belum ditetapkan)" there): Perencanaan names them on the sub kegiatan.
    tanpa_pptk = [s for s in _sub_2024() if s.pptk_id is None]
    tanpa_pelaksana = [s for s in _sub_2024() if s.pelaksana_id is None]
    assert tanpa_pptk and tanpa_pelaksana
    for daftar, aspek, teks in (
        (tanpa_pptk, PENANDA, "PPTK belum ditetapkan"),
        (tanpa_pelaksana, SUBJEK, "Pelaksana teknis belum ditetapkan"),
    ):
        for sub in daftar:
            r = baris[f"subkegiatan-{sub.pk}"]
            [k] = [k for k in r.kekurangan if k.aspek == aspek]
            assert k.teks == teks and k.wajib
            assert k.pelaku == "Perencanaan (data sub kegiatan)"
            assert k.tautan == reverse("renstra:sub_kegiatan_ubah", args=[sub.pk])
            assert r.penanda_lengkap is False
    # Every evaluated official without a NIP: their pernyataan page and their
    # own table print "NIP. -"; the Admin instansi completes the staff record.
    dievaluasi = pejabat_dievaluasi(instansi, kel_data(instansi))
    tanpa_nip = [p for p in dievaluasi if not p.nip and p.dievaluasi_berjenjang]
    assert len(tanpa_nip) == 3
    for p in tanpa_nip:
        for kunci, peran in (
            (f"pernyataan-{p.pk}", "pejabat yang dievaluasi"),
            (f"evaluasi-pejabat-{p.pk}", "pejabat"),
        ):
            [nip] = [k for k in baris[kunci].kekurangan if "NIP" in k.teks]
            assert nip.teks == f"NIP {peran} {p.nama_lengkap} belum tercatat"
            assert nip.pelaku == "Admin instansi (data pegawai)"
            assert nip.tautan == reverse("admin:lakip_pegawai_change", args=[p.pk])
    # No unit is Disahkan in the seed: every document with figures waits.
    assert len(kel.unit_belum) == 8
    assert not kel.final
    lakip = baris["lakip"]
    assert [k.aspek for k in lakip.kekurangan] == [PENGESAHAN]
    assert "Pimpinan (sahkan)" in lakip.kekurangan[0].pelaku
    # The attendance lists are signed on paper: nothing lacks.
    assert baris["daftarhadir"].siap and baris["daftarhadir"].ditandatangani is None


def kel_data(instansi):
    from laporan.data_tersimpan import data_laporan

    return data_laporan(instansi, 2024, 1)


def test_a_complete_quarter_can_be_final_and_signing_is_reported(instansi):
    lengkapi_triwulan(instansi)
    kel = susun_kelengkapan(instansi, 2024, 1)
    assert kel.unit_belum == []
    assert [r.kunci for r in kel.dilampirkan if not r.siap] == []
    assert kel.final
    # Empty reports stay missing; a final package leaves them out.
    assert {r.kunci for r in kel.tidak_dilampirkan} == _kunci_kosong()
    # Nothing is signed yet: said, with the signer, but not required.
    joni = _baris(kel)["pernyataan-2"]
    [ttd] = joni.kekurangan
    assert ttd.aspek == TANDA_TANGAN and not ttd.wajib
    assert ttd.pelaku == Pegawai.objects.get(pk=2).atasan.nama_lengkap
    assert ttd.tautan == reverse("laporan:tanda_tangan", args=[2024, 1])
    assert joni.ditandatangani is False and joni.disahkan is True


def test_a_signed_document_is_reported_signed(instansi):
    from django.contrib.auth.models import User

    from lakip.models import UnitKerja
    from lakip.services import jadikan_anggota
    from laporan.lampiran.terbit import tandatangani

    sahkan_triwulan(instansi, 2024, 1)
    kepala = User.objects.create_user("kabid-kelengkapan")
    kabid = UnitKerja.objects.get(pk=8).kepala
    kabid.user = kepala
    kabid.save()
    jadikan_anggota(kepala, instansi)
    tandatangani(kepala, instansi, 2024, 1, "evaluasi-unit", "evaluasi-unit-8")
    r = _baris(susun_kelengkapan(instansi, 2024, 1))["evaluasi-unit-8"]
    assert r.ditandatangani is True and r.siap and r.kekurangan == []
    assert r.penanda == kabid.nama_lengkap


def test_the_screen_lists_every_document_with_links(masuk, instansi):
    c = masuk("perencanaan")
    halaman = c.get(URL).content.decode()
    kel = susun_kelengkapan(instansi, 2024, 1)
    assert (
        f"{len(kel.baris)} dokumen: {len(kel.siap)} siap, {len(kel.kurang)} belum "
        f"siap</b> ({len(_kunci_kosong())} kosong" in halaman
    )
    assert "Paket final belum dapat dibuat" in halaman
    tabel = baca_tabel(halaman, "tabel-kelengkapan")
    dokumen = [b for b in tabel[1:] if len(b) == 6]
    assert len(dokumen) == len(kel.baris)
    kosong = sorted(_kunci_sub_tanpa_uraian())[0]
    pk = int(kosong.rpartition("-")[2])
    assert f'id="dok-{kosong}"' in halaman
    assert reverse("laporan:subkegiatan_uraian", args=[2024, 1, pk]) in halaman
    assert reverse("realisasi:status") + "?tahun=2024&amp;triwulan=1" in halaman
    # Only the documents not ready.
    kurang = c.get(URL, {"tampil": "kurang"}).content.decode()
    baris = [b for b in baca_tabel(kurang, "tabel-kelengkapan")[1:] if len(b) == 6]
    assert len(baris) == len(kel.kurang)
    # The package page marks the empty reports.
    paket = c.get(reverse("laporan:lakip_paket", args=[2024, 1])).content.decode()
    assert paket.count("kosong, tidak dilampirkan</span>") == 22 + 4
    # Linked from the package page and the LAKIP page.
    for nama in ("laporan:lakip_paket", "laporan:lakip"):
        assert URL in c.get(reverse(nama, args=[2024, 1])).content.decode()


@pytest.mark.parametrize("username", ["kadis", "pemeriksa"])
def test_every_reader_of_reports_sees_it(masuk, username):
    c = masuk(username)
    assert c.get(URL).status_code == 200
    dasbor = c.get(reverse("laporan:dasbor"), {"tahun": 2024, "triwulan": 1})
    assert f'href="{URL}"' in dasbor.content.decode()


@pytest.mark.parametrize("username", ["kabid.hi", "operator.hi", "admin.instansi"])
def test_other_roles_are_refused(masuk, username):
    c = masuk(username)
    assert c.get(URL).status_code == 403
    # The dashboard does not offer a link they could not open.
    dasbor = c.get(reverse("laporan:dasbor"), {"tahun": 2024, "triwulan": 1})
    assert URL not in dasbor.content.decode()


def test_a_bad_period_is_not_found(masuk):
    c = masuk("perencanaan")
    assert c.get("/laporan/1900/1/kelengkapan/").status_code == 404
    assert c.get("/laporan/2024/5/kelengkapan/").status_code == 404


def test_another_agencys_user_sees_only_their_agency(client, instansi):
    from django.contrib.auth.models import Group, User

    from lakip.peran import Peran
    from lakip.services import atur_izin_peran, jadikan_anggota
    from laporan.sintetis import buat_instansi

    atur_izin_peran()
    lain = buat_instansi(1)
    user = User.objects.create_user("perencanaan.lain", password="x")
    user.groups.add(Group.objects.get(name=Peran.PERENCANAAN.value))
    jadikan_anggota(user, lain)
    client.force_login(user)
    halaman = client.get(URL).content.decode()
    assert "Kelengkapan dokumen Triwulan I Tahun 2024" in halaman
    for ciri in ("JONI PATABI", "Transmigrasi", "KAMAL RASYID"):
        assert ciri not in halaman


def test_the_command_prints_the_list_and_fails_while_not_final(instansi):
    from io import StringIO

    from django.core.management import call_command

    keluaran = StringIO()
    with pytest.raises(CommandError, match="Paket final belum dapat dibuat: ") as e:
        call_command(
            "laporan",
            "kelengkapan",
            "--tahun",
            "2024",
            "--triwulan",
            "1",
            stdout=keluaran,
        )
    teks = keluaran.getvalue()
    kel = susun_kelengkapan(instansi, 2024, 1)
    kurang = len(kel.kurang)
    assert f"{kurang} dari {len(kel.baris)} dokumen belum siap" in str(e.value)
    # 96 documents less the 3 duplicate Kasubag tables, 5 unit reports, the HI
    # register and SP/SB data, a program report
    assert len(kel.baris) == 93 + 5 + 2 + 1
    assert f"101 dokumen: {len(kel.siap)} siap, {kurang} belum siap (26 kosong" in teks
    for kunci in _kunci_kosong():
        assert f"[KOSONG] {kunci} " in teks
    moh = Pegawai.objects.get(nama__startswith="MOH. ARIFIN")
    assert (
        f"NIP pejabat yang dievaluasi {moh.nama_lengkap} belum tercatat — "
        "Admin instansi (data pegawai)  <"
        + reverse("admin:lakip_pegawai_change", args=[moh.pk])
        + ">"
    ) in teks


def test_the_command_succeeds_once_complete(instansi):
    lengkapi_triwulan(instansi)
    teks = perintah_laporan("kelengkapan", "--kurang")
    assert "Paket final dapat dibuat." in teks
    # Only the empty reports are not ready.
    assert teks.count("[KOSONG]") == 22 + 4 and "[KURANG]" not in teks
    assert "[SIAP " not in teks
