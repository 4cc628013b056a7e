"""The register of industrial dispute cases and the SP/SB data: the seed's
records, the counts computed from them, and the screens (rights, bounded input,
agency boundary)."""

import datetime
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lakip.models import Instansi, UnitKerja
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from realisasi import hubungan_industrial as hi_mod
from realisasi.models import (
    EntriTriwulan,
    PerkaraPerselisihan,
    SerikatPekerja,
    StatusEntri,
)

SUMBER = yaml.safe_load(
    (
        Path(__file__).resolve().parents[2]
        / "fixtures"
        / "sumber"
        / "hubungan-industrial-2024-tw1.yaml"
    ).read_text("utf-8")
)

pytestmark = pytest.mark.django_db

ISIAN_BAIK = {
    "tanggal_pencatatan": "2024-03-25",
    "pendaftar": "Sdr. Uji Coba (pekerja PT. Contoh Jaya)",
    "pihak_pekerja": "Sdr. Uji Coba",
    "pihak_pengusaha": "PT. Contoh Jaya",
    "permasalahan": "Upah lembur belum dibayar",
    "jenis": "hak",
    "tahap": "bipartit",
    "status": "proses",
    "hasil": "",
    "tanggal_selesai": "",
    "keterangan": "",
}


def _url(unit, nama="realisasi:hubungan_industrial", *lagi):
    return reverse(nama, args=[unit.pk, 2024, 1, *lagi])


def test_seed_register_holds_the_sources_cases_in_date_order(hi):
    daftar = list(hi_mod.perkara_triwulan(hi, 2024, 1))
    assert [
        (p.tanggal_pencatatan, p.pendaftar, p.pihak_pengusaha, p.tahap, p.status)
        for p in daftar
    ] == sorted(
        (
            (
                s["tanggal"],
                s["pendaftar"],
                s["pihak_pengusaha"],
                s["tahap"],
                s["status"],
            )
            for s in SUMBER["perkara"]
        ),
        key=lambda t: t[0],
    )
    # The counts are computed from the records, never typed.
    rekap = hi_mod.rekap_perkara(daftar)
    assert rekap.jumlah == len(SUMBER["perkara"]) == 15
    per_status = Counter(s["status"] for s in SUMBER["perkara"])
    assert dict(rekap.per_status) == {
        "Dalam proses": per_status["proses"],
        "Selesai": per_status["selesai"],
    }
    assert sum(n for _, n in rekap.per_jenis) == 15
    # Another quarter: TW II carries over the cases not settled in TW I.
    tw2 = list(hi_mod.perkara_triwulan(hi, 2024, 2))
    assert len(tw2) == per_status["proses"]


def test_seed_trade_unions_in_the_sources_order(hi):
    daftar = list(hi_mod.serikat_triwulan(hi, 2024, 1))
    assert [(s.perusahaan, s.nama, s.jumlah_anggota) for s in daftar] == [
        (s["perusahaan"], s["nama"], s["jumlah_anggota"]) for s in SUMBER["serikat"]
    ]
    assert sum(s.jumlah_anggota for s in daftar) == 2336


def test_unit_head_adds_a_case_through_the_form(client, akun, hi):
    client.force_login(akun["kabid.hi"])
    halaman = client.get(_url(hi, "realisasi:unit"))
    assert _url(hi) in halaman.content.decode()  # reachable from the unit's page
    assert client.get(_url(hi, "realisasi:perkara_tambah")).status_code == 200
    respons = client.post(_url(hi, "realisasi:perkara_tambah"), ISIAN_BAIK)
    assert respons.status_code == 302
    baru = PerkaraPerselisihan.objects.get(pendaftar=ISIAN_BAIK["pendaftar"])
    assert baru.unit == hi and baru.instansi_id == hi.instansi_id
    assert baru.dibuat_oleh == akun["kabid.hi"] == baru.diubah_oleh
    assert baru.tanggal_pencatatan == datetime.date(2024, 3, 25)
    daftar = client.get(_url(hi)).content.decode()
    assert "Sdr. Uji Coba (pekerja PT. Contoh Jaya)" in daftar
    assert "Jumlah kasus: <strong>16</strong>" in daftar
    # changing it: settled, with its date
    ubah = {**ISIAN_BAIK, "status": "selesai", "hasil": "pb"}
    ubah["tanggal_selesai"] = "28/03/2024"
    respons = client.post(_url(hi, "realisasi:perkara_ubah", baru.pk), ubah)
    assert respons.status_code == 302
    baru.refresh_from_db()
    assert baru.status == "selesai" and baru.tanggal_selesai == datetime.date(
        2024, 3, 28
    )


