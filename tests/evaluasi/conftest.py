"""Fixtures of the evaluation's tests: users per role and a filled LKE."""

from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from evaluasi import services
from evaluasi.bukti import usulan_bukti
from evaluasi.models import KriteriaLke
from lakip.models import Instansi
from lakip.peran import Peran
from lakip.services import jadikan_anggota


@pytest.fixture(autouse=True)
def struktur_lke(db):
    """The seeded LKE structure and the Evaluator group, given back if a
    live-server test elsewhere flushed the database."""
    from django.apps import apps

    isi = import_module("evaluasi.migrations.0002_lke_88_2021").isi
    isi(apps, None)


@pytest.fixture
def buat_pengguna(db):
    def buat(nama, peran, instansi=None):
        """A login with ``peran`` belonging to ``instansi`` (the seed agency by
        default)."""
        user = get_user_model().objects.create_user(nama, password="sandi-uji")
        user.groups.add(Group.objects.get_or_create(name=peran.value)[0])
        jadikan_anggota(
            user, instansi or Instansi.objects.get(kode="disnakertrans-lutim")
        )
        return user

    return buat


@pytest.fixture
def perencanaan(buat_pengguna):
    return buat_pengguna("uji.rencana", Peran.PERENCANAAN)


@pytest.fixture
def pimpinan(buat_pengguna):
    return buat_pengguna("uji.kadis", Peran.PIMPINAN)


@pytest.fixture
def evaluator(buat_pengguna):
    return buat_pengguna("uji.inspektorat", Peran.EVALUATOR)


def kriteria(kode, tahun=2024):
    return KriteriaLke.objects.get(kode=kode, sub_komponen__komponen__tahun=tahun)


@pytest.fixture
def lke_terisi(instansi, perencanaan):
    """The 2024 LKE answered by Perencanaan: keberadaan criteria Y, others B,
    except 1.c.3 (E) and 2.c.1 (C); every evidence lakip proposes accepted."""
    p = services.buka_penilaian(instansi, 2024)
    usulan = usulan_bukti(instansi, 2024)
    for k in KriteriaLke.objects.filter(sub_komponen__komponen__tahun=2024):
        jawaban = {"1.c.3": "E", "2.c.1": "C"}.get(k.kode)
        if jawaban is None:
            jawaban = "Y" if k.sub_komponen.skala.kode == "YT" else "B"
        services.simpan_jawaban(perencanaan, p, k, jawaban, f"catatan {k.kode}")
        for u in usulan.get(k.kode, []):
            services.tambah_bukti(perencanaan, p, k, u.judul, u.tautan)
    return p
