"""The entry pages driven as the users would: every role through the flow,
and the permission matrix of roles × actions × own/other unit."""

import re

import pytest
from django.urls import reverse

from realisasi.models import (
    EntriTriwulan,
    JejakAudit,
    RealisasiAnggaran,
    RiwayatStatus,
    StatusEntri,
)
from renstra.models import SubKegiatan
from tests.bantuan import isian_formulir


def url_unit(unit, nama="realisasi:unit"):
    return reverse(nama, args=[unit.pk, 2024, 1])


def aksi(client, unit, kode, catatan=""):
    return client.post(
        url_unit(unit, "realisasi:aksi"), {"aksi": kode, "catatan": catatan}
    )


def status(unit):
    return EntriTriwulan.objects.get(unit=unit, tahun=2024, triwulan=1).status


def test_every_role_through_the_flow(client, akun, hi):
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    # Perencanaan opens the quarter.
    client.force_login(akun["perencanaan"])
    client.post(
        reverse("realisasi:periode"), {"tahun": 2024, "triwulan": 1, "dibuka": "1"}
    )
    # The operator opens the page, types a figure the Indonesian way, saves.
    client.force_login(akun["operator.hi"])
    halaman = client.get(url_unit(hi)).content.decode()
    assert "10 dari 10</strong> indikator terisi" in halaman
    data = isian_formulir(halaman, "form-entri")
    data[f"a{sub.pk}"] = "2.750.000"
    respons = client.post(url_unit(hi), data)
    assert respons.status_code == 302
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_750_000
    )
    assert "Tersimpan: 1 perubahan" in client.get(url_unit(hi)).content.decode()
    # The operator cannot submit; the head does.
    assert aksi(client, hi, "ajukan").status_code == 403
    client.force_login(akun["kabid.hi"])
    aksi(client, hi, "ajukan")
    assert status(hi) == StatusEntri.DIAJUKAN
    # Perencanaan returns it with a note; a return without a note is refused.
    client.force_login(akun["perencanaan"])
    aksi(client, hi, "kembalikan")
    assert status(hi) == StatusEntri.DIAJUKAN
    aksi(client, hi, "kembalikan", "Lampirkan SP2D")
    assert status(hi) == StatusEntri.DRAF
    # The head sees the note and resubmits; Perencanaan verifies; Pimpinan approves.
    client.force_login(akun["kabid.hi"])
    assert "Lampirkan SP2D" in client.get(url_unit(hi)).content.decode()
    aksi(client, hi, "ajukan")
    client.force_login(akun["perencanaan"])
    aksi(client, hi, "verifikasi")
    client.force_login(akun["kadis"])
    aksi(client, hi, "sahkan")
    assert status(hi) == StatusEntri.DISAHKAN
    # Edits are now refused, through the form as well.
    client.force_login(akun["operator.hi"])
    halaman = client.get(url_unit(hi)).content.decode()
    assert "sudah disahkan dan terkunci" in halaman
    data[f"a{sub.pk}"] = "3.000.000"
    data["versi"] = isian_formulir(halaman, "form-entri")["versi"]
    respons = client.post(url_unit(hi), data)
    assert respons.status_code == 400
    assert "terkunci" in respons.content.decode()
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_750_000
    )
    # Perencanaan unlocks with a reason; it is recorded; editing works again.
    client.force_login(akun["perencanaan"])
    aksi(client, hi, "buka_kunci", "Koreksi SP2D Maret")
    assert status(hi) == StatusEntri.DRAF
    buka = RiwayatStatus.objects.get(aksi="buka_kunci")
    assert (buka.catatan, buka.oleh) == ("Koreksi SP2D Maret", akun["perencanaan"])
    client.force_login(akun["operator.hi"])
    data["versi"] = isian_formulir(
        client.get(url_unit(hi)).content.decode(), "form-entri"
    )["versi"]
    assert client.post(url_unit(hi), data).status_code == 302
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 3_000_000
    )
    # The audit trail shows both edits with old and new values.
    riwayat = client.get(reverse("realisasi:riwayat", args=[sub.pk])).content.decode()
    assert riwayat.count(akun["operator.hi"].get_full_name()) >= 2
    # Amounts print Indonesian style in the history, as everywhere else.
    assert "2.000.000" in riwayat and "2.750.000" in riwayat and "3.000.000" in riwayat
    assert "2000000" not in riwayat
    assert JejakAudit.objects.filter(sub_kegiatan=sub).count() == 2