@pytest.mark.parametrize(
    "ubah, kolom, pesan",
    [
        ({"tanggal_pencatatan": "2024-04-02"}, "tanggal_pencatatan", "harus antara"),
        ({"tanggal_pencatatan": "2023-12-31"}, "tanggal_pencatatan", "harus antara"),
        ({"tanggal_pencatatan": "31-31-2024"}, "tanggal_pencatatan", "tidak valid"),
        ({"tanggal_pencatatan": ""}, "tanggal_pencatatan", "wajib diisi"),
        (
            {"status": "selesai", "tanggal_selesai": "2024-03-01"},
            "tanggal_selesai",
            "sebelum pencatatan",
        ),
        ({"tanggal_selesai": "2024-03-28"}, "tanggal_selesai", "hanya untuk"),
        ({"jenis": "mogok"}, "jenis", "dari daftar"),
        ({"pendaftar": "x" * 301}, "pendaftar", "paling panjang"),
    ],
)
def test_bad_input_is_refused_in_indonesian_and_nothing_saved(
    client, akun, hi, ubah, kolom, pesan
):
    client.force_login(akun["kabid.hi"])
    sebelum = PerkaraPerselisihan.objects.count()
    respons = client.post(_url(hi, "realisasi:perkara_tambah"), {**ISIAN_BAIK, **ubah})
    assert respons.status_code == 400
    assert pesan in respons.content.decode()
    assert "tidak ada yang disimpan" in respons.content.decode()
    assert PerkaraPerselisihan.objects.count() == sebelum


def test_trade_union_form_refuses_a_bad_count(client, akun, hi):
    client.force_login(akun["operator.hi"])
    url = _url(hi, "realisasi:serikat_tambah")
    isian = {"perusahaan": "PT. Contoh", "nama": "SP Contoh", "jumlah_anggota": "-3"}
    respons = client.post(url, isian)
    assert respons.status_code == 400
    assert "bilangan bulat" in respons.content.decode()
    assert not SerikatPekerja.objects.filter(nama="SP Contoh").exists()
    respons = client.post(url, {**isian, "jumlah_anggota": "1.250"})
    assert respons.status_code == 302
    baru = SerikatPekerja.objects.get(nama="SP Contoh")
    assert (baru.jumlah_anggota, baru.tahun, baru.triwulan) == (1250, 2024, 1)
    assert baru.urutan == len(SUMBER["serikat"]) + 1


def test_rights_other_units_reviewers_and_a_locked_quarter(client, akun, hi, pk):
    # the head of another Bidang neither sees nor writes the HI register
    tambah = _url(hi, "realisasi:perkara_tambah")
    client.force_login(akun["sekretaris"])
    assert client.get(_url(hi)).status_code == 404
    assert client.post(tambah, ISIAN_BAIK).status_code == 404
    # a reader sees it but may not write
    client.force_login(akun["kadis"])
    assert client.get(_url(hi)).status_code == 200
    assert client.post(tambah, ISIAN_BAIK).status_code == 403
    # Perencanaan may write; not once the quarter is Disahkan
    client.force_login(akun["perencanaan"])
    EntriTriwulan.objects.create(
        unit=hi, tahun=2024, triwulan=1, status=StatusEntri.DISAHKAN
    )
    respons = client.post(_url(hi, "realisasi:perkara_tambah"), ISIAN_BAIK)
    assert respons.status_code == 409
    assert "disahkan" in respons.content.decode()
    assert not PerkaraPerselisihan.objects.filter(pendaftar=ISIAN_BAIK["pendaftar"])


