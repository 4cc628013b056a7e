"""Signing the attachments: frozen signer, verification code, public page."""

import hashlib
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from lakip.models import Pegawai
from lakip.peran import Peran
from lakip.services import jadikan_anggota
from laporan.lampiran.render import render_html
from laporan.lampiran.susun import susun_lampiran
from laporan.lampiran.terbit import (
    TandaTanganTidakValid,
    daftar_dokumen,
    tandatangani,
)
from laporan.models import DokumenTerbit
from tests.bantuan import sahkan_triwulan

NIP_RAKHSAN = "198008072001031002"  # organisasi.yaml


@pytest.fixture(autouse=True)
def disahkan(instansi):
    """Documents with figures are signed once the quarter is approved."""
    sahkan_triwulan(instansi, 2024, 1)


def akun(nama_pegawai, username, peran="Kepala unit"):
    """A login for an official; evaluators head a unit (Kepala unit role)."""
    from django.contrib.auth.models import Group

    user = User.objects.create_user(username, password="rahasia-123")
    user.groups.add(Group.objects.get(name=peran))
    pegawai = Pegawai.objects.get(nama=nama_pegawai)
    pegawai.user = user
    pegawai.save()
    return jadikan_anggota(user, pegawai.instansi)


def tandatangani_pernyataan(user, instansi, tahun, triwulan, pegawai):
    return tandatangani(
        user,
        instansi,
        tahun,
        triwulan,
        "pernyataan",
        f"pernyataan-{pegawai.pk}",
    )


def teks_pdf(isi):
    return " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split()
    )


@pytest.fixture
def rakhsan(db):
    return akun("RAKHSAN R", "rakhsan")


@pytest.fixture
def erfina(db):
    return Pegawai.objects.get(nama="ERFINA ARAS")


def test_evaluator_signs_and_page_is_frozen(client, instansi, rakhsan, erfina):
    client.force_login(rakhsan)
    url = reverse("laporan:tanda_tangan", args=[2024, 1])
    halaman = client.get(url)
    assert halaman.status_code == 200
    tombol = reverse(
        "laporan:tandatangani",
        args=[2024, 1, "pernyataan", f"pernyataan-{erfina.pk}"],
    )
    assert tombol in halaman.content.decode()
    respons = client.post(tombol, follow=True)
    assert "kode verifikasi" in respons.content.decode()

    terbit = DokumenTerbit.objects.get(subjek=erfina, tahun=2024, triwulan=1)
    assert terbit.penanda_nama == "RAKHSAN R, S.Sos, M.Si"
    assert terbit.penanda_nip == NIP_RAKHSAN
    assert terbit.sha256 == hashlib.sha256(bytes(terbit.isi)).hexdigest()
    diterbitkan = teks_pdf(bytes(terbit.isi))
    assert "oleh ERFINA ARAS" in diterbitkan
    assert "RAKHSAN R, S.Sos, M.Si" in diterbitkan
    assert terbit.kode in diterbitkan

    # The evaluator's record changes later (new name, NIP, position) ...
    evaluator = Pegawai.objects.get(nama="RAKHSAN R")
    evaluator.nama = "PENGGANTI BARU"
    evaluator.nip = "199001012015031001"
    evaluator.jabatan = "Plt. Kepala Bidang"
    evaluator.save()
    # ... the signed page still prints the signer it was signed by.
    lamp = susun_lampiran(instansi, 2024, 1)
    html = render_html(lamp, "pernyataan")
    bagian = html[html.index("ERFINA ARAS") :]
    bagian = bagian[: bagian.index("</section>")]
    assert "RAKHSAN R, S.Sos, M.Si" in bagian
    assert "PENGGANTI BARU" not in bagian
    assert terbit.kode in bagian
    # pages not yet signed follow the staff records
    halaman_rakhsan = next(p for p in lamp.pernyataan if p.pegawai == evaluator)
    assert halaman_rakhsan.terbit is None
    assert halaman_rakhsan.dievaluasi.nama.startswith("PENGGANTI BARU")


def test_public_verification(client, instansi, rakhsan, erfina):
    terbit = tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    client.logout()
    respons = client.get(reverse("verifikasi", args=[terbit.kode]))
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert "ERFINA ARAS" in isi
    assert "Triwulan I Tahun 2024" in isi
    assert "RAKHSAN R, S.Sos, M.Si" in isi
    assert terbit.sha256 in isi
    assert client.get("/verifikasi/ZZZZZZZZZZ/").status_code == 404


