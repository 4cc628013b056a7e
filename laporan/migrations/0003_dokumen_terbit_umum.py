import django.db.models.deletion
from django.db import migrations, models


def isi_kunci(apps, schema_editor):
    """Signed pernyataan pages issued before documents had a key: the key names the
    evaluated official, the title is the page's heading."""
    DokumenTerbit = apps.get_model("laporan", "DokumenTerbit")
    for d in DokumenTerbit.objects.all():
        d.kunci = f"pernyataan-{d.subjek_id or d.pk}"
        d.judul = f"Pernyataan Telah Dievaluasi atas Kinerja {d.subjek_jabatan}"
        d.save(update_fields=["kunci", "judul"])


class Migration(migrations.Migration):
    dependencies = [
        ("lakip", "0004_pegawai_dievaluasi_berjenjang"),
        ("laporan", "0002_dokumen_terbit"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="dokumenterbit",
            name="dokumenterbit_unik",
        ),
        migrations.AddField(
            model_name="dokumenterbit",
            name="judul",
            field=models.CharField(
                default="", max_length=300, verbose_name="judul dokumen"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="dokumenterbit",
            name="kunci",
            field=models.CharField(
                default="", max_length=60, verbose_name="kunci dokumen"
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="dokumenterbit",
            name="jenis",
            field=models.CharField(
                choices=[
                    ("pernyataan", "Pernyataan telah dievaluasi"),
                    ("evaluasi", "Tabel evaluasi kinerja"),
                    ("subkegiatan", "Laporan sub kegiatan triwulan"),
                ],
                max_length=30,
                verbose_name="jenis dokumen",
            ),
        ),
        migrations.AlterField(
            model_name="dokumenterbit",
            name="subjek",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="lakip.pegawai",
                verbose_name="pejabat yang dilaporkan",
            ),
        ),
        migrations.AlterField(
            model_name="dokumenterbit",
            name="subjek_jabatan",
            field=models.CharField(
                max_length=200, verbose_name="jabatan yang dilaporkan"
            ),
        ),
        migrations.AlterField(
            model_name="dokumenterbit",
            name="subjek_nama",
            field=models.CharField(max_length=200, verbose_name="nama yang dilaporkan"),
        ),
        migrations.AlterField(
            model_name="dokumenterbit",
            name="subjek_nip",
            field=models.CharField(
                blank=True, max_length=18, verbose_name="NIP yang dilaporkan"
            ),
        ),
        migrations.RunPython(isi_kunci, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="dokumenterbit",
            constraint=models.UniqueConstraint(
                fields=("instansi", "jenis", "kunci", "tahun", "triwulan"),
                name="dokumenterbit_kunci_unik",
            ),
        ),
    ]
