"""Which units keep a quarter from being approved."""

from lakip.models import UnitKerja
from realisasi.models import EntriTriwulan, StatusEntri
from realisasi.selectors import unit_belum_disahkan
from renstra.models import SubKegiatan
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
    # What the plan asks of the units is kept until the plan changes.
    with django_assert_num_queries(1):
        assert kode(unit_belum_disahkan(instansi, 2024, 2)) == SEMUA


def test_a_unit_given_a_sub_kegiatan_counts_at_once(instansi):
    baru = UnitKerja.objects.create(
        instansi=instansi, kode="bidang-baru", nama="Bidang Baru", urutan=99
    )
    assert "bidang-baru" not in kode(unit_belum_disahkan(instansi, 2024, 1))
    sub = SubKegiatan.objects.filter(kegiatan__program__tahun=2024).first()
    sub.unit = baru
    sub.save()
    assert "bidang-baru" in kode(unit_belum_disahkan(instansi, 2024, 1))


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


def _ringkas(lembar):
    """What a sheet holds, as plain values: the workflow record, each block's
    sub kegiatan, budget figures, lines and indicators with their values, and
    the unit's own indicators."""

    def isian(b):
        r = b.realisasi
        return (b.indikator.pk, b.target_tw, b.target_tahun, r and r.pk, b.nilai_lalu)

    return (
        lembar.unit.pk,
        lembar.entri.pk,
        lembar.entri.status,
        [
            (
                blok.sub_kegiatan.pk,
                blok.anggaran and blok.anggaran.pk,
                blok.kas_kumulatif,
                blok.realisasi_anggaran,
                blok.realisasi_lalu,
                [(r.pk, uang) for r, uang in blok.rincian],
                [isian(b) for b in blok.indikator],
            )
            for blok in lembar.blok
        ],
        [isian(b) for b in lembar.indikator_unit],
    )


def test_every_units_sheet_read_at_once_equals_its_own_sheet(
    instansi, django_assert_max_num_queries
):
    from lakip.models import UnitKerja
    from realisasi.selectors import lembar_entri, lembar_entri_banyak

    unit = list(UnitKerja.objects.filter(instansi=instansi))
    sendiri = {u.pk: _ringkas(lembar_entri(u, 2024, 1)) for u in unit}
    with django_assert_max_num_queries(10):
        sekaligus = lembar_entri_banyak(unit, 2024, 1)
    assert {pk: _ringkas(lembar) for pk, lembar in sekaligus.items()} == sendiri
    # The seed's units do fill something: the comparison is not of empty sheets.
    assert sum(len(s[3]) + len(s[4]) for s in sendiri.values()) >= 30
    assert any(s[4] for s in sendiri.values())  # an IKU-filling unit