def test_only_the_signer_signs(instansi, rakhsan, erfina, db):
    """Neither another official, nor the Kepala Dinas, nor a superuser signs for
    the evaluator without a recorded delegation."""
    bukan = akun("JONI PATABI", "joni")
    kepala = akun("KAMAL RASYID", "kamal", peran=Peran.PIMPINAN)
    admin = User.objects.create_superuser("root", password="rahasia-123")
    tanpa_pegawai = User.objects.create_user("kadis")
    tanpa_pegawai.groups.add(Group.objects.get(name=Peran.PIMPINAN))
    for user in (bukan, kepala, admin, tanpa_pegawai):
        with pytest.raises(PermissionDenied, match="RAKHSAN R"):
            tandatangani_pernyataan(user, instansi, 2024, 1, erfina)
    assert not DokumenTerbit.objects.exists()
    terbit = tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    assert terbit.penanda_nama.startswith("RAKHSAN R")
    assert terbit.ditandatangani_oleh == rakhsan
    assert terbit.pencatat == rakhsan.pegawai and not terbit.kuasa
    assert not terbit.dicatat_orang_lain


def test_signed_twice_or_not_evaluated(instansi, rakhsan, erfina):
    tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    with pytest.raises(TandaTanganTidakValid, match="sudah ditandatangani"):
        tandatangani_pernyataan(rakhsan, instansi, 2024, 1, erfina)
    staf = Pegawai.objects.get(nama="AYU ASHARI")  # staff of Rakhsan, owns nothing
    with pytest.raises(TandaTanganTidakValid, match="tidak mendapat pernyataan"):
        tandatangani_pernyataan(rakhsan, instansi, 2024, 1, staf)
    assert DokumenTerbit.objects.count() == 1


def test_official_without_pernyataan_cannot_be_signed(instansi):
    sumarianto = Pegawai.objects.get(nama="SUMARIANTO")
    sugeng = Pegawai.objects.get(nama="SUGENG WIDODO")
    with pytest.raises(TandaTanganTidakValid, match="tidak mendapat pernyataan"):
        tandatangani_pernyataan(
            sumarianto.user or akun("SUMARIANTO", "sum"), instansi, 2024, 1, sugeng
        )
    assert not DokumenTerbit.objects.exists()


def test_list_page_links_and_buttons(client, instansi, rakhsan, erfina):
    client.force_login(rakhsan)
    isi = client.get(reverse("laporan:tanda_tangan", args=[2024, 1])).content.decode()
    dokumen = daftar_dokumen(instansi, 2024, 1)
    jenis = [d.jenis for d in dokumen]
    # the 15 pages of the seed, the 25 evaluation tables less the three Kasubag
    # tables that are their Subbagian's, the 44 sub kegiatan reports
    evaluasi = jenis.count("evaluasi-unit") + jenis.count("evaluasi-pejabat")
    assert (jenis.count("pernyataan"), evaluasi) == (15, 22)
    assert jenis.count("subkegiatan") == 44
    assert jenis.count("undangan") == 1 and jenis.count("rekomendasi") == 4
    assert isi.count("<tr>") == len(dokumen) + len(set(jenis))  # + header rows
    # Rakhsan signs Erfina's pernyataan, his own table and his unit's, Erfina's
    # table, his unit's recommendations (the seed names no PPTK for his bidang's
    # sub kegiatan)
    milik = [d for d in dokumen if d.penanda and rakhsan.pegawai.pk == d.penanda.pk]
    # his bidang's unit report is his too, but nothing is written in it yet
    assert [d.jenis for d in milik if not d.siap] == ["laporan-unit"]
    boleh = [d for d in milik if d.siap]
    assert isi.count("Tandatangani</button>") == len(boleh)
    assert {d.jenis for d in boleh} == {
        "pernyataan",
        "evaluasi-unit",
        "evaluasi-pejabat",
        "rekomendasi",
    }
    # Erfina's page; his own table and his unit's; his unit's recommendations
    assert len(boleh) == 4
    client.logout()
    masuk = client.get(reverse("laporan:tanda_tangan", args=[2024, 1]))
    assert masuk.status_code == 302


