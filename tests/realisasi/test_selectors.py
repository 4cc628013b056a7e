"""Which units keep a quarter from being approved."""

from realisasi.models import EntriTriwulan, StatusEntri
from realisasi.selectors import unit_belum_disahkan
from tests.bantuan import sahkan_triwulan

SEMUA = [
    "sekretariat",
    "subbag-perencanaan",
    "subbag-keuangan",
    "subbag-umum",
    "bidang-ppkt",
    "bidang-pkt",
    "bidang-pk",
    "bidang-hi",
]


def kode(unit):
    return [u.kode for u in unit]


def test_no_record_is_draf_and_every_unit_counts(instansi, django_assert_num_queries):
    with django_assert_num_queries(4):
        assert kode(unit_belum_disahkan(instansi, 2024, 1)) == SEMUA


def test_approved_only_when_every_unit_is_disahkan(instansi):
    sahkan_triwulan(instansi, 2024, 1, kecuali=["bidang-hi", "subbag-umum"])
    assert kode(unit_belum_disahkan(instansi, 2024, 1)) == ["subbag-umum", "bidang-hi"]
    hi = EntriTriwulan.objects.create(
        unit=instansi.unit_kerja.get(kode="bidang-hi"),
        tahun=2024,
        triwulan=1,
        status=StatusEntri.DIVERIFIKASI,
    )
    assert "bidang-hi" in kode(unit_belum_disahkan(instansi, 2024, 1))
    sahkan_triwulan(instansi, 2024, 1)
    hi.refresh_from_db()
    assert hi.status == StatusEntri.DISAHKAN
    assert unit_belum_disahkan(instansi, 2024, 1) == []
    # another quarter is its own
    assert kode(unit_belum_disahkan(instansi, 2024, 2)) == SEMUA


def test_a_unit_with_nothing_to_enter_does_not_count(instansi_kosong):
    assert unit_belum_disahkan(instansi_kosong, 2024, 1) == []
