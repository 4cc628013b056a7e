from django.db import migrations

PERAN = ["Operator unit", "Kepala unit", "Perencanaan", "Pimpinan", "Pemeriksa"]


def buat_grup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for nama in PERAN:
        Group.objects.get_or_create(name=nama)


def hapus_grup(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=PERAN).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lakip", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(buat_grup, hapus_grup)]
