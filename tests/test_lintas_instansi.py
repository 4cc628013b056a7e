"""Agency boundaries (issue 12, item 1): every URL pattern of the app and every
admin page, walked as every role of agency B against agency A's ids, never answers
200 with A's data and never changes A's records; an account without an agency sees
no agency page. Covers URLs and admin models added later automatically."""

import datetime
import functools
import io
from unittest import mock

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.filters import RelatedFieldListFilter
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.forms import ModelChoiceField
from django.urls import reverse
from django.utils import timezone

from lakip.admin_lingkup import AdminInstansi, LingkupInstansi, jalur_model
from lakip.models import Delegasi, Pegawai
from lakip.peran import Peran
from lakip.services import atur_izin_peran, buat_akun_demo, jadikan_anggota
from laporan.models import BerkasLaporan, Laporan
from laporan.sintetis import buat_instansi
from renstra.models import ImporSIPD, PerjanjianKinerja, SalinanRencana
from tests.bantuan import isian_formulir
from tests.lakip import test_urls

APPS = ["lakip", "renstra", "realisasi", "laporan"]
# Strings found only in agency A's (the seed's) data.
CIRI_A = ["Transmigrasi", "KAMAL RASYID", "Luwu Timur", "JONI PATABI"]
# Ids tried in every id position of a URL: all of them are agency A's rows.
ID_A = ["1", "8"]

# Role -> (unit code of agency B whose staff holds it, "kepala" or "operator").
PERAN_B = {
    Peran.PIMPINAN: (None, "kadis"),
    Peran.PERENCANAAN: ("subbag-perencanaan", "kepala"),
    Peran.KEPALA_UNIT: ("bidang-a", "kepala"),
    Peran.OPERATOR_UNIT: ("bidang-a", "operator"),
    Peran.PEMERIKSA: (None, None),
    Peran.ADMIN_INSTANSI: ("sekretariat", "kepala"),
}


def _model_data():
    return [m for a in APPS for m in apps.get_app_config(a).get_models()] + [
        get_user_model()
    ]


def _potret(pk_a):
    """Every field of every agency-A row, to compare before and after."""
    return {
        model._meta.label: serializers.serialize(
            "json", model.objects.filter(pk__in=pk).order_by("pk")
        )
        for model, pk in pk_a.items()
        if model is not get_user_model()  # last_login moves with logins
    }


def _rekaman_tambahan_a(instansi):
    """Agency-A records the seed lacks, each naming A, and the URL names that take
    their id: ``{url name prefix: id}``."""
    pegawai = Pegawai.objects.get(nama="JONI PATABI")
    pk, _ = PerjanjianKinerja.objects.get_or_create(
        instansi=instansi,
        tahun=2024,
        pihak_pertama=pegawai,
        defaults={
            "pihak_kedua": pegawai.atasan,
            "tanggal": datetime.date(2024, 1, 5),
        },
    )
    impor = ImporSIPD.objects.create(
        instansi=instansi,
        jenis="dpa",
        tahun=2024,
        nama_file="DPA Transmigrasi.xlsx",
        ukuran=1,
        sidik="0" * 64,
        isi=b"x",
    )
    salinan = SalinanRencana.objects.create(
        instansi=instansi, tahun_asal=2024, tahun_tujuan=2025
    )
    berkas = BerkasLaporan.objects.create(
        laporan=Laporan.objects.get(instansi=instansi),
        diminta_pada=timezone.now(),
    )
    # A Plh. of the Sekretaris (its admin pages are walked with this id).
    Delegasi.objects.create(
        instansi=instansi,
        pejabat=pegawai,
        pelaksana=Pegawai.objects.get(nama="MUH. ARFAH TAUFIEK"),
        jenis=Delegasi.Jenis.PLH,
        mulai=datetime.date(2024, 3, 1),
        selesai=datetime.date(2024, 3, 9),
        nomor_sk="800/1/2024",
        tanggal_sk=datetime.date(2024, 2, 28),
        dicatat_pada=timezone.now(),
    )
    return {
        "renstra:pk_": pk.pk,
        "laporan:pk_": pk.pk,
        "renstra:impor_": impor.pk,
        "renstra:salinan": salinan.pk,
        "laporan:berkas": berkas.pk,
    }


