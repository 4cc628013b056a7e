"""Signing for someone else only as acting official (Plh./Plt.) under a recorded
delegation: the issued PDF prints it, the verification page shows both."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from lakip.delegasi import catat_delegasi
from lakip.models import Delegasi, Pegawai
from lakip.peran import Peran
from laporan.lampiran.terbit import daftar_dokumen, tandatangani
from laporan.models import DokumenTerbit
from tests.bantuan import sahkan_triwulan
from tests.laporan.lampiran.test_terbit import akun, teks_pdf

NIP_KAMAL = "198105111999121001"
NIP_JONI = "197406112006041012"
HARI = datetime.timedelta(days=1)


@pytest.fixture
def kamal(instansi):
    return akun("KAMAL RASYID", "kamal", peran=Peran.PIMPINAN)


@pytest.fixture
def joni(db):
    return Pegawai.objects.get(nama="JONI PATABI")


def plh(kamal, joni, mulai=-1, selesai=5, jenis=Delegasi.Jenis.PLH):
    """The Kepala Dinas acts for the Sekretaris around today."""
    hari_ini = timezone.localdate()
    return catat_delegasi(
        kamal,
        pejabat=joni,
        pelaksana=kamal.pegawai,
        jenis=jenis,
        mulai=hari_ini + mulai * HARI,
        selesai=hari_ini + selesai * HARI,
        nomor_sk="800.1.3/117/DISNAKERTRANS/2024",
        tanggal_sk=hari_ini - 2 * HARI,
    )


def test_kepala_dinas_signs_for_the_sekretaris_as_plh(client, instansi, kamal, joni):
    sahkan_triwulan(instansi, 2024, 1)
    kunci = (
        f"evaluasi-unit-{joni.unit_id}"  # the Sekretariat's table, signed by its head
    )
    with pytest.raises(PermissionDenied):
        tandatangani(kamal, instansi, 2024, 1, "evaluasi-unit", kunci)
    delegasi = plh(kamal, joni)

    client.force_login(kamal)
    daftar = client.get(reverse("laporan:tanda_tangan", args=[2024, 1]))
    tombol = reverse("laporan:tandatangani", args=[2024, 1, "evaluasi-unit", kunci])
    assert tombol in daftar.content.decode()
    assert "Anda menandatangani sebagai Plh." in daftar.content.decode()
    client.post(tombol)

    terbit = DokumenTerbit.objects.get(jenis="evaluasi-unit", kunci=kunci)
    # the named signer stays the Sekretaris; the acting official and the
    # person who pressed the button are the Kepala Dinas
    assert (terbit.penanda_nama, terbit.penanda_nip) == ("JONI PATABI, S.Sos", NIP_JONI)
    assert terbit.penanda_jabatan == "Sekretaris Dinas"
    assert terbit.kuasa == "Plh." and terbit.delegasi == delegasi
    assert terbit.pelaksana_nama == "KAMAL RASYID, S.STP"
    assert terbit.pelaksana_nip == NIP_KAMAL
    assert terbit.delegasi_nomor_sk == "800.1.3/117/DISNAKERTRANS/2024"
    assert terbit.ditandatangani_oleh == kamal and terbit.pencatat == kamal.pegawai
    assert terbit.dicatat_orang_lain

    isi = teks_pdf(bytes(terbit.isi))
    assert "Plh. SEKRETARIS DINAS" in isi
    assert "KAMAL RASYID, S.STP" in isi
    assert "NIP. 19810511 199912 1 001" in isi
    assert "JONI PATABI" not in isi and "19740611 200604 1 012" not in isi
    assert terbit.kode in isi
    # the signing list shows the document as signed under the delegation
    daftar = client.get(reverse("laporan:tanda_tangan", args=[2024, 1]))
    assert "Plh. Sekretaris Dinas" in daftar.content.decode()

    client.logout()
    halaman = client.get(reverse("verifikasi", args=[terbit.kode]))
    assert halaman.status_code == 200
    teks = " ".join(halaman.content.decode().split())
    assert "JONI PATABI, S.Sos, Sekretaris Dinas" in teks
    assert "NIP. 19740611 200604 1 012" in teks
    assert "Plh. Sekretaris Dinas: KAMAL RASYID, S.STP (Kepala Dinas)" in teks
    assert "NIP. 19810511 199912 1 001" in teks
    assert "Nomor 800.1.3/117/DISNAKERTRANS/2024" in teks
    assert "Tombol tanda tangan ditekan oleh</th><td>KAMAL RASYID, S.STP" in teks
    assert client.get("/verifikasi/ZZZZZZZZZZ/").status_code == 404


def test_plt_on_a_recommendation_before_approval(instansi, kamal, joni):
    """The recommendations print no figures: signed before the quarter is
    approved, as Plt. when so recorded."""
    plh(kamal, joni, jenis=Delegasi.Jenis.PLT)
    terbit = tandatangani(
        kamal, instansi, 2024, 1, "rekomendasi", f"rekomendasi-{joni.unit_id}"
    )
    isi = teks_pdf(bytes(terbit.isi))
    assert "Plt. SEKRETARIS DINAS" in isi and "NIP. 19810511 199912 1 001" in isi
    assert terbit.kuasa == "Plt."


def test_delegation_outside_its_period_or_office(instansi, kamal, joni):
    sahkan_triwulan(instansi, 2024, 1)
    plh(kamal, joni, mulai=1, selesai=3)  # starts tomorrow
    with pytest.raises(PermissionDenied, match="JONI PATABI"):
        tandatangani(
            kamal, instansi, 2024, 1, "evaluasi-unit", f"evaluasi-unit-{joni.unit_id}"
        )
    # acting for the Sekretaris is not acting for another official
    arfah = Pegawai.objects.get(nama="MUH. ARFAH TAUFIEK")
    with pytest.raises(PermissionDenied):
        tandatangani(
            kamal, instansi, 2024, 1, "evaluasi-unit", f"evaluasi-unit-{arfah.unit_id}"
        )
    assert not DokumenTerbit.objects.exists()


def test_documents_with_figures_wait_for_approval(client, instansi, kamal, joni):
    """A signature freezes the figures: pernyataan, evaluation tables and sub
    kegiatan reports are signed only once every unit is Disahkan."""
    from laporan.lampiran.terbit import TandaTanganTidakValid

    sahkan_triwulan(instansi, 2024, 1, kecuali=["bidang-hi"])
    user = akun("JONI PATABI", "joni")
    with pytest.raises(TandaTanganTidakValid, match="Bidang Hubungan Industrial"):
        tandatangani(
            user, instansi, 2024, 1, "evaluasi-unit", f"evaluasi-unit-{joni.unit_id}"
        )
    assert not DokumenTerbit.objects.exists()
    client.force_login(user)
    isi = client.get(reverse("laporan:tanda_tangan", args=[2024, 1])).content.decode()
    hi = "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"
    assert f"belum disahkan untuk: <b>{hi}</b>" in isi
    boleh = [
        d
        for d in daftar_dokumen(instansi, 2024, 1)
        if d.penanda and d.penanda.pk == joni.pk and d.jenis == "rekomendasi"
    ]
    assert isi.count("Tandatangani</button>") == len(boleh) == 1


def test_the_kinds_with_figures_are_declared_in_the_registry(instansi):
    """``JenisDokumen.berdata`` decides which signable kinds wait for approval."""
    from laporan.dokumen import semua_jenis
    from laporan.lampiran.terbit import menunggu_pengesahan

    berdata = {j.kode for j in semua_jenis() if j.dapat_ditandatangani and j.berdata}
    assert berdata == {
        "pernyataan",
        "evaluasi-unit",
        "evaluasi-pejabat",
        "laporan-unit",
        "subkegiatan",
        "spsb",
        "perselisihan",
        "laporan-kegiatan",
        "laporan-program",
    }
    assert menunggu_pengesahan(instansi, 2024, 1, "rekomendasi") == []
    assert menunggu_pengesahan(instansi, 2024, 1, "undangan") == []
    assert len(menunggu_pengesahan(instansi, 2024, 1, "pernyataan")) == 8
    sahkan_triwulan(instansi, 2024, 1)
    assert menunggu_pengesahan(instansi, 2024, 1, "pernyataan") == []
