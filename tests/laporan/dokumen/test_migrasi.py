"""Migration 0008: old keys of signed documents, package selections and cached
parts take the one grammar; a signed document still verifies afterwards."""

import hashlib
import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from laporan.lampiran.terbit import tandatangani
from laporan.models import BerkasLaporan, CacheBagianPdf, DokumenTerbit, Laporan
from laporan.paket.rakit import rakit_paket
from renstra.models import SubKegiatan
from tests.bantuan import sahkan_triwulan

migrasi = importlib.import_module("laporan.migrations.0008_kunci_dokumen")

pytestmark = pytest.mark.django_db


def test_signed_table_keeps_verifying_after_the_key_migration(instansi, masuk, client):
    # the unit head signs the unit's table, once the quarter is approved
    sahkan_triwulan(instansi, 2024, 1)
    masuk("kabid.hi")
    kabid = get_user_model().objects.get(username="kabid.hi")
    terbit = tandatangani(kabid, instansi, 2024, 1, "evaluasi-unit", "evaluasi-unit-8")
    # as it was stored before the migration
    DokumenTerbit.objects.filter(pk=terbit.pk).update(jenis="evaluasi", kunci="unit-8")
    sub = SubKegiatan.objects.get(
        kode="2.07.05.2.02.0003", kegiatan__program__tahun=2024
    )
    laporan, _ = Laporan.objects.get_or_create(
        instansi=instansi,
        tahun=2024,
        triwulan=1,
        defaults={"tanggal": timezone.localdate()},
    )
    berkas = BerkasLaporan.objects.create(
        laporan=laporan,
        jenis=BerkasLaporan.Jenis.PAKET,
        bagian=["daftar-hadir", "daftar-hadir-1", f"subkegiatan-{sub.kode}"],
        diminta_pada=timezone.now(),
    )
    CacheBagianPdf.objects.create(
        kunci="a" * 64,
        isi=b"%PDF",
        jumlah_halaman=1,
        ukuran=4,
        bagian="daftar-hadir-1",
        dibuat=timezone.now(),
        dipakai=timezone.now(),
    )

    migrasi.maju(apps, None)

    terbit.refresh_from_db()
    assert (terbit.jenis, terbit.kunci) == ("evaluasi-unit", "evaluasi-unit-8")
    assert hashlib.sha256(bytes(terbit.isi)).hexdigest() == terbit.sha256
    berkas.refresh_from_db()
    assert berkas.bagian == ["daftarhadir", "daftarhadir-1", f"subkegiatan-{sub.pk}"]
    assert CacheBagianPdf.objects.get(kunci="a" * 64).bagian == "daftarhadir-1"
    # the package takes the signed table as issued, the public page verifies it
    hasil = rakit_paket(instansi, 2024, 1, pilihan=["evaluasi-unit-8"], pekerja=1)
    assert hasil.bagian[0].diterbitkan and hasil.isi == bytes(terbit.isi)
    client.logout()
    halaman = client.get(reverse("verifikasi", args=[terbit.kode])).content.decode()
    assert terbit.sha256 in halaman and "Tabel evaluasi kinerja unit" in halaman

    migrasi.mundur(apps, None)
    terbit.refresh_from_db()
    assert (terbit.jenis, terbit.kunci) == ("evaluasi", "unit-8")
    berkas.refresh_from_db()
    assert berkas.bagian == [
        "daftar-hadir",
        "daftar-hadir-1",
        f"subkegiatan-{sub.kode}",
    ]