def test_invalid_form_shows_the_reason_and_saves_nothing(client, akun, hi, tw1_dibuka):
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    client.force_login(akun["operator.hi"])
    data = isian_formulir(client.get(url_unit(hi)).content.decode(), "form-entri")
    data[f"a{sub.pk}"] = "99.000.000"
    respons = client.post(url_unit(hi), data)
    assert respons.status_code == 400
    assert "Realisasi melebihi pagu (Rp 35.698.500)." in respons.content.decode()
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_000_000
    )


def test_two_editors_the_stale_one_is_refused(client, akun, hi, tw1_dibuka):
    from django.test import Client

    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    pertama, kedua = Client(), Client()
    pertama.force_login(akun["kabid.hi"])
    kedua.force_login(akun["operator.hi"])
    data1 = isian_formulir(pertama.get(url_unit(hi)).content.decode(), "form-entri")
    data2 = isian_formulir(kedua.get(url_unit(hi)).content.decode(), "form-entri")
    data1[f"a{sub.pk}"] = "2.100.000"
    data2[f"a{sub.pk}"] = "2.200.000"
    assert pertama.post(url_unit(hi), data1).status_code == 302
    respons = kedua.post(url_unit(hi), data2)
    assert respons.status_code == 400
    assert "telah diubah oleh" in respons.content.decode()
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_100_000
    )


def test_status_overview(client, akun, hi, tw1_dibuka):
    client.force_login(akun["kabid.hi"])
    aksi(client, hi, "ajukan")
    for nama in ("perencanaan", "kadis", "pemeriksa"):
        client.force_login(akun[nama])
        halaman = client.get(
            reverse("realisasi:status"), {"tahun": 2024, "triwulan": 1}
        )
        teks = halaman.content.decode()
        assert halaman.status_code == 200
        assert "Bidang Hubungan Industrial" in teks and "Diajukan" in teks
        assert "10 / 10" in teks
    client.force_login(akun["operator.hi"])
    assert client.get(reverse("realisasi:status")).status_code == 403


# -- permission matrix ------------------------------------------------------

KEADAAN = {
    "ajukan": StatusEntri.DRAF,
    "verifikasi": StatusEntri.DIAJUKAN,
    "sahkan": StatusEntri.DIVERIFIKASI,
    "buka_kunci": StatusEntri.DISAHKAN,
}
DIIZINKAN, DITOLAK, TIDAK_ADA = "ok", 403, 404

# role -> action -> (own unit, other unit)
MATRIKS = {
    "operator.hi": {
        "view": ("ok", 404),
        "edit": ("ok", 404),
        "ajukan": (403, 404),
        "verifikasi": (403, 404),
        "sahkan": (403, 404),
        "buka_kunci": (403, 404),
        "export": ("ok", 404),
        "import": ("ok", 404),
    },
    "kabid.hi": {
        "view": ("ok", 404),
        "edit": ("ok", 404),
        "ajukan": ("ok", 404),
        "verifikasi": (403, 404),
        "sahkan": (403, 404),
        "buka_kunci": (403, 404),
        "export": ("ok", 404),
        "import": ("ok", 404),
    },
    "sekretaris": {
        a: (404, 404)
        for a in ("view", "edit", "ajukan", "verifikasi", "sahkan", "buka_kunci")
    }
    | {"export": (404, 404), "import": (404, 404)},
    "perencanaan": {
        "view": ("ok", "ok"),
        "edit": (403, 403),
        "ajukan": (403, 403),
        "verifikasi": ("ok", "ok"),
        "sahkan": (403, 403),
        "buka_kunci": ("ok", "ok"),
        "export": ("ok", "ok"),
        "import": (403, 403),
    },
    "kadis": {
        "view": ("ok", "ok"),
        "edit": (403, 403),
        "ajukan": (403, 403),
        "verifikasi": (403, 403),
        "sahkan": ("ok", "ok"),
        "buka_kunci": (403, 403),
        "export": ("ok", "ok"),
        "import": (403, 403),
    },
    "pemeriksa": {
        "view": ("ok", "ok"),
        "edit": (403, 403),
        "ajukan": (403, 403),
        "verifikasi": (403, 403),
        "sahkan": (403, 403),
        "buka_kunci": (403, 403),
        "export": ("ok", "ok"),
        "import": (403, 403),
    },
}


