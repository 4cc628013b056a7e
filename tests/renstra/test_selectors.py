"""Reads of the plan: the tree of the plan screens, the flow-target check."""

from decimal import Decimal as D

from django.db import connection
from django.test.utils import CaptureQueriesContext

from renstra import selectors
from renstra.models import Indikator, Kegiatan, Program, SubKegiatan, TargetIndikator


def test_tree_of_2024(instansi):
    pohon = selectors.pohon_rencana(instansi, 2024)
    assert [t.kode for t in pohon["tujuan"]] == ["T1", "T2", "T3"]
    s1 = pohon["tujuan"][0].daftar_sasaran[0]
    assert [p.kode for p in s1.daftar_program] == ["3.32.02", "3.32.03", "3.32.04"]
    assert [i.nama for i in s1.daftar_indikator] == [
        "Persentase Warga Transmigran Mandiri"
    ]
    assert s1.daftar_indikator[0].target_berlaku.target == D("63.57")
    assert pohon["tanpa_sasaran"] == []
    sub = [
        s
        for p in pohon["program"]
        for k in p.kegiatan.all()
        for s in k.sub_kegiatan.all()
    ]
    assert len(sub) == 44 and all(s.anggaran_murni for s in sub)
    assert sum(len(s.daftar_indikator) for s in sub) == 51


def test_flow_warnings_are_the_seeds_known_contradictions(instansi):
    # fixtures/README.md, "Where the seed contradicts itself": 161 vs 30+30+0+93,
    # 40 vs 60 trainees, 4 vs 5 groups, 25 vs 20 cases
    selisih = {
        (p.indikator.induk.kode, p.target_tahun, p.jumlah_triwulan)
        for p in selectors.peringatan_target(instansi, 2024)
    }
    assert {
        ("2.07.03.2.01", D(161), D(153)),
        ("2.07.04.2.01.0005", D(40), D(60)),
        ("2.07.04.2.01.0005", D(4), D(5)),
        ("2.07.05.2.02.0002", D(25), D(20)),
    } <= selisih
    # stocks and ratios are never added up
    assert all(
        p.indikator.jenis == "alir" for p in selectors.peringatan_target(instansi, 2024)
    )


def test_no_warning_without_quarterly_targets(instansi):
    ind = Indikator.objects.filter(jenis="alir").first()
    target = TargetIndikator(indikator=ind, tahun=2030, target=D(10))
    assert selectors.periksa_target_alir(ind, target) is None


def test_tree_queries_do_not_grow_with_the_plan(instansi):
    def hitung():
        with CaptureQueriesContext(connection) as q:
            pohon = selectors.pohon_rencana(instansi, 2024)
            for p in pohon["program"]:
                for k in p.kegiatan.all():
                    for s in k.sub_kegiatan.all():
                        _ = (s.unit.nama, [i.pemilik for i in s.daftar_indikator])
        return len(q)

    sebelum = hitung()
    program = Program.objects.get(tahun=2024, kode="2.07.03")
    kegiatan = Kegiatan.objects.create(program=program, kode="2.07.03.2.09", nama="K")
    unit = SubKegiatan.objects.first().unit
    for n in range(5):
        sub = SubKegiatan.objects.create(
            kegiatan=kegiatan, kode=f"2.07.03.2.09.000{n}", nama="S", unit=unit
        )
        Indikator.objects.create(
            tingkat="sub_kegiatan", sub_kegiatan=sub, nama="I", satuan="Dok"
        )
    assert hitung() == sebelum
