"""Seed: the LKE of PermenPAN-RB 88/2021 for evaluation year 2024 (data in
evaluasi/fixtures/lke_88_2021.json, sources in evaluasi/fixtures/README.md),
and the Evaluator (Inspektorat) role group."""

import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "lke_88_2021.json"
TAHUN = [2024]
GRUP = "Evaluator"


def isi(apps, schema_editor):
    Skala = apps.get_model("evaluasi", "SkalaJawaban")
    Pilihan = apps.get_model("evaluasi", "PilihanJawaban")
    Komponen = apps.get_model("evaluasi", "KomponenLke")
    Sub = apps.get_model("evaluasi", "SubKomponenLke")
    Kriteria = apps.get_model("evaluasi", "KriteriaLke")
    apps.get_model("auth", "Group").objects.get_or_create(name=GRUP)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    skala = {}
    for s in data["skala"]:
        skala[s["kode"]], _ = Skala.objects.get_or_create(
            kode=s["kode"], defaults={"nama": s["nama"]}
        )
        for i, p in enumerate(s["pilihan"]):
            Pilihan.objects.get_or_create(
                skala=skala[s["kode"]],
                kode=p["kode"],
                defaults={"uraian": p["uraian"], "nilai": Decimal(p["nilai"]), "urutan": i},
            )
    for tahun in TAHUN:
        if Komponen.objects.filter(tahun=tahun).exists():
            continue
        for i, k in enumerate(data["komponen"]):
            komponen = Komponen.objects.create(
                tahun=tahun, kode=k["kode"], nama=k["nama"], bobot=Decimal(k["bobot"]), urutan=i
            )
            for j, s in enumerate(k["sub_komponen"]):
                sub = Sub.objects.create(
                    komponen=komponen,
                    kode=s["kode"],
                    nama=s["nama"],
                    jenis=s["jenis"],
                    bobot=Decimal(s["bobot"]),
                    skala=skala[s["skala"]],
                    urutan=j,
                )
                Kriteria.objects.bulk_create(
                    Kriteria(sub_komponen=sub, kode=kr["kode"], uraian=kr["uraian"], urutan=n)
                    for n, kr in enumerate(s["kriteria"])
                )


def hapus(apps, schema_editor):
    apps.get_model("evaluasi", "KomponenLke").objects.filter(tahun__in=TAHUN).delete()
    apps.get_model("evaluasi", "SkalaJawaban").objects.all().delete()
    apps.get_model("auth", "Group").objects.filter(name=GRUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluasi", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(isi, hapus)]
