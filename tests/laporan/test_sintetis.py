"""Synthetic agencies (laporan.sintetis, ``manage.py bench_data``)."""

from io import StringIO

from django.core.management import call_command
from django.db.models import Sum

from lakip.models import Instansi
from laporan.data import bangun_data_laporan
from laporan.ekspor_json import teks_json
from realisasi.models import RealisasiAnggaran, RealisasiIndikator
from renstra.models import AnggaranSubKegiatan, Indikator, SubKegiatan


def _json(kode, triwulan=2):
    return teks_json(
        bangun_data_laporan(Instansi.objects.get(kode=kode), 2024, triwulan)
    )


def test_two_agencies_shaped_like_the_seed(db):
    keluaran = StringIO()
    call_command("bench_data", "--instansi", "2", "--seed", "7", stdout=keluaran)
    assert "bench-002" in keluaran.getvalue()
    for kode in ("bench-001", "bench-002"):
        instansi = Instansi.objects.get(kode=kode)
        assert instansi.unit_kerja.count() == 6
        sk = SubKegiatan.objects.filter(kegiatan__program__periode__instansi=instansi)
        assert sk.count() == 50
        ind = Indikator.objects.filter(sub_kegiatan__in=sk)
        assert ind.count() == 150
        assert all(i.target.get(tahun=2024).target_tw4 is not None for i in ind[:5])
        assert RealisasiIndikator.objects.filter(indikator__in=ind).count() == 600
        assert RealisasiAnggaran.objects.filter(sub_kegiatan__in=sk).count() == 200
        anggaran = AnggaranSubKegiatan.objects.filter(sub_kegiatan__in=sk)
        pagu = anggaran.aggregate(s=Sum("pagu"))["s"]
        assert anggaran.count() == 50 and pagu > 0
        # The report builder reads it: its total is the sum of the budgets.
        data = bangun_data_laporan(instansi, 2024, 4)
        assert data.anggaran.pagu == pagu


def test_deterministic_by_seed(db):
    call_command("bench_data", "--instansi", "2", "--seed", "7", stdout=StringIO())
    pertama = _json("bench-001"), _json("bench-002")
    call_command("bench_data", "--instansi", "2", "--seed", "7", stdout=StringIO())
    assert (_json("bench-001"), _json("bench-002")) == pertama
    assert pertama[0] != pertama[1].replace("Sintetis 2", "Sintetis 1")
    call_command("bench_data", "--instansi", "1", "--seed", "8", stdout=StringIO())
    assert _json("bench-001") != pertama[0]
