"""realisasi.tugas: who is told of each workflow transition; a failing mail
server; notifications read by their owner only. Every role's "Tugas saya"
through the whole workflow is in tests/laporan/test_tugas.py (it ends with
signing)."""

from django.urls import reverse

from lakip.models import Notifikasi
from realisasi.tugas import beri_tahu_transisi, penerima_transisi


def test_notifications_are_marked_read_by_their_owner_only(client, akun, hi):
    lain = Notifikasi.objects.create(penerima=akun["kadis"], judul="Milik kadis")
    milik = Notifikasi.objects.create(
        penerima=akun["perencanaan"], judul="Satu", url="/realisasi/status/"
    )
    Notifikasi.objects.create(penerima=akun["perencanaan"], judul="Dua")
    client.force_login(akun["perencanaan"])
    assert 'title="Notifikasi belum dibaca">2<' in client.get("/").content.decode()
    respons = client.post(
        reverse("notifikasi_dibaca", args=[milik.pk]), {"lanjut": milik.url}
    )
    assert respons.status_code == 302 and respons.url == "/realisasi/status/"
    # Someone else's notification is not touched; an outside link is not followed.
    respons = client.post(
        reverse("notifikasi_dibaca", args=[lain.pk]),
        {"lanjut": "https://jahat.example/"},
    )
    assert respons.url == reverse("beranda")
    lain.refresh_from_db()
    milik.refresh_from_db()
    assert lain.dibaca_pada is None and milik.dibaca_pada is not None
    client.post(reverse("notifikasi_dibaca_semua"))
    assert not Notifikasi.objects.filter(
        penerima=akun["perencanaan"], dibaca_pada__isnull=True
    ).exists()
    assert client.get(reverse("notifikasi_dibaca_semua")).status_code == 405


def test_recipients_of_each_transition(akun, hi, tw1_dibuka):
    nama = {
        a: sorted(u.username for u in penerima_transisi(hi, a))
        for a in ["ajukan", "kembalikan", "verifikasi", "sahkan", "buka_kunci"]
    }
    unit = ["kabid.hi", "operator.hi"]
    assert nama["ajukan"] == sorted(["perencanaan", *unit])
    assert nama["kembalikan"] == unit
    assert nama["verifikasi"] == sorted(["kadis", *unit])
    assert nama["sahkan"] == sorted(["perencanaan", *unit])
    assert nama["buka_kunci"] == sorted(["kadis", *unit])


def test_a_failing_mail_server_does_not_undo_the_notification(
    akun, hi, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.realisasi.test_tugas.SurelGagal"
    akun["kadis"].email = "kadis@contoh.go.id"
    akun["kadis"].save()
    entri = hi.entri_triwulan.create(tahun=2024, triwulan=1, status="diverifikasi")
    with django_capture_on_commit_callbacks(execute=True):
        hasil = beri_tahu_transisi(akun["perencanaan"], entri, "verifikasi")
    assert akun["kadis"].pk in {n.penerima_id for n in hasil}


class SurelGagal:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, pesan):
        raise ConnectionRefusedError("server surel mati")