def test_another_agency_gets_404_and_changes_nothing(client, instansi, hi):
    lain = Instansi.objects.create(
        kode="dinas-lain", nama="Dinas Lain", pemda="Pemda Lain", kode_urusan="2.07"
    )
    unit_lain = UnitKerja.objects.create(
        instansi=lain, kode="bidang-hi", nama="Bidang HI Lain", jenis="bidang"
    )
    perencana = get_user_model().objects.create_user("perencana.lain")
    jadikan_anggota(perencana, lain)
    perencana.groups.add(Group.objects.get_or_create(name=Peran.PERENCANAAN)[0])
    client.force_login(perencana)
    perkara = PerkaraPerselisihan.objects.filter(unit=hi).first()
    sebelum = PerkaraPerselisihan.objects.count()
    assert client.get(_url(hi)).status_code == 404
    tambah = _url(hi, "realisasi:perkara_tambah")
    assert client.post(tambah, ISIAN_BAIK).status_code == 404
    url = _url(hi, "realisasi:perkara_ubah", perkara.pk)
    assert client.post(url, ISIAN_BAIK).status_code == 404
    # nor through its own unit's URL with agency A's case id
    url = reverse("realisasi:perkara_ubah", args=[unit_lain.pk, 2024, 1, perkara.pk])
    assert client.post(url, ISIAN_BAIK).status_code == 404
    assert PerkaraPerselisihan.objects.count() == sebelum


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    tanggal=st.one_of(st.text(max_size=20), st.dates().map(str)),
    anggota=st.one_of(st.text(max_size=20), st.integers().map(str)),
)
def test_any_typed_date_or_count_is_saved_or_refused_never_500(
    client, akun, hi, tanggal, anggota
):
    client.force_login(akun["kabid.hi"])
    sebelum = PerkaraPerselisihan.objects.count()
    respons = client.post(
        _url(hi, "realisasi:perkara_tambah"),
        {**ISIAN_BAIK, "tanggal_pencatatan": tanggal, "tanggal_selesai": tanggal},
    )
    assert respons.status_code in (302, 400)
    assert PerkaraPerselisihan.objects.count() == sebelum  # selesai needs status
    sebelum = SerikatPekerja.objects.count()
    respons = client.post(
        _url(hi, "realisasi:serikat_tambah"),
        {
            "perusahaan": "PT. X",
            "nama": "SP X",
            "jumlah_anggota": anggota,
            "tanggal_pencatatan": tanggal,
        },
    )
    assert respons.status_code in (302, 400)
    assert SerikatPekerja.objects.count() == sebelum + (respons.status_code == 302)


def test_a_case_of_an_approved_quarter_keeps_its_registration(client, akun, hi):
    """In TW II a TW I case moves on (stage, status), but what was registered in
    the approved TW I stays."""
    EntriTriwulan.objects.create(
        unit=hi, tahun=2024, triwulan=1, status=StatusEntri.DISAHKAN
    )
    perkara = PerkaraPerselisihan.objects.get(
        unit=hi, pendaftar__startswith="Sandy (eks. Pekerja"
    )
    url = reverse("realisasi:perkara_ubah", args=[hi.pk, 2024, 2, perkara.pk])
    isian = {
        k: getattr(perkara, k) for k in ("pendaftar", "pihak_pekerja", "keterangan")
    } | {
        "tanggal_pencatatan": perkara.tanggal_pencatatan.isoformat(),
        "pihak_pengusaha": perkara.pihak_pengusaha,
        "permasalahan": perkara.permasalahan,
        "jenis": perkara.jenis,
        "tahap": "mediasi",
        "status": "selesai",
        "hasil": "anjuran",
        "tanggal_selesai": "2024-04-15",
    }
    client.force_login(akun["kabid.hi"])
    respons = client.post(url, {**isian, "pihak_pengusaha": "PT. Lain"})
    assert respons.status_code == 409
    assert "hanya tahap, status" in respons.content.decode()
    perkara.refresh_from_db()
    assert perkara.pihak_pengusaha == "PT. Nusa Konstruksi Enjiniring"
    assert perkara.status == "proses"
    assert client.post(url, isian).status_code == 302
    perkara.refresh_from_db()
    assert (perkara.tahap, perkara.status, perkara.tanggal_selesai) == (
        "mediasi",
        "selesai",
        datetime.date(2024, 4, 15),
    )


def test_only_units_of_the_hi_program_link_to_the_register(client, akun, hi):
    client.force_login(akun["perencanaan"])
    sekretariat = UnitKerja.objects.get(instansi=hi.instansi, kode="sekretariat")
    halaman = client.get(_url(sekretariat, "realisasi:unit")).content.decode()
    assert 'id="tautan-hi"' not in halaman
    halaman = client.get(_url(hi, "realisasi:unit")).content.decode()
    assert 'id="tautan-hi"' in halaman
