"""lakip.tugas: the provider registry."""

from django.contrib.auth.models import AnonymousUser

from lakip import tugas


def test_registered_providers_are_asked_once_each(db, monkeypatch):
    monkeypatch.setattr(tugas, "_PENYEDIA", [])
    pertama = tugas.daftarkan(lambda user: [tugas.Tugas("Isi", "Satu", "/1/")])
    tugas.daftarkan(pertama)
    tugas.daftarkan(lambda user: [tugas.Tugas("Sahkan", "Dua", "/2/", "ket")])
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("u")
    assert [t.judul for t in tugas.tugas_untuk(user)] == ["Satu", "Dua"]
    assert tugas.tugas_untuk(AnonymousUser()) == []
