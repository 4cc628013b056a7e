"""The LKE screens driven as users do: roles, uploads, read-only when final,
downloads, the pohon kinerja and Manual IK pages, the dashboard panel, and
tenancy (a user of another agency sees only their own)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluasi import services
from evaluasi.models import BuktiKriteria, JawabanKriteria, PenilaianLke
from lakip.models import Pegawai
from lakip.peran import Peran
from lakip.services import PASSWORD_DEMO, buat_akun_demo

from .conftest import kriteria


@pytest.fixture
def masuk(client):
    def sebagai(user):
        client.force_login(user)
        return client

    return sebagai


def test_perencanaan_mengisi_lewat_layar(masuk, perencanaan, instansi):
    c = masuk(perencanaan)
    halaman = c.get("/evaluasi/lke/2024/")
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert "Terdapat dokumen perencanaan kinerja jangka menengah." in teks
    # The app proposes the Renstra for 1.a.3.
    assert "Dokumen Renstra: Renstra Dinas Transmigrasi" in teks
    k = kriteria("1.a.3")
    r = c.post(
        f"/evaluasi/lke/2024/kriteria/{k.pk}/jawab/",
        {"jawaban": "Y", "catatan": "Renstra ditetapkan"},
    )
    assert r.status_code == 302 and r["Location"].endswith("#k-1.a.3")
    r = c.post(
        f"/evaluasi/lke/2024/kriteria/{k.pk}/bukti/",
        {"judul": "Renstra", "tautan": "/rencana/?tahun=2024"},
    )
    assert r.status_code == 302
    j = JawabanKriteria.objects.get(penilaian__instansi=instansi, kriteria=k)
    assert (j.jawaban.kode, j.catatan) == ("Y", "Renstra ditetapkan")
    assert [b.tautan for b in j.bukti.all()] == ["/rencana/?tahun=2024"]
    # A wrong answer: 400 with the message, nothing changed.
    r = c.post(f"/evaluasi/lke/2024/kriteria/{k.pk}/jawab/", {"jawaban": "Z"})
    assert r.status_code == 400
    assert "harus salah satu: Y/T" in r.content.decode()
    j.refresh_from_db()
    assert j.jawaban.kode == "Y"


def test_unggah_bukti_dibatasi(masuk, perencanaan, instansi, settings):
    settings.LAKIP_BUKTI_MAKS = 2048
    c = masuk(perencanaan)
    k = kriteria("1.a.1")
    url = f"/evaluasi/lke/2024/kriteria/{k.pk}/bukti/"
    pdf = SimpleUploadedFile("pedoman.pdf", b"%PDF-1.4 pedoman", "application/pdf")
    assert c.post(url, {"judul": "Pedoman", "berkas": pdf}).status_code == 302
    besar = SimpleUploadedFile("besar.pdf", b"%PDF-" + b"0" * 4096)
    r = c.post(url, {"judul": "Besar", "berkas": besar})
    assert r.status_code == 400 and "terlalu besar" in r.content.decode()
    teks = SimpleUploadedFile("catatan.txt", b"hanya teks")
    r = c.post(url, {"judul": "Teks", "berkas": teks})
    assert r.status_code == 400 and "hanya boleh berkas PDF" in r.content.decode()
    bukti = BuktiKriteria.objects.get(jawaban__penilaian__instansi=instansi)
    unduh = c.get(f"/evaluasi/bukti/{bukti.pk}/")
    assert unduh.status_code == 200
    assert unduh["Content-Type"] == "application/pdf"
    assert unduh.content == b"%PDF-1.4 pedoman"


@pytest.mark.parametrize("peran", [Peran.PIMPINAN, Peran.PEMERIKSA, Peran.EVALUATOR])
def test_selain_perencanaan_tidak_menjawab(masuk, buat_pengguna, peran):
    c = masuk(buat_pengguna("uji.peran", peran))
    assert c.get("/evaluasi/lke/2024/").status_code == 200
    k = kriteria("1.a.1")
    r = c.post(f"/evaluasi/lke/2024/kriteria/{k.pk}/jawab/", {"jawaban": "Y"})
    assert r.status_code == 403
    assert not JawabanKriteria.objects.exists()


@pytest.mark.parametrize("peran", [Peran.OPERATOR_UNIT, Peran.KEPALA_UNIT])
def test_peran_unit_tidak_membuka_evaluasi(masuk, buat_pengguna, peran):
    c = masuk(buat_pengguna("uji.unit", peran))
    assert c.get("/evaluasi/lke/2024/").status_code == 403
    assert c.get("/evaluasi/pohon/2024/").status_code == 403


def test_alur_layar_sampai_final(
    client, masuk, lke_terisi, pimpinan, evaluator, perencanaan, instansi
):
    c = masuk(pimpinan)
    assert "Setujui LKE" in c.get("/evaluasi/lke/2024/").content.decode()
    assert c.post("/evaluasi/lke/2024/aksi/", {"aksi": "setujui"}).status_code == 302
    c = masuk(evaluator)
    k = kriteria("1.c.3")
    r = c.post(
        f"/evaluasi/lke/2024/kriteria/{k.pk}/reviu/",
        {"setuju": "0", "jawaban": "C", "catatan": "Sebagian tercapai."},
    )
    assert r.status_code == 302
    assert c.post("/evaluasi/lke/2024/aksi/", {"aksi": "finalkan"}).status_code == 302
    data = json.loads(c.get("/evaluasi/lke/2024/unduh.json").content)
    kr = {
        x["kode"]: x
        for km in data["komponen"]
        for s in km["sub_komponen"]
        for x in s["kriteria"]
    }
    assert kr["1.c.3"]["jawaban"] == "C" and kr["1.c.3"]["nilai"] == "0.50"
    assert "Evaluator: Sebagian tercapai." in kr["1.c.3"]["catatan"]
    r = c.post("/evaluasi/lke/2024/rekomendasi/", {"teks": "Lengkapi Manual IK."})
    assert r.status_code == 302
    # Final: read-only, the forms are gone and posts are refused.
    c = masuk(perencanaan)
    halaman = c.get("/evaluasi/lke/2024/").content.decode()
    assert "Final (direviu Evaluator)" in halaman
    assert f"/evaluasi/lke/2024/kriteria/{k.pk}/jawab/" not in halaman
    r = c.post(f"/evaluasi/lke/2024/kriteria/{k.pk}/jawab/", {"jawaban": "A"})
    assert r.status_code == 400 and "tidak dapat diubah" in r.content.decode()
    rek = lke_terisi.rekomendasi.get()
    r = c.post(
        f"/evaluasi/rekomendasi/{rek.pk}/tindak-lanjut/",
        {"tahun": "2025", "triwulan": "1", "uraian": "Manual IK disusun."},
    )
    assert r.status_code == 302
    # The dashboard shows the score and the open follow-up.
    c = masuk(pimpinan)
    dasbor = c.get("/laporan/dasbor/").content.decode()
    assert "Evaluasi SAKIP" in dasbor
    assert "LKE 2024 (Final (direviu Evaluator)): nilai" in dasbor
    assert "Lengkapi Manual IK." in dasbor
    # The Sekretaris sees the dashboard but not the evaluation panel.
    buat_akun_demo(instansi)
    client.logout()
    assert client.login(username="sekretaris", password=PASSWORD_DEMO)
    dasbor = client.get("/laporan/dasbor/").content.decode()
    assert "Dasbor kinerja" in dasbor and "Evaluasi SAKIP" not in dasbor


def test_unduh_xlsx_pdf_dan_dokumen(masuk, pimpinan):
    c = masuk(pimpinan)
    xlsx = c.get("/evaluasi/lke/2024/unduh.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:4] == b"PK\x03\x04"
    assert c.get("/evaluasi/lke/2024/unduh.exe").status_code == 404
    assert c.get("/evaluasi/lke/2019/").status_code == 404
    pohon = c.get("/evaluasi/pohon/2024/")
    teks = pohon.content.decode()
    assert 'id="pohon-data"' in teks and "evaluasi/pohon.js" in teks
    assert "<script>" not in teks  # CSP: no inline script
    data = json.loads(teks.split('id="pohon-data" type="application/json">')[1]
                      .split("</script>")[0])  # fmt: skip
    assert len(data["akar"]) == 3
    manual = c.get("/evaluasi/manual-ik/2024/").content.decode()
    assert "MANUAL INDIKATOR KINERJA" in manual
    assert "Persentase Warga Transmigran Mandiri" in manual
    # The old PDF addresses (kept as evidence links) lead to the registry's one
    # yearly route.
    for url, kode in [
        ("iku/2024/pdf/", "iku"),
        ("pohon/2024/pdf/", "pohon-kinerja"),
        ("manual-ik/2024/pdf/", "manual-ik"),
        ("lke/2024/unduh.pdf", "lke"),
    ]:
        r = c.get(f"/evaluasi/{url}")
        assert r.status_code == 302
        assert r.url == reverse("laporan:dokumen_pdf_tahun", args=[2024, kode])
        r = c.get(r.url)
        assert r["Content-Type"] == "application/pdf" and r.content[:5] == b"%PDF-"
        assert r["Content-Disposition"].endswith('-2024-disnakertrans-lutim.pdf"')


def test_instansi_lain_tidak_melihat_lke_kita(
    masuk, lke_terisi, instansi_kosong, buat_pengguna, perencanaan
):
    tamu = buat_pengguna("uji.lain", Peran.PERENCANAAN, instansi_kosong)
    Pegawai.objects.create(
        instansi=instansi_kosong, nama="Pegawai Lain", jabatan="Kasubag", user=tamu
    )
    services.tambah_bukti(
        perencanaan, lke_terisi, kriteria("1.a.1"), "", berkas=("a.pdf", b"%PDF-1")
    )
    bukti = BuktiKriteria.objects.get(jenis="berkas")
    c = masuk(tamu)
    halaman = c.get("/evaluasi/lke/2024/").content.decode()
    assert "catatan 1.a.3" not in halaman
    assert "Belum diisi" in halaman
    assert c.get(f"/evaluasi/bukti/{bukti.pk}/").status_code == 404
    assert c.post(f"/evaluasi/bukti/{bukti.pk}/hapus/").status_code == 404
    k = kriteria("1.a.1")
    c.post(f"/evaluasi/lke/2024/kriteria/{k.pk}/jawab/", {"jawaban": "T"})
    # The answer went to the visitor's own agency, not to ours.
    lain = PenilaianLke.objects.get(instansi=instansi_kosong, tahun=2024)
    assert lain.jawaban.get().jawaban.kode == "T"
    assert lke_terisi.jawaban.get(kriteria=k).jawaban.kode == "Y"
    data = json.loads(c.get("/evaluasi/lke/2024/unduh.json").content)
    assert data["nilai"] == "0.00"