def _url_a(nama, daftar, tambahan):
    """The example paths of ``nama`` with agency A's ids, including the extra
    records made for the patterns the seed has no rows for."""
    for awalan, pk in tambahan.items():
        if nama.startswith(awalan):
            daftar = [*daftar, _contoh_dengan_id(str(pk))[nama]]
    return daftar


@pytest.fixture
def dua_instansi(instansi):
    """Agency A (the seed, with its demo accounts) and a synthetic agency B with one
    staff-staffed login per role; returns ``(pk_a, akun_b)``."""
    buat_akun_demo(instansi)
    tambahan = _rekaman_tambahan_a(instansi)
    pk_a = {m: set(m.objects.values_list("pk", flat=True)) for m in _model_data()}
    b = buat_instansi(1)
    atur_izin_peran()
    User = get_user_model()
    akun_b = {}
    for peran, (unit, jenis) in PERAN_B.items():
        user = User.objects.create_user(f"b.{peran.value.lower()}", is_staff=True)
        user.groups.add(Group.objects.get(name=peran.value))
        jadikan_anggota(user, b)
        pegawai = None
        if jenis == "kadis":
            pegawai = Pegawai.objects.get(instansi=b, atasan__isnull=True)
        elif jenis == "kepala":
            pegawai = b.unit_kerja.get(kode=unit).kepala
        elif jenis == "operator":
            pegawai = Pegawai.objects.get(
                instansi=b, unit__kode=unit, jabatan__startswith="Pelaksana"
            )
        if pegawai is not None:
            pegawai.user = user
            pegawai.save(update_fields=["user"])
        akun_b[peran] = user
    return pk_a, akun_b, tambahan


# Public files of the app itself, the same for every agency.
BERKAS_PUBLIK = {"favicon"}


def _teks_respons(respons, keterangan):
    """The text a person would read in ``respons``: the page, the JSON, every
    page of a PDF or every cell of a workbook (the user's own agency's
    documents are downloads too)."""
    jenis = respons.get("Content-Type", "")
    isi = b"".join(respons) if respons.streaming else respons.content
    if jenis.startswith("application/pdf"):
        from pypdf import PdfReader

        return "\n".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages)
    if jenis.startswith("application/vnd.openxmlformats"):
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(isi), read_only=True)
        return "\n".join(
            str(sel)
            for ws in wb.worksheets
            for baris in ws.iter_rows(values_only=True)
            for sel in baris
            if sel is not None
        )
    assert jenis.startswith(("text/html", "application/json")), keterangan
    return isi.decode()


def _tanpa_data_a(respons, keterangan):
    assert respons.status_code < 500, keterangan
    if respons.status_code != 200 or keterangan[0] in BERKAS_PUBLIK:
        return
    teks = _teks_respons(respons, keterangan)
    for ciri in CIRI_A:
        assert ciri not in teks, (keterangan, ciri)


@functools.cache
def _contoh_dengan_id(id_a):
    """``{url name: example path}`` with every ``<int:…>`` set to ``id_a``."""
    with mock.patch.dict(test_urls._CONTOH, {"int": id_a}):
        return dict(test_urls._pola())


# Every URL pattern: (name, [its example paths, one per id of agency A tried]).
URL_A = sorted(
    (nama, sorted({_contoh_dengan_id(i)[nama] for i in ID_A}))
    for nama, _ in test_urls.SEMUA
)


@pytest.mark.parametrize("peran", list(PERAN_B), ids=lambda p: p.value)
def test_every_url_as_agency_b_shows_and_changes_nothing_of_a(
    client, dua_instansi, peran
):
    pk_a, akun_b, tambahan = dua_instansi
    sebelum = _potret(pk_a)
    client.force_login(akun_b[peran])
    for nama, daftar in URL_A:
        if nama in {"keluar", "masuk"}:
            continue
        for url in _url_a(nama, daftar, tambahan):
            _tanpa_data_a(client.get(url), (nama, url, "GET"))
            _tanpa_data_a(client.post(url), (nama, url, "POST"))
    assert _potret(pk_a) == sebelum