def _kasus():
    for peran, aksi_aksi in MATRIKS.items():
        for nama_aksi, (sendiri, lain) in aksi_aksi.items():
            yield peran, nama_aksi, "sendiri", sendiri
            yield peran, nama_aksi, "lain", lain


@pytest.mark.parametrize("peran, nama_aksi, milik, harapan", list(_kasus()))
def test_permission_matrix(
    client, akun, hi, pk, tw1_dibuka, peran, nama_aksi, milik, harapan
):
    unit = hi if milik == "sendiri" else pk
    client.force_login(akun[peran])
    if nama_aksi in KEADAAN:
        EntriTriwulan.objects.update_or_create(
            unit=unit, tahun=2024, triwulan=1, defaults={"status": KEADAAN[nama_aksi]}
        )
        respons = aksi(client, unit, nama_aksi, "catatan uji")
        berhasil = respons.status_code == 302 and status(unit) != KEADAAN[nama_aksi]
    elif nama_aksi == "view":
        respons = client.get(url_unit(unit))
        berhasil = respons.status_code == 200
    elif nama_aksi == "edit":
        halaman = client.get(url_unit(unit))
        data = (
            isian_formulir(halaman.content.decode(), "form-entri")
            if halaman.status_code == 200
            else {"versi": 0}
        )
        respons = client.post(url_unit(unit), data)
        berhasil = respons.status_code == 302
    elif nama_aksi == "export":
        respons = client.get(url_unit(unit, "realisasi:unduh"))
        berhasil = respons.status_code == 200 and respons["Content-Type"].startswith(
            "application/vnd.openxmlformats"
        )
    else:
        respons = client.get(url_unit(unit, "realisasi:unggah"))
        berhasil = respons.status_code == 200
    if harapan == "ok":
        assert berhasil, respons.status_code
    else:
        assert respons.status_code == harapan


def test_units_of_another_agency_are_invisible(client, akun, hi):
    from lakip.models import Instansi, UnitKerja

    lain = Instansi.objects.create(kode="lain", nama="Dinas Lain", pemda="Pemda Lain")
    unit = UnitKerja.objects.create(
        instansi=lain, kode="bidang-x", nama="Bidang X", jenis="bidang"
    )
    client.force_login(akun["perencanaan"])
    assert client.get(url_unit(unit)).status_code == 404


def test_invalid_inputs_are_marked_and_named(client, akun, hi, tw1_dibuka):
    """A negative value: the input gets ``is-invalid`` with the message under
    it, the banner names the indicator, and the typed value stays for the
    capaian to be recomputed (the form is marked for it)."""
    from renstra.models import Indikator

    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    ind = Indikator.objects.get(sub_kegiatan=sub)
    client.force_login(akun["operator.hi"])
    data = isian_formulir(client.get(url_unit(hi)).content.decode(), "form-entri")
    data[f"i{ind.pk}_nilai"] = "-3"
    respons = client.post(url_unit(hi), data)
    assert respons.status_code == 400
    html = respons.content.decode()
    masukan = re.search(rf'<input[^>]*name="i{ind.pk}_nilai"[^>]*>', html).group(0)
    assert "is-invalid" in masukan and 'value="-3"' in masukan
    assert 'aria-invalid="true"' in masukan
    setelah = html[html.index(masukan) :]
    assert setelah.index("Nilai tidak boleh negatif.") < setelah.index("</td>")
    assert f"1 isian tidak valid; tidak ada yang disimpan. Periksa: {ind.nama}: " in (
        html
    )
    assert "data-hitung-ulang" in html
    # The other inputs are not marked.
    assert html.count("is-invalid") == 1


