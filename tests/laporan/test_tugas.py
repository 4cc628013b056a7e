"""Every demo role's "Tugas saya" page through the whole workflow (fill,
submit, return, verify, approve, sign, unlock) and the notification, in the app
and by e-mail, of each transition."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from lakip.models import Notifikasi
from laporan.lampiran.terbit import daftar_dokumen
from realisasi.models import RealisasiIndikator, StatusEntri
from tests.bantuan import isian_formulir, sahkan_triwulan
from tests.realisasi import conftest as realisasi_conftest

# The realisasi tests' fixtures: demo accounts, Bidang HI, TW I 2024 open.
akun = realisasi_conftest.akun
hi = realisasi_conftest.hi
tw1_dibuka = realisasi_conftest.tw1_dibuka


def tugas(client, akun, username):
    """The task titles on the user's home page, and the navbar's count."""
    client.force_login(akun[username])
    halaman = client.get(reverse("beranda")).content.decode()
    daftar = re.findall(
        r'<a class="list-group-item list-group-item-action" href="([^"]+)">\s*'
        r'<span class="badge text-bg-warning me-1">([^<]+)</span>\s*([^<\n]+)',
        halaman,
    )
    hitung = re.search(
        r'id="tautan-tugas"[^>]*>Tugas saya(?: <span class="badge text-bg-warning">'
        r"(\d+))?",
        halaman,
    )
    return [(jenis, judul.strip(), url) for url, jenis, judul in daftar], int(
        hitung.group(1) or 0
    )


def judul_tugas(client, akun, username):
    return [f"{j}: {t}" for j, t, _ in tugas(client, akun, username)[0]]


def aksi(client, unit, kode, catatan=""):
    return client.post(
        reverse("realisasi:aksi", args=[unit.pk, 2024, 1]),
        {"aksi": kode, "catatan": catatan},
    )


@pytest.fixture
def alamat(akun):
    """Every demo account but the operator gets an e-mail address."""
    for nama, user in akun.items():
        if nama != "operator.hi":
            user.email = f"{nama}@contoh.go.id"
            user.save()
    return akun


def test_tugas_saya_through_the_whole_workflow(
    client, alamat, hi, tw1_dibuka, django_capture_on_commit_callbacks, monkeypatch
):
    # The quarter's workflow only: the year's documents the Kepala Dinas signs
    # (evaluasi's provider, tests/evaluasi/test_registri.py) are left out.
    from lakip import tugas as tugas_lakip

    monkeypatch.setattr(
        tugas_lakip,
        "_PENYEDIA",
        [p for p in tugas_lakip._PENYEDIA if p.__module__ != "evaluasi.sambungan"],
    )
    akun = alamat
    label = "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"
    label += " — Triwulan I tahun 2024"
    # One indicator of Bidang HI is not filled: the operator and the head must
    # fill it; nobody else has anything to do with this unit.
    kosong = RealisasiIndikator.objects.filter(
        indikator__sub_kegiatan__unit=hi, tahun=2024, triwulan=1
    ).first()
    ind = kosong.indikator
    kosong.delete()
    daftar, jumlah = tugas(client, akun, "operator.hi")
    assert [(j, t) for j, t, _ in daftar] == [("Isi", f"Isi realisasi {label}")]
    assert jumlah == 1
    assert daftar[0][2] == reverse("realisasi:unit", args=[hi.pk, 2024, 1])
    assert f"Isi: Isi realisasi {label}" in judul_tugas(client, akun, "kabid.hi")
    for nama in ["kadis", "pemeriksa"]:
        assert tugas(client, akun, nama) == ([], 0)
    assert not any(label in t for t in judul_tugas(client, akun, "perencanaan"))

    # Fill: the operator types the missing value; his task is gone, the head's
    # becomes "Ajukan".
    client.force_login(akun["operator.hi"])
    url = reverse("realisasi:unit", args=[hi.pk, 2024, 1])
    data = isian_formulir(client.get(url).content.decode(), "form-entri")
    data[f"i{ind.pk}_nilai"] = "5"
    data[f"i{ind.pk}_ket"] = "diisi ulang"
    assert client.post(url, data).status_code == 302
    assert tugas(client, akun, "operator.hi") == ([], 0)
    assert f"Ajukan: Ajukan entri {label}" in judul_tugas(client, akun, "kabid.hi")

    # Submit: Perencanaan is told (app and e-mail), and must verify.
    client.force_login(akun["kabid.hi"])
    with django_capture_on_commit_callbacks(execute=True):
        aksi(client, hi, "ajukan")
    n = Notifikasi.objects.get(penerima=akun["perencanaan"])
    assert n.judul == f"Entri {label} diajukan"
    assert "kini berstatus Diajukan" in n.pesan and n.url == url
    # The unit's operator (no e-mail address) is told in the app only.
    assert Notifikasi.objects.filter(penerima=akun["operator.hi"]).count() == 1
    assert not Notifikasi.objects.filter(penerima=akun["kabid.hi"]).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["perencanaan@contoh.go.id"]
    assert mail.outbox[0].subject == f"[LAKIP] Entri {label} diajukan"
    assert not any(label in t for t in judul_tugas(client, akun, "kabid.hi"))
    assert f"Verifikasi: Verifikasi entri {label}" in judul_tugas(
        client, akun, "perencanaan"
    )
    client.force_login(akun["perencanaan"])
    beranda = client.get(reverse("beranda")).content.decode()
    assert "1 baru" in beranda and f"Entri {label} diajukan" in beranda

    # Return with a note, then submit again: the head sees the reason.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        aksi(client, hi, "kembalikan", "Lampirkan SP2D")
    kembali = Notifikasi.objects.get(penerima=akun["kabid.hi"])
    assert kembali.judul == f"Entri {label} dikembalikan"
    assert "Catatan: Lampirkan SP2D" in kembali.pesan
    assert [m.to[0] for m in mail.outbox] == ["kabid.hi@contoh.go.id"]
    daftar, _ = tugas(client, akun, "kabid.hi")
    ajukan = [d for d in daftar if label in d[1]]
    assert ajukan[0][0] == "Ajukan"
    client.force_login(akun["kabid.hi"])
    with django_capture_on_commit_callbacks(execute=True):
        aksi(client, hi, "ajukan")

    # Verify: Pimpinan is told and must approve.
    client.force_login(akun["perencanaan"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        aksi(client, hi, "verifikasi")
    assert Notifikasi.objects.get(penerima=akun["kadis"]).judul == (
        f"Entri {label} diverifikasi"
    )
    assert "kadis@contoh.go.id" in [m.to[0] for m in mail.outbox]
    assert not any(label in t for t in judul_tugas(client, akun, "perencanaan"))
    assert judul_tugas(client, akun, "kadis") == [f"Sahkan: Sahkan entri {label}"]

    # Approve: the unit and Perencanaan are told; now documents wait for
    # signatures: the Kepala Dinas and the Kepala Bidang sign their own.
    client.force_login(akun["kadis"])
    with django_capture_on_commit_callbacks(execute=True):
        aksi(client, hi, "sahkan")
    hi.refresh_from_db()
    assert hi.entri_triwulan.get(tahun=2024, triwulan=1).status == (
        StatusEntri.DISAHKAN
    )
    disahkan = f"Entri {label} disahkan"
    for nama in ["perencanaan", "kabid.hi", "operator.hi"]:
        assert Notifikasi.objects.filter(penerima=akun[nama], judul=disahkan).exists()
    # Documents printing figures wait for every unit: before the others are
    # approved the Kepala Dinas is offered the invitation alone.
    assert "Tandatangani 1 dokumen" in judul_tugas(client, akun, "kadis")[0]
    sahkan_triwulan(hi.instansi, 2024, 1)
    ttd = "Tandatangani: Tandatangani"
    kadis = judul_tugas(client, akun, "kadis")
    assert len(kadis) == 1 and kadis[0].startswith(ttd)
    assert kadis[0].endswith("dokumen lampiran Triwulan I tahun 2024")
    assert any(t.startswith(ttd) for t in judul_tugas(client, akun, "kabid.hi"))
    assert tugas(client, akun, "pemeriksa") == ([], 0)
    assert tugas(client, akun, "operator.hi") == ([], 0)

    # Sign: the Kepala Dinas signs every document of his from the page the task
    # links to; his signing task is gone.
    daftar, jumlah = tugas(client, akun, "kadis")
    assert jumlah == 1
    assert client.get(daftar[0][2]).status_code == 200
    sendiri = [
        d
        for d in daftar_dokumen(hi.instansi, 2024, 1)
        if d.penanda and d.penanda.pk == akun["kadis"].pegawai.pk
    ]
    assert f"Tandatangani {len(sendiri)} dokumen" in daftar[0][1]
    for d in sendiri:
        client.post(reverse("laporan:tandatangani", args=[2024, 1, d.jenis, d.kunci]))
    assert tugas(client, akun, "kadis") == ([], 0)

    # Unlock: the unit and Pimpinan are told, with the reason.
    client.force_login(akun["perencanaan"])
    with django_capture_on_commit_callbacks(execute=True):
        aksi(client, hi, "buka_kunci", "Koreksi angka")
    buka = Notifikasi.objects.get(penerima=akun["kadis"], judul__endswith="kuncinya")
    assert "Catatan: Koreksi angka" in buka.pesan


def test_the_apps_register_their_providers():
    from lakip import tugas as registri
    from laporan.tugas import tugas_laporan
    from realisasi.tugas import tugas_realisasi

    assert registri._PENYEDIA[:2] == [tugas_realisasi, tugas_laporan]