@pytest.mark.parametrize("peran", list(PERAN_B), ids=lambda p: p.value)
def test_yearly_documents_as_agency_b_are_b_own(client, instansi, dua_instansi, peran):
    """The yearly route names no agency (``laporan:dokumen_pdf_tahun``, the
    walk above tries it with an unknown key only): every yearly kind, the
    year's signing list and its sign action, as agency B's user, show and
    sign B's documents only, even once A's are signed."""
    from laporan.dokumen import semua_jenis
    from laporan.dokumen.kunci import TAHUN
    from laporan.lampiran.terbit import daftar_dokumen, tandatangani
    from laporan.models import DokumenTerbit

    pk_a, akun_b, _ = dua_instansi
    kadis_a = Pegawai.objects.get(user__username="kadis")
    tahunan = DokumenTerbit.TAHUNAN
    dokumen_a = daftar_dokumen(instansi, 2024, tahunan)
    for d in dokumen_a:
        if d.siap:
            tandatangani(kadis_a.user, instansi, 2024, tahunan, d.jenis, d.kunci)
    terbit_a = set(DokumenTerbit.objects.filter(instansi=instansi).values_list("pk"))
    assert terbit_a  # A's IKU at least is signed
    kinds = semua_jenis(TAHUN)
    assert kinds
    sebelum = _potret(pk_a)
    client.force_login(akun_b[peran])
    for j in kinds:
        url = reverse("laporan:dokumen_pdf_tahun", args=[2024, j.kode])
        _tanpa_data_a(client.get(url), (j.kode, url, "GET"))
    url = reverse("laporan:tanda_tangan_tahun", args=[2024])
    _tanpa_data_a(client.get(url), ("tanda_tangan_tahun", url, "GET"))
    for d in dokumen_a:
        url = reverse("laporan:tandatangani_tahun", args=[2024, d.jenis, d.kunci])
        _tanpa_data_a(client.post(url, follow=True), (d.jenis, url, "POST"))
    assert _potret(pk_a) == sebelum
    sekarang = set(DokumenTerbit.objects.filter(instansi=instansi).values_list("pk"))
    assert sekarang == terbit_a


def _pilihan_bersih(form, pk_a, keterangan):
    # A formset's hidden row id is checked against the parent's rows on save; the
    # blank template row lists none, so it is not a choice a user is offered.
    pk_baris = form._meta.model._meta.pk.name
    for nama, bidang in form.fields.items():
        if isinstance(bidang, ModelChoiceField) and nama != pk_baris:
            model = bidang.queryset.model
            bocor = set(bidang.queryset.values_list("pk", flat=True)) & pk_a.get(
                model, set()
            )
            assert not bocor, (keterangan, nama, sorted(bocor)[:5])


def _halaman_admin_bersih(respons, pk_a, keterangan):
    _tanpa_data_a(respons, keterangan)
    if respons.status_code != 200 or respons.context is None:
        return
    cl = respons.context.get("cl")
    if cl is not None:
        model = cl.model
        assert not set(cl.queryset.values_list("pk", flat=True)) & pk_a[model]
        for spec in cl.filter_specs:
            if isinstance(spec, RelatedFieldListFilter):
                pilihan = {pk for pk, _ in spec.lookup_choices}
                assert not pilihan & pk_a.get(spec.field.related_model, set()), (
                    keterangan,
                    spec.field_path,
                )
    adminform = respons.context.get("adminform")
    if adminform is not None:
        _pilihan_bersih(adminform.form, pk_a, keterangan)
        for inline in respons.context.get("inline_admin_formsets", []):
            for form in inline.formset.forms + [inline.formset.empty_form]:
                _pilihan_bersih(form, pk_a, keterangan)


@pytest.mark.parametrize("peran", list(PERAN_B), ids=lambda p: p.value)
def test_every_admin_page_as_agency_b_shows_and_changes_nothing_of_a(
    client, dua_instansi, peran
):
    pk_a, akun_b, tambahan = dua_instansi
    sebelum = _potret(pk_a)
    client.force_login(akun_b[peran])
    _tanpa_data_a(client.get("/admin/"), "admin index")
    for model in admin.site._registry:
        awalan = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        for url in [reverse(f"{awalan}_changelist"), reverse(f"{awalan}_add")]:
            _halaman_admin_bersih(client.get(url), pk_a, url)
        milik_a = sorted(pk_a.get(model, set()))[:2]
        for pk in milik_a:
            for akhiran in ["change", "delete", "history"]:
                url = reverse(f"{awalan}_{akhiran}", args=[pk])
                respons = client.get(url)
                assert respons.status_code in (302, 403, 404), (url, peran)
                respons = client.post(url, {"post": "yes"})
                assert respons.status_code in (302, 403, 404), (url, peran)
            url = reverse(f"{awalan}_changelist")
            client.post(url, {"action": "delete_selected", "_selected_action": [pk]})
    assert _potret(pk_a) == sebelum


