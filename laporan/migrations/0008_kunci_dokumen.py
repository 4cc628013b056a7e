"""One key grammar for every document (``laporan.dokumen.kunci``): signed
evaluation tables become kinds ``evaluasi-unit``/``evaluasi-pejabat`` with keys
``evaluasi-unit-<pk>``/``evaluasi-pejabat-<pk>``; package selections and cached
parts name ``daftarhadir[-<unit pk>]`` and ``subkegiatan-<sub kegiatan pk>``.
The signed PDFs, their codes and hashes are untouched."""

import re

from django.db import migrations, models

LAMA_EVALUASI = re.compile(r"^(unit|pejabat)-(\d+)$")


def kunci_baru(kunci, sub_per_kode):
    """The new key of a package part key (``sub_per_kode``: ``{kode: pk}`` of
    the year's sub kegiatan); unchanged when it needs no change."""
    if kunci == "daftar-hadir":
        return "daftarhadir"
    if kunci.startswith("daftar-hadir-"):
        return "daftarhadir-" + kunci.removeprefix("daftar-hadir-")
    if kunci.startswith("subkegiatan-"):
        kode = kunci.removeprefix("subkegiatan-")
        if kode in sub_per_kode:
            return f"subkegiatan-{sub_per_kode[kode]}"
    return kunci


def kunci_lama(kunci, pk_per_kode):
    """The inverse of ``kunci_baru``."""
    if kunci == "daftarhadir":
        return "daftar-hadir"
    if kunci.startswith("daftarhadir-"):
        return "daftar-hadir-" + kunci.removeprefix("daftarhadir-")
    if kunci.startswith("subkegiatan-"):
        pk = kunci.removeprefix("subkegiatan-")
        if pk.isdigit() and int(pk) in pk_per_kode:
            return f"subkegiatan-{pk_per_kode[int(pk)]}"
    return kunci


def _sub_per_kode(SubKegiatan, instansi_id, tahun):
    return dict(
        SubKegiatan.objects.filter(
            kegiatan__program__tahun=tahun,
            kegiatan__program__periode__instansi_id=instansi_id,
        ).values_list("kode", "pk")
    )


def maju(apps, schema_editor):
    DokumenTerbit = apps.get_model("laporan", "DokumenTerbit")
    BerkasLaporan = apps.get_model("laporan", "BerkasLaporan")
    CacheBagianPdf = apps.get_model("laporan", "CacheBagianPdf")
    SubKegiatan = apps.get_model("renstra", "SubKegiatan")
    for t in DokumenTerbit.objects.filter(jenis="evaluasi").only("jenis", "kunci"):
        cocok = LAMA_EVALUASI.match(t.kunci)
        if cocok:
            t.jenis = f"evaluasi-{cocok[1]}"
            t.kunci = f"evaluasi-{cocok[1]}-{cocok[2]}"
            t.save(update_fields=["jenis", "kunci"])
    for b in BerkasLaporan.objects.exclude(bagian=[]).select_related("laporan"):
        if not b.bagian:
            continue
        per_kode = _sub_per_kode(SubKegiatan, b.laporan.instansi_id, b.laporan.tahun)
        baru = sorted(kunci_baru(k, per_kode) for k in b.bagian)
        if baru != b.bagian:
            BerkasLaporan.objects.filter(pk=b.pk).update(bagian=baru)
    for c in CacheBagianPdf.objects.filter(bagian__startswith="daftar-hadir"):
        CacheBagianPdf.objects.filter(pk=c.pk).update(
            bagian=kunci_baru(c.bagian, {})
        )


def mundur(apps, schema_editor):
    DokumenTerbit = apps.get_model("laporan", "DokumenTerbit")
    BerkasLaporan = apps.get_model("laporan", "BerkasLaporan")
    CacheBagianPdf = apps.get_model("laporan", "CacheBagianPdf")
    SubKegiatan = apps.get_model("renstra", "SubKegiatan")
    for t in DokumenTerbit.objects.filter(
        jenis__in=["evaluasi-unit", "evaluasi-pejabat"]
    ).only("jenis", "kunci"):
        t.kunci = t.kunci.removeprefix("evaluasi-")
        t.jenis = "evaluasi"
        t.save(update_fields=["jenis", "kunci"])
    for b in BerkasLaporan.objects.exclude(bagian=[]).select_related("laporan"):
        if not b.bagian:
            continue
        per_kode = _sub_per_kode(SubKegiatan, b.laporan.instansi_id, b.laporan.tahun)
        pk_per_kode = {pk: kode for kode, pk in per_kode.items()}
        lama = sorted(kunci_lama(k, pk_per_kode) for k in b.bagian)
        if lama != b.bagian:
            BerkasLaporan.objects.filter(pk=b.pk).update(bagian=lama)
    for c in CacheBagianPdf.objects.filter(bagian__startswith="daftarhadir"):
        CacheBagianPdf.objects.filter(pk=c.pk).update(bagian=kunci_lama(c.bagian, {}))


class Migration(migrations.Migration):
    dependencies = [
        ("laporan", "0007_paket_dan_cache_bagian"),
        ("renstra", "0002_perencanaan"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dokumenterbit",
            name="jenis",
            field=models.CharField(max_length=30, verbose_name="jenis dokumen"),
        ),
        migrations.RunPython(maju, mundur),
    ]
