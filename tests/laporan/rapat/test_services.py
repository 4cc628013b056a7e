"""Saving the invitation with its schedule and a unit's recommendations:
rights, Indonesian messages, nothing changed on failure, who/when recorded."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from lakip.models import Pegawai, UnitKerja
from laporan.models import ButirRekomendasi, RekomendasiEvaluasi, UndanganRapat
from laporan.rapat import services
from laporan.rapat.selectors import bawahan_unit, staf_unit, unit_rapat
from laporan.rapat.services import BarisJadwal, RapatTidakValid

pytestmark = pytest.mark.django_db

T = datetime.time
SENIN = datetime.date(2024, 5, 20)


def surat(**ubah):
    data = {
        "nomor": "300.2.12/800/Transnaker/2024",
        "tanggal": SENIN,
        "lampiran": "1 (satu) lembar",
        "perihal": "Undangan Rapat Evaluasi Triwulan {triwulan}",
        "kepada": "Sekretaris\nKepala Bidang",
        "di": "Lingkup {instansi}",
        "pembuka": "Sehubungan dengan berakhirnya Triwulan {triwulan} ...",
        "data_dibawa": "Realisasi Anggaran sampai {akhir_triwulan}",
        "penutup": "Demikian.",
        "tempat": "Aula Kantor Dinas Transnaker",
        "kegiatan": "Evaluasi Kinerja Perangkat Daerah",
    }
    data.update(ubah)
    return data


def unit(kode):
    return UnitKerja.objects.get(kode=kode)


def pegawai(nama):
    return Pegawai.objects.get(nama=nama)


def keadaan_undangan():
    u = UndanganRapat.objects.get(tahun=2024, triwulan=1)
    return (
        u.nomor,
        u.diubah_pada,
        [(j.unit.kode, j.jam_mulai) for j in u.jadwal.all()],
    )


def keadaan_rekomendasi():
    return list(
        ButirRekomendasi.objects.order_by("pk").values_list(
            "rekomendasi__unit__kode", "pegawai__nama", "teks"
        )
    ), list(RekomendasiEvaluasi.objects.values_list("pk", "diubah_pada"))


def test_default_schedule_is_the_units_under_the_kepala_dinas(instansi):
    jadwal = services.jadwal_bawaan(instansi, SENIN)
    assert [b.unit.kode for b in jadwal] == [
        "sekretariat",
        "bidang-ppkt",
        "bidang-pkt",
        "bidang-pk",
        "bidang-hi",
    ]
    assert [(b.jam_mulai, b.jam_selesai) for b in jadwal] == [
        (T(13, 0), T(13, 30)),
        (T(13, 30), T(14, 0)),
        (T(14, 0), T(14, 30)),
        (T(14, 30), T(15, 0)),
        (T(15, 0), T(15, 30)),
    ]
    assert {b.tanggal for b in jadwal} == {SENIN}
    assert [u.kode for u in unit_rapat(instansi)] == [b.unit.kode for b in jadwal]


def test_new_invitation_gets_default_texts(instansi):
    baru = services.undangan_bawaan(instansi, 2024, 2)
    assert baru.pk is None
    assert baru.tempat == "Aula Kantor Dinas Transmigrasi dan Tenaga Kerja"
    assert baru.perihal == "Undangan Rapat Evaluasi Triwulan {triwulan}"
    assert baru.tanggal >= datetime.date(2024, 7, 1)
    assert services.undangan_bawaan(instansi, 2024, 1).nomor == (
        "300.2.12/793/Transnaker/2024"
    )
    assert services.tanggal_bawaan(2024, 1, datetime.date(2030, 1, 1)) == (
        datetime.date(2024, 4, 1)
    )
    assert services.tanggal_bawaan(2024, 2, datetime.date(2024, 7, 9)) == (
        datetime.date(2024, 7, 9)
    )


def test_perencanaan_saves_invitation_and_schedule(instansi, akun):
    user = akun["perencanaan"]
    jadwal = services.jadwal_bawaan(instansi, datetime.date(2024, 7, 15))
    jadwal[0].tempat = "Ruang Rapat Sekretariat"
    u = services.simpan_undangan(
        instansi, 2024, 2, surat(tanggal=datetime.date(2024, 7, 10)), jadwal, oleh=user
    )
    assert u.diubah_oleh == user and u.diubah_pada is not None
    assert [(j.unit.kode, j.urutan, j.tempat) for j in u.jadwal.all()][:2] == [
        ("sekretariat", 1, "Ruang Rapat Sekretariat"),
        ("bidang-ppkt", 2, ""),
    ]
    # Saving again replaces the schedule.
    services.simpan_undangan(
        instansi,
        2024,
        2,
        surat(tanggal=datetime.date(2024, 7, 10)),
        jadwal[:2],
        oleh=user,
    )
    assert u.jadwal.count() == 2


@pytest.mark.parametrize(
    "ubah_surat,ubah_jadwal,pesan",
    [
        ({"tanggal": datetime.date(2023, 12, 1)}, None, "sebelum awal Triwulan I"),
        ({"tanggal": None}, None, "Tanggal surat wajib diisi"),
        ({"kepada": " \n "}, None, "sedikitnya satu penerima"),
        ({"perihal": "Rapat {bulan}"}, None, "isian {bulan} tidak dikenal"),
        ({"nomor": "x" * 101}, None, "Nomor surat"),
        ({}, lambda j: [], "Jadwal rapat belum diisi"),
        ({}, lambda j: [j[0], j[0]], "Sekretariat dijadwalkan lebih dari sekali"),
        (
            {},
            lambda j: [BarisJadwal(j[0].unit, SENIN, T(14, 0), T(13, 30))],
            "jam selesai (13.30) harus sesudah jam mulai (14.00)",
        ),
        (
            {},
            lambda j: [
                BarisJadwal(j[0].unit, datetime.date(2024, 5, 17), T(13), T(14))
            ],
            "sebelum tanggal surat (20 Mei 2024)",
        ),
        (
            {"tanggal": datetime.date(2024, 3, 1)},
            lambda j: [
                BarisJadwal(j[0].unit, datetime.date(2024, 3, 15), T(13), T(14))
            ],
            "(15 Maret 2024) dijadwalkan sebelum akhir Triwulan I 2024 (31 Maret 2024)",
        ),
        (
            {},
            lambda j: [
                BarisJadwal(j[0].unit, SENIN, T(13, 0), T(14, 0)),
                BarisJadwal(j[1].unit, SENIN, T(13, 30), T(14, 30)),
            ],
            "bertabrakan di Aula Kantor Dinas Transnaker pada 20 Mei 2024",
        ),
    ],
)
def test_bad_invitation_is_refused_and_nothing_changes(
    instansi, akun, ubah_surat, ubah_jadwal, pesan
):
    sebelum = keadaan_undangan()
    jadwal = services.jadwal_bawaan(instansi, SENIN)
    if ubah_jadwal:
        jadwal = ubah_jadwal(jadwal)
    with pytest.raises(
        RapatTidakValid, match=pesan.replace("(", r"\(").replace(")", r"\)")
    ):
        services.simpan_undangan(
            instansi, 2024, 1, surat(**ubah_surat), jadwal, oleh=akun["perencanaan"]
        )
    assert keadaan_undangan() == sebelum


def test_meetings_in_different_rooms_may_overlap(instansi, akun):
    jadwal = [
        BarisJadwal(unit("sekretariat"), SENIN, T(13, 0), T(14, 0)),
        BarisJadwal(unit("bidang-hi"), SENIN, T(13, 30), T(14, 30), "Ruang HI"),
    ]
    u = services.simpan_undangan(
        instansi, 2024, 1, surat(), jadwal, oleh=akun["perencanaan"]
    )
    assert u.jadwal.count() == 2


def test_unit_of_another_agency_is_refused(instansi, akun, instansi_kosong):
    asing = UnitKerja.objects.get(instansi=instansi_kosong)
    sebelum = keadaan_undangan()
    with pytest.raises(RapatTidakValid, match="bukan unit instansi ini"):
        services.simpan_undangan(
            instansi,
            2024,
            1,
            surat(),
            [BarisJadwal(asing, SENIN, T(13), T(14))],
            oleh=akun["perencanaan"],
        )
    assert keadaan_undangan() == sebelum


@pytest.mark.parametrize("nama", ["kadis", "sekretaris", "kabid.hi", "pemeriksa"])
def test_only_perencanaan_prepares_the_invitation(instansi, akun, nama):
    sebelum = keadaan_undangan()
    with pytest.raises(PermissionDenied, match="Hanya Perencanaan"):
        services.simpan_undangan(
            instansi,
            2024,
            1,
            surat(),
            services.jadwal_bawaan(instansi, SENIN),
            oleh=akun[nama],
        )
    assert keadaan_undangan() == sebelum


# -- recommendations ------------------------------------------------------------


def test_subordinates_of_a_unit_head():
    assert [p.nama for p in bawahan_unit(unit("sekretariat"))] == [
        "MUH. ARFAH TAUFIEK",
        "ADE ENDAH ULFIANA",
        "RAHMANUDDIN",
        "FITRIANI MUSTAMIN",
        "JUSRIANTO",
        "TITING PURNAMA SARI",
        "YULIANTI",
    ]
    assert [p.nama for p in bawahan_unit(unit("bidang-pkt"))] == [
        "ARIF",
        "SUGENG WIDODO",
    ]
    assert bawahan_unit(unit("subbag-umum")) == []
    assert staf_unit(unit("bidang-hi"))[0].nama == "A. ABD. RASYID"


def test_unit_head_saves_own_unit(akun):
    sekretariat = unit("sekretariat")
    rek = services.simpan_rekomendasi(
        sekretariat,
        2024,
        1,
        tanggal=datetime.date(2024, 5, 21),
        pembuka="Berdasarkan hasil evaluasi Triwulan {triwulan}, {unit}:",
        penutup="Demikian.",
        butir=[
            (
                pegawai("ADE ENDAH ULFIANA"),
                ["Percepat realisasi.", " Lapor tiap bulan. "],
            ),
            (pegawai("RAHMANUDDIN"), ["Periksa kendaraan dinas."]),
        ],
        oleh=akun["sekretaris"],
    )
    assert rek.diubah_oleh == akun["sekretaris"]
    assert [(b.pegawai.nama, b.urutan, b.teks) for b in rek.butir.all()] == [
        ("ADE ENDAH ULFIANA", 1, "Percepat realisasi."),
        ("ADE ENDAH ULFIANA", 2, "Lapor tiap bulan."),
        ("RAHMANUDDIN", 3, "Periksa kendaraan dinas."),
    ]
    assert RekomendasiEvaluasi.objects.filter(unit=sekretariat).count() == 1


def test_perencanaan_may_save_any_unit(akun):
    rek = services.simpan_rekomendasi(
        unit("bidang-pk"),
        2024,
        1,
        tanggal=None,
        pembuka="Pembuka {unit}",
        penutup="Penutup",
        butir=[(pegawai("SELI LANTANG"), ["Lengkapi data pencari kerja."])],
        oleh=akun["perencanaan"],
    )
    assert rek.unit.kode == "bidang-pk"


@pytest.mark.parametrize(
    "nama,kode",
    [
        ("sekretaris", "bidang-hi"),
        ("kabid.hi", "sekretariat"),
        ("operator.hi", "bidang-hi"),
        ("kadis", "sekretariat"),
    ],
)
def test_others_may_not_edit_a_units_recommendations(akun, nama, kode):
    sebelum = keadaan_rekomendasi()
    with pytest.raises(PermissionDenied, match="Hanya kepala"):
        services.simpan_rekomendasi(
            unit(kode),
            2024,
            1,
            tanggal=None,
            pembuka="x",
            penutup="y",
            butir=[(pegawai("NASRULLAH"), ["z"])],
            oleh=akun[nama],
        )
    assert keadaan_rekomendasi() == sebelum


def _nonaktif(nama):
    p = pegawai(nama)
    p.aktif = False
    p.save()
    return p


@pytest.mark.parametrize(
    "butir,pesan",
    [
        (
            lambda: [(pegawai("RAHMANUDDIN"), ["x"])],
            "bukan pejabat aktif di bawah A. ABD. RASYID",
        ),
        (lambda: [(pegawai("A. ABD. RASYID"), ["x"])], "bukan pejabat aktif"),
        (
            lambda: [(_nonaktif("NASRULLAH"), ["x"])],
            "NASRULLAH, SP, M.Si bukan pejabat aktif",
        ),
        (
            lambda: [(pegawai("NASRULLAH"), ["x"]), (pegawai("NASRULLAH"), ["y"])],
            "disebut lebih dari sekali",
        ),
        (lambda: [(pegawai("NASRULLAH"), ["x", "  "])], "ada yang kosong"),
        (lambda: [], "sedikitnya satu butir"),
    ],
)
def test_bad_recommendations_are_refused_and_nothing_changes(akun, butir, pesan):
    sebelum = keadaan_rekomendasi()
    with pytest.raises(RapatTidakValid, match=pesan):
        services.simpan_rekomendasi(
            unit("bidang-hi"),
            2024,
            1,
            tanggal=None,
            pembuka="x",
            penutup="y",
            butir=butir(),
            oleh=akun["kabid.hi"],
        )
    assert keadaan_rekomendasi() == sebelum


@pytest.mark.parametrize(
    "isian,pesan",
    [
        ({"tanggal": datetime.date(2023, 12, 31)}, "Tanggal rekomendasi"),
        # the seed's own date, before the meeting of 20 Mei 2024
        (
            {"tanggal": datetime.date(2024, 3, 29)},
            r"sebelum rapat evaluasi \(20 Mei 2024\)",
        ),
        ({"pembuka": ""}, "Pembuka"),
        ({"penutup": "Demikian {tahunn}."}, "isian {tahunn} tidak dikenal"),
    ],
)
def test_bad_texts_are_refused(akun, isian, pesan):
    sebelum = keadaan_rekomendasi()
    data = {"tanggal": None, "pembuka": "x", "penutup": "y", **isian}
    with pytest.raises(RapatTidakValid, match=pesan):
        services.simpan_rekomendasi(
            unit("bidang-hi"),
            2024,
            1,
            butir=[(pegawai("NASRULLAH"), ["x"])],
            **data,
            oleh=akun["kabid.hi"],
        )
    assert keadaan_rekomendasi() == sebelum


def test_unit_without_head_cannot_have_recommendations(akun):
    tanpa = unit("bidang-pk")
    tanpa.kepala = None
    tanpa.save()
    with pytest.raises(RapatTidakValid, match="belum mempunyai kepala"):
        services.simpan_rekomendasi(
            tanpa,
            2024,
            1,
            tanggal=None,
            pembuka="x",
            penutup="y",
            butir=[(pegawai("SELI LANTANG"), ["x"])],
            oleh=akun["perencanaan"],
        )
    assert not RekomendasiEvaluasi.objects.filter(unit=tanpa).exists()