def test_autocomplete_offers_only_own_staff(client, dua_instansi):
    pk_a, akun_b, tambahan = dua_instansi
    client.force_login(akun_b[Peran.PERENCANAAN])
    respons = client.get(
        "/admin/autocomplete/",
        {"app_label": "lakip", "model_name": "unitkerja", "field_name": "kepala"},
    )
    assert respons.status_code == 200
    hasil = {int(r["id"]) for r in respons.json()["results"]}
    assert hasil and not hasil & pk_a[Pegawai]


def test_perencanaan_b_cannot_relink_agency_a_staff(client, instansi, dua_instansi):
    pk_a, akun_b, tambahan = dua_instansi
    kadis_a = Pegawai.objects.get(user__username="kadis")
    perencanaan_b = akun_b[Peran.PERENCANAAN]
    client.force_login(perencanaan_b)
    url = reverse("admin:lakip_pegawai_change", args=[kadis_a.pk])
    assert client.get(url).status_code == 302  # "not found": back to the index
    data = {
        "instansi": kadis_a.instansi_id,
        "nama": kadis_a.nama,
        "jabatan": kadis_a.jabatan,
        "jenis_jabatan": kadis_a.jenis_jabatan,
        "user": perencanaan_b.pk,
        "aktif": "on",
    }
    assert client.post(url, data).status_code == 302
    kadis_a.refresh_from_db()
    assert kadis_a.user.username == "kadis"


def test_account_without_agency_sees_no_agency_page(client, instansi):
    buat_akun_demo(instansi)
    User = get_user_model()
    # An auditor account with every reading role but no membership.
    user = User.objects.create_user("auditor.luar", is_staff=True)
    user.groups.set(Group.objects.filter(name__in=[p.value for p in Peran]))
    client.force_login(user)
    terbuka = {
        "beranda",
        "keluar",
        "masuk",
        "sehat",
        "verifikasi",
        "sandi_ganti",
        "sandi_ganti_selesai",
        *BERKAS_PUBLIK,
    }
    for nama, daftar in URL_A:
        if nama in terbuka or nama.startswith("sandi_reset"):
            continue
        for url in daftar:
            respons = client.get(url)
            assert respons.status_code in (403, 404, 405), (nama, url)
            if respons.status_code == 403:
                assert "belum terdaftar pada instansi" in respons.content.decode()
    beranda = client.get(reverse("beranda")).content.decode()
    assert "belum terdaftar pada instansi" in beranda
    assert not any(c in beranda for c in CIRI_A)
    # The admin shows it nothing either.
    assert client.get(reverse("admin:lakip_pegawai_changelist")).status_code in (
        302,
        403,
    )
    _tanpa_data_a(client.get("/admin/"), "admin index")


def test_demo_accounts_all_belong_to_the_agency(instansi):
    buat_akun_demo(instansi)
    for user in get_user_model().objects.all():
        assert user.keanggotaan.instansi == instansi, user.username
    assert {u.username for u in get_user_model().objects.all()} >= {
        "pemeriksa",
        "admin.instansi",
    }


def test_admin_form_of_agency_a_offers_only_agency_a(client, instansi):
    buat_akun_demo(instansi)
    client.force_login(get_user_model().objects.get(username="perencanaan"))
    b = buat_instansi(1)
    html = client.get(reverse("admin:renstra_subkegiatan_add")).content.decode()
    assert "Bidang Pelayanan" not in html  # a unit of agency B
    assert isian_formulir(html, "subkegiatan_form") is not None
    assert b.nama not in html


# Shared by every agency (a layout cache keyed by content): the superuser's only.
TANPA_INSTANSI = {"laporan.CacheBagianPdf"}


def test_every_admin_of_the_apps_is_scoped():
    """A model admin added later must say how its rows reach their agency."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in APPS:
            continue
        assert isinstance(model_admin, AdminInstansi), model._meta.label
        for inline in model_admin.inlines:
            assert issubclass(inline, LingkupInstansi), inline
        punya_jalur = bool(jalur_model(admin.site, model))
        assert punya_jalur is (model._meta.label not in TANPA_INSTANSI), model
