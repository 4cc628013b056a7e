"""Editing a unit report's prose: the unit's head or Perencanaan, bounded,
refused in Indonesian, recorded who/when; other units' heads get 403 and
another agency's users 404."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import UnitKerja
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from laporan.dokumen.kunci import LAPORAN_UNIT, kunci
from laporan.models import LaporanUnit
from laporan.sintetis import buat_instansi
from laporan.unit import services
from laporan.unit.susun import SEKSI, teks_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def sekretariat(instansi):
    return UnitKerja.objects.get(instansi=instansi, kode="sekretariat")


def _url(unit, triwulan=1):
    return reverse("laporan:laporan_unit", args=[2024, triwulan, unit.pk])


def _isian(unit, tahun=2024, triwulan=1, **ubah):
    teks = teks_unit(unit, tahun, triwulan)
    return {**{n: getattr(teks, n) for n in SEKSI}, **ubah}


def test_the_unit_head_edits_and_the_pdf_prints_it(masuk, sekretariat):
    client = masuk("sekretaris")
    assert client.get(_url(sekretariat)).status_code == 200
    data = _isian(sekretariat, penutup="Kesimpulan baru Sekretariat {tahun}.")
    respons = client.post(_url(sekretariat), data)
    assert respons.status_code == 302
    rekaman = LaporanUnit.objects.get(unit=sekretariat, tahun=2024, triwulan=1)
    assert rekaman.penutup == "Kesimpulan baru Sekretariat {tahun}."
    assert rekaman.diubah_oleh.username == "sekretaris"
    assert rekaman.diubah_pada is not None
    x = kunci(LAPORAN_UNIT, sekretariat.pk)
    pdf = client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, x]))

    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Kesimpulan baru Sekretariat 2024." in teks


def test_perencanaan_edits_a_bidang_and_its_report_is_no_longer_empty(masuk, instansi):
    hi = UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")
    client = masuk("perencanaan")
    halaman = client.get(_url(hi)).content.decode()
    assert "Rencana Kerja (Renja)" in halaman  # the template to start from
    data = {n: "" for n in SEKSI} | {"gambaran_umum": "Bidang HI membina."}
    assert client.post(_url(hi), data).status_code == 302
    assert teks_unit(hi, 2024, 1).gambaran_umum == "Bidang HI membina."


def test_another_units_head_and_an_operator_are_refused(masuk, sekretariat):
    sebelum = teks_unit(sekretariat, 2024, 1).penutup
    data = _isian(sekretariat, penutup="Bukan haknya.")
    assert masuk("kabid.hi").post(_url(sekretariat), data).status_code == 403
    assert masuk("kabid.hi").get(_url(sekretariat)).status_code == 403
    assert masuk("operator.hi").post(_url(sekretariat), data).status_code == 403
    assert teks_unit(sekretariat, 2024, 1).penutup == sebelum
    kabid = get_user_model().objects.get(username="kabid.hi")
    with pytest.raises(PermissionDenied):
        services.simpan_laporan_unit(sekretariat, 2024, 1, {"penutup": "x"}, oleh=kabid)


def test_another_agencys_user_gets_404(masuk, sekretariat):
    masuk("perencanaan")  # makes the role groups
    b = buat_instansi(1)
    user = get_user_model().objects.create_user("b.perencanaan")
    user.groups.add(Group.objects.get(name=Peran.PERENCANAAN.value))
    jadikan_anggota(user, b)
    client = Client()
    client.force_login(user)
    data = _isian(sekretariat, penutup="Dari instansi lain.")
    assert client.get(_url(sekretariat)).status_code == 404
    assert client.post(_url(sekretariat), data).status_code == 404
    assert "Dari instansi lain." not in teks_unit(sekretariat, 2024, 1).penutup
    pdf = reverse(
        "laporan:dokumen_pdf", args=[2024, 1, kunci(LAPORAN_UNIT, sekretariat.pk)]
    )
    assert client.get(pdf).status_code == 404


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("Tahun {tahunn}", "isian {tahunn} tidak dikenal"),
        ("x" * (services.PANJANG_MAKS + 1), "terlalu panjang"),
    ],
)
def test_bad_text_is_refused_in_indonesian_and_nothing_saved(
    masuk, sekretariat, isi, pesan
):
    sebelum = LaporanUnit.objects.get(unit=sekretariat, tahun=2024, triwulan=1)
    client = masuk("sekretaris")
    respons = client.post(_url(sekretariat), _isian(sekretariat, kewenangan=isi))
    assert respons.status_code == 400
    if "isian" in pesan:  # the form lets it through, the service refuses
        assert pesan in respons.content.decode()
    sesudah = LaporanUnit.objects.get(pk=sebelum.pk)
    assert (sesudah.kewenangan, sesudah.diubah_pada) == (
        sebelum.kewenangan,
        sebelum.diubah_pada,
    )
    with pytest.raises(services.LaporanUnitTidakValid):
        services.simpan_laporan_unit(
            sekretariat,
            2024,
            1,
            {"kewenangan": isi},
            oleh=get_user_model().objects.get(username="sekretaris"),
        )


def test_a_sub_unit_has_no_report(masuk, instansi):
    subbag = UnitKerja.objects.get(instansi=instansi, kode="subbag-perencanaan")
    assert masuk("perencanaan").get(_url(subbag)).status_code == 404


def test_the_next_quarter_starts_from_the_last_text(masuk, sekretariat):
    """TW II prints TW I's prose until the unit saves its own; saving TW II
    leaves TW I as it was."""
    tw1 = LaporanUnit.objects.get(unit=sekretariat, tahun=2024, triwulan=1)
    tw2 = teks_unit(sekretariat, 2024, 2)
    assert tw2.pk is None and tw2.kewenangan == tw1.kewenangan
    client = masuk("sekretaris")
    data = _isian(sekretariat, triwulan=2, penutup="Penutup TW II.")
    assert client.post(_url(sekretariat, 2), data).status_code == 302
    assert teks_unit(sekretariat, 2024, 2).pk is not None
    assert LaporanUnit.objects.get(pk=tw1.pk).penutup == tw1.penutup
    assert teks_unit(sekretariat, 2024, 3).penutup == "Penutup TW II."


def test_the_quarter_list(masuk, instansi):
    halaman = masuk("kabid.hi").get(
        reverse("laporan:laporan_unit_daftar", args=[2024, 1])
    )
    teks = halaman.content.decode()
    assert halaman.status_code == 200
    assert "Belum diisi" in teks and "Sekretariat" in teks
    hi = UnitKerja.objects.get(instansi=instansi, kode="bidang-hi")
    sekretariat = UnitKerja.objects.get(instansi=instansi, kode="sekretariat")
    assert _url(hi) in teks and _url(sekretariat) not in teks
