"""Tabel 1.1-1.3 of the seed come out of the staff records."""

from lakip.selectors import rekap_pegawai


def test_tabel_1_1_by_rank(instansi):
    assert rekap_pegawai(instansi)["golongan"] == [
        ("Pembina Utama Muda, IV/c", 1),
        ("Pembina Tingkat I, IV/b", 1),
        ("Pembina, IV/a", 3),
        ("Penata Tingkat I, III/d", 11),
        ("Penata, III/c", 3),
        ("Penata Muda Tingkat I, III/b", 2),
        ("Penata Muda, III/a", 1),
        ("Pengatur Tingkat I, II/d", 1),
        ("PPPK", 2),
    ]


def test_tabel_1_1_total_is_the_sum_not_the_printed_23(instansi):
    assert sum(n for _, n in rekap_pegawai(instansi)["golongan"]) == 25


def test_tabel_1_2_by_position(instansi):
    jabatan = dict(rekap_pegawai(instansi)["jabatan"])
    assert jabatan == {
        "Eselon II.b": 1,
        "Eselon III.a": 1,
        "Eselon III.b": 4,
        "Eselon IV.a": 3,
        "Fungsional Mediator Ahli Madya": 1,
        "Fungsional Penggerak Swadaya Masyarakat Ahli Muda": 3,
        "Fungsional Pengantar Kerja Ahli Muda": 2,
        "Fungsional Pengantar Kerja Ahli Pertama": 1,
        "Fungsional Instruktur Ahli Muda": 1,
        "Fungsional Mediator HI Ahli Muda": 2,
        "Fungsional Perencana Ahli Pertama": 1,
        "Fungsional Arsiparis Ahli Pertama": 1,
        "Staf Pelaksana": 4,
    }
    urutan = [label for label, _ in rekap_pegawai(instansi)["jabatan"]]
    assert urutan[:4] == ["Eselon II.b", "Eselon III.a", "Eselon III.b", "Eselon IV.a"]
    assert urutan[-1] == "Staf Pelaksana"


def test_tabel_1_3_by_education(instansi):
    assert rekap_pegawai(instansi)["pendidikan"] == [
        ("Strata Dua (S2)", 2),
        ("Strata Satu (S1)", 20),
        ("Diploma III (D3)", 2),
        ("SMA/STM", 1),
    ]


def test_tables_follow_the_records(instansi):
    from lakip.models import Pegawai

    Pegawai.objects.filter(instansi=instansi, nama="CHAERUDDIN").update(aktif=False)
    rekap = rekap_pegawai(instansi)
    assert dict(rekap["golongan"]).get("Pengatur Tingkat I, II/d") is None
    assert dict(rekap["pendidikan"]).get("SMA/STM") is None
    assert dict(rekap["jabatan"])["Staf Pelaksana"] == 3