def test_reviewers_see_a_neutral_read_only_notice(client, akun, hi, tw1_dibuka):
    for nama in ["perencanaan", "kadis", "pemeriksa"]:
        client.force_login(akun[nama])
        respons = client.get(url_unit(hi))
        html = respons.content.decode()
        assert respons.status_code == 200, nama
        assert "tidak berhak" not in html, nama
        assert 'alert alert-light border py-2" id="catatan-baca"' in html, nama
        assert "untuk dibaca" in html, nama
    # Those who fill it see no notice; a closed quarter still says why.
    client.force_login(akun["operator.hi"])
    assert "catatan-baca" not in client.get(url_unit(hi)).content.decode()
    html = client.get(reverse("realisasi:unit", args=[hi.pk, 2024, 2])).content
    assert "Triwulan II tahun 2024 belum dibuka" in html.decode()


def test_the_entry_page_has_a_quarter_selector(client, akun, hi, tw1_dibuka):
    client.force_login(akun["operator.hi"])
    html = client.get(url_unit(hi)).content.decode()
    assert '<select class="form-select" name="triwulan"' in html
    respons = client.get(url_unit(hi), {"tahun": "2024", "triwulan": "3"})
    assert respons.status_code == 302
    assert respons.url == reverse("realisasi:unit", args=[hi.pk, 2024, 3])
    assert client.get(url_unit(hi), {"tahun": "x", "triwulan": "3"}).status_code == 404
    assert client.get(url_unit(hi), {"tahun": "2024", "triwulan": "5"}).status_code == (
        404
    )


def test_quarter_messages_use_roman_numerals(client, akun, tw1_dibuka):
    client.force_login(akun["perencanaan"])
    respons = client.post(
        reverse("realisasi:periode"),
        {"tahun": 2024, "triwulan": 2, "dibuka": "1"},
        follow=True,
    )
    assert "Triwulan II tahun 2024 dibuka." in respons.content.decode()


def test_ajukan_saves_the_typed_values_first(client, akun, hi, tw1_dibuka):
    """Issue 12: "Ajukan" with unsaved typed values saves them (same checks)
    before submitting; a refused value stops the submission."""
    sub = SubKegiatan.objects.get(kode="2.07.05.2.01.0001")
    client.force_login(akun["kabid.hi"])
    halaman = client.get(url_unit(hi)).content.decode()
    assert 'id="tombol-ajukan"' in halaman and 'name="tombol-ajukan"' not in halaman
    data = isian_formulir(halaman, "form-entri")
    data[f"a{sub.pk}"] = "abc"
    respons = client.post(url_unit(hi, "realisasi:aksi"), {**data, "aksi": "ajukan"})
    assert respons.status_code == 400
    teks = respons.content.decode()
    assert "Entri belum diajukan: isian Anda belum dapat disimpan." in teks
    assert "“abc” bukan angka yang valid." in teks
    assert not EntriTriwulan.objects.filter(unit=hi, status=StatusEntri.DIAJUKAN)
    data[f"a{sub.pk}"] = "2.900.000"
    respons = client.post(
        url_unit(hi, "realisasi:aksi"),
        {**data, "aksi": "ajukan", "catatan": "Lengkap"},
        follow=True,
    )
    teks = respons.content.decode()
    assert "Tersimpan: 1 perubahan." in teks
    assert "kini berstatus Diajukan" in teks
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_900_000
    )
    assert status(hi) == StatusEntri.DIAJUKAN
    riwayat = RiwayatStatus.objects.get(entri__unit=hi, aksi="ajukan")
    assert riwayat.catatan == "Lengkap"
    # the operator cannot submit, and nothing it posts with the attempt is saved
    client.force_login(akun["perencanaan"])
    aksi(client, hi, "kembalikan", "Periksa lagi")
    client.force_login(akun["operator.hi"])
    data[f"a{sub.pk}"] = "3.100.000"
    data["versi"] = isian_formulir(
        client.get(url_unit(hi)).content.decode(), "form-entri"
    )["versi"]
    respons = client.post(url_unit(hi, "realisasi:aksi"), {**data, "aksi": "ajukan"})
    assert respons.status_code == 403
    assert (
        RealisasiAnggaran.objects.get(sub_kegiatan=sub, triwulan=1).jumlah == 2_900_000
    )
