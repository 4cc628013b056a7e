"""No evaluation table twice: a Kasubag's own table has exactly the rows of the
table of the Subbagian the Kasubag heads; only the Subbagian's is printed and
signed (by its head), and it says it is the Kasubag's table too."""

import pytest
from django.urls import reverse

from lakip.models import Pegawai
from laporan.dokumen import evaluasi
from laporan.dokumen.kunci import EVALUASI_PEJABAT, EVALUASI_UNIT, kunci
from laporan.lampiran.terbit import (
    TandaTanganTidakValid,
    cari_dokumen,
    daftar_dokumen,
    tandatangani,
)
from laporan.paket.bagian import daftar_bagian, susun_konteks
from tests.bantuan import sahkan_triwulan
from tests.laporan.lampiran.test_terbit import akun, teks_pdf

KASUBAG = {
    "Kasubag Perencanaan": "Subbagian Perencanaan",
    "Kasubag Keuangan": "Subbagian Keuangan",
    "Kasubag Umum dan Kepegawaian": "Subbagian Umum dan Kepegawaian",
}


def _baris(tabel):
    return [
        (b.tingkat, b.kode, b.nama, b.satuan) for k in tabel.kelompok for b in k.baris
    ]


@pytest.fixture
def konteks(instansi):
    return susun_konteks(instansi, 2024, 1)


def test_no_two_evaluation_tables_of_the_package_have_the_same_rows(konteks):
    bagian = [b for b in daftar_bagian(konteks) if b.jenis.startswith("evaluasi-")]
    tabel = [konteks.tabel_per_kunci[b.kunci] for b in bagian]
    baris = [tuple(_baris(t)) for t in tabel]
    assert len(bagian) == 22  # 25 tables, three of them twice
    assert len(set(baris)) == len(baris)
    # the three Kasubag tables are gone, their Subbagian's say they are both
    judul = [b.judul for b in bagian]
    for jabatan, unit in KASUBAG.items():
        kasubag = Pegawai.objects.get(jabatan=jabatan)
        assert kunci(EVALUASI_PEJABAT, kasubag.pk) not in {b.kunci for b in bagian}
        assert f"Evaluasi Kinerja {unit} (sekaligus {jabatan})" in judul
        assert kunci(EVALUASI_PEJABAT, kasubag.pk) in evaluasi.kembar(konteks.lampiran)
    subbagian = next(b for b in bagian if b.judul.startswith("Evaluasi Kinerja Subb"))
    assert "Tabel ini sekaligus tabel evaluasi Kasubag Perencanaan" in subbagian.html
    # under the Kasubag, right after the Kasubag's pernyataan
    kunci_semua = [b.kunci for b in daftar_bagian(konteks)]
    arfah = Pegawai.objects.get(jabatan="Kasubag Perencanaan")
    i = kunci_semua.index(kunci(EVALUASI_UNIT, arfah.unit_id))
    assert kunci_semua[i - 1] == f"pernyataan-{arfah.pk}"


def test_the_dropped_table_is_not_offered_for_signing(instansi):
    sahkan_triwulan(instansi, 2024, 1)
    arfah = Pegawai.objects.get(jabatan="Kasubag Perencanaan")
    kunci_dokumen = {d.kunci for d in daftar_dokumen(instansi, 2024, 1)}
    assert kunci(EVALUASI_UNIT, arfah.unit_id) in kunci_dokumen
    assert kunci(EVALUASI_PEJABAT, arfah.pk) not in kunci_dokumen
    with pytest.raises(TandaTanganTidakValid):
        cari_dokumen(
            instansi, 2024, 1, EVALUASI_PEJABAT, kunci(EVALUASI_PEJABAT, arfah.pk)
        )


def test_a_table_signed_before_it_became_a_duplicate_keeps_working(
    instansi, masuk, monkeypatch
):
    """A Kasubag's own table signed earlier (before the duplicate was dropped)
    stays a signed document: listed, in the package as issued, downloadable."""
    sahkan_triwulan(instansi, 2024, 1)
    user = akun("MUH. ARFAH TAUFIEK", "arfah")
    arfah = user.pegawai
    k = kunci(EVALUASI_PEJABAT, arfah.pk)
    with monkeypatch.context() as m:
        m.setattr(evaluasi, "kembar", lambda lampiran: {})
        terbit = tandatangani(user, instansi, 2024, 1, EVALUASI_PEJABAT, k)
    dokumen = {d.kunci: d for d in daftar_dokumen(instansi, 2024, 1)}
    assert dokumen[k].terbit == terbit
    bagian = {b.kunci: b for b in daftar_bagian(susun_konteks(instansi, 2024, 1))}
    assert bagian[k].terbit == terbit
    client = masuk("perencanaan")
    jawab = client.get(reverse("laporan:dokumen_pdf", args=[2024, 1, k]))
    assert jawab.status_code == 200
    isi = teks_pdf(
        b"".join(jawab.streaming_content) if jawab.streaming else jawab.content
    )
    assert terbit.kode in isi and "EVALUASI KINERJA KASUBAG PERENCANAAN" in isi
