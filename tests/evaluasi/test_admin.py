"""The LKE structure is edited by the system administrator in the admin; the
agency's roles cannot change it."""

from django.contrib.auth import get_user_model

from evaluasi.models import KomponenLke, KriteriaLke
from lakip.services import PASSWORD_DEMO, buat_akun_demo


def test_administrator_mengubah_dan_menyalin_struktur(client, instansi):
    admin = get_user_model().objects.create_superuser("uji.admin", password="x")
    client.force_login(admin)
    k = KriteriaLke.objects.get(kode="1.a.1", sub_komponen__komponen__tahun=2024)
    halaman = client.get(f"/admin/evaluasi/subkomponenlke/{k.sub_komponen_id}/change/")
    assert halaman.status_code == 200
    assert "Terdapat pedoman teknis perencanaan kinerja." in halaman.content.decode()
    komponen = KomponenLke.objects.filter(tahun=2024)
    r = client.post(
        "/admin/evaluasi/komponenlke/",
        {
            "action": "salin_ke_tahun_berikutnya",
            "_selected_action": [komponen.first().pk],
        },
        follow=True,
    )
    assert "Struktur LKE 2024 disalin ke 2025 (80 kriteria)." in r.content.decode()
    assert KomponenLke.objects.filter(tahun=2025).count() == 4


def test_perencanaan_tidak_mengubah_struktur(client, instansi):
    buat_akun_demo(instansi)
    assert client.login(username="perencanaan", password=PASSWORD_DEMO)
    assert client.get("/admin/evaluasi/komponenlke/").status_code == 403
