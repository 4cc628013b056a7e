"""lakip.notifikasi: one record per recipient, the actor left out, e-mail only
to addresses and only with a mail server, after the commit."""

from django.contrib.auth import get_user_model
from django.core import mail

from lakip.notifikasi import belum_dibaca, kirim_notifikasi, tandai_dibaca


def _pengguna(nama, email=""):
    return get_user_model().objects.create_user(nama, email=email)


def test_each_recipient_once_the_actor_left_out(
    db, settings, django_capture_on_commit_callbacks
):
    settings.LAKIP_SUREL = True
    a, b, pelaku = _pengguna("a", "a@contoh.go.id"), _pengguna("b"), _pengguna("c")
    with django_capture_on_commit_callbacks(execute=True) as panggilan:
        hasil = kirim_notifikasi(
            [a, b, a, pelaku, None], "Judul", "Pesan", "/realisasi/", kecuali=pelaku
        )
    assert sorted(n.penerima.username for n in hasil) == ["a", "b"]
    assert len(panggilan) == 1
    assert [m.to for m in mail.outbox] == [["a@contoh.go.id"]]
    assert mail.outbox[0].subject == "[LAKIP] Judul"
    assert "Pesan" in mail.outbox[0].body and "/realisasi/" in mail.outbox[0].body
    assert belum_dibaca(a).count() == 1 and belum_dibaca(pelaku).count() == 0
    assert tandai_dibaca(a) == 1 and belum_dibaca(a).count() == 0


def test_no_mail_without_a_mail_server(
    db, settings, django_capture_on_commit_callbacks
):
    settings.LAKIP_SUREL = False
    a = _pengguna("a", "a@contoh.go.id")
    with django_capture_on_commit_callbacks(execute=True):
        kirim_notifikasi([a], "Judul")
    assert mail.outbox == [] and belum_dibaca(a).count() == 1


def test_inactive_users_are_not_notified(db):
    a = _pengguna("a")
    a.is_active = False
    a.save()
    assert kirim_notifikasi([a], "Judul") == []