def test_signed_evaluation_table_keeps_its_signer(instansi, db):
    user = akun("MUH. ARFAH TAUFIEK", "arfah")
    arfah = user.pegawai
    # his own table has his Subbagian's rows: the unit's table is both
    terbit = tandatangani(
        user, instansi, 2024, 1, "evaluasi-unit", f"evaluasi-unit-{arfah.unit_id}"
    )
    assert terbit.penanda_nama == arfah.nama_lengkap
    assert terbit.judul == (
        "Evaluasi Kinerja Subbagian Perencanaan (sekaligus Kasubag Perencanaan)"
    )
    isi = teks_pdf(bytes(terbit.isi))
    assert "EVALUASI KINERJA SUBBAGIAN PERENCANAAN" in isi
    assert (
        "Tabel ini sekaligus tabel evaluasi Kasubag Perencanaan MUH. ARFAH TAUFIEK"
        in " ".join(isi.split())
    )
    assert terbit.kode in isi
    arfah.nama = "NAMA BARU"
    arfah.save()
    tabel = next(
        d
        for d in daftar_dokumen(instansi, 2024, 1)
        if d.kunci == f"evaluasi-unit-{arfah.unit_id}"
    )
    assert tabel.terbit == terbit
    assert tabel.penanda_cetak.nama.startswith("MUH. ARFAH TAUFIEK")
    assert "NAMA BARU" not in teks_pdf(bytes(terbit.isi))


def test_sub_kegiatan_report_signed_by_its_pptk(client, instansi, db):
    from renstra.models import SubKegiatan

    sub = SubKegiatan.objects.get(
        kode="2.07.05.2.02.0002", kegiatan__program__tahun=2024
    )
    rasyid = akun("A. ABD. RASYID", "rasyid")
    client.force_login(rasyid)
    tombol = reverse(
        "laporan:tandatangani", args=[2024, 1, "subkegiatan", f"subkegiatan-{sub.pk}"]
    )
    assert (
        tombol
        in client.get(reverse("laporan:tanda_tangan", args=[2024, 1])).content.decode()
    )
    client.post(tombol)
    terbit = DokumenTerbit.objects.get(
        jenis="subkegiatan", kunci=f"subkegiatan-{sub.pk}"
    )
    assert terbit.penanda_nama.startswith("A. ABD. RASYID")
    isi = teks_pdf(bytes(terbit.isi))
    assert "PENYELESAIAN PERSELISIHAN" in isi.upper()
    assert terbit.kode in isi
    # the PDF served from then on is the issued one
    respons = client.get(
        reverse("laporan:dokumen_pdf", args=[2024, 1, f"subkegiatan-{sub.pk}"])
    )
    assert respons.content == bytes(terbit.isi)


def test_document_without_signer_cannot_be_signed(instansi, db):
    from renstra.models import SubKegiatan

    kadis = akun("KAMAL RASYID", "kamal", peran=Peran.PIMPINAN)
    sub = SubKegiatan.objects.filter(pptk__isnull=True).first()
    with pytest.raises(TandaTanganTidakValid, match="belum tercatat"):
        tandatangani(kadis, instansi, 2024, 1, "subkegiatan", f"subkegiatan-{sub.pk}")
    assert not DokumenTerbit.objects.exists()


def test_invitation_and_recommendation_signed(client, instansi, db):
    kadis = akun("KAMAL RASYID", "kamal", peran=Peran.PIMPINAN)
    joni = akun("JONI PATABI", "joni")
    sekretariat = Pegawai.objects.get(nama="JONI PATABI").unit
    dokumen = {d.kunci: d for d in daftar_dokumen(instansi, 2024, 1)}
    assert dokumen["undangan"].judul.endswith("Nomor 300.2.12/793/Transnaker/2024")
    # the Sekretaris signs his unit's recommendations, not the invitation
    with pytest.raises(PermissionDenied):
        tandatangani(joni, instansi, 2024, 1, "undangan", "undangan")
    rekomendasi = tandatangani(
        joni, instansi, 2024, 1, "rekomendasi", f"rekomendasi-{sekretariat.pk}"
    )
    isi = teks_pdf(bytes(rekomendasi.isi))
    assert "REKOMENDASI HASIL EVALUASI" in isi
    assert "NIP. 19740611 200604 1 012" in isi
    assert rekomendasi.kode in isi
    undangan = tandatangani(kadis, instansi, 2024, 1, "undangan", "undangan")
    isi = teks_pdf(bytes(undangan.isi))
    assert "300.2.12/793/Transnaker/2024" in isi
    assert "KAMAL RASYID" in isi and undangan.kode in isi
    # the downloads serve the issued documents from then on
    client.force_login(joni)
    unduh = client.get(
        reverse("laporan:dokumen_pdf", args=[2024, 1, f"rekomendasi-{sekretariat.pk}"])
    )
    assert unduh.content == bytes(rekomendasi.isi)
    unduh = client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, "undangan"]))
    assert unduh.content == bytes(undangan.isi)
    client.logout()
    halaman = client.get(reverse("verifikasi", args=[undangan.kode])).content.decode()
    assert "Undangan Rapat Evaluasi Triwulan I 2024" in halaman
