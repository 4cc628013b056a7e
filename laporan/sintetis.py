"""Synthetic agencies for benchmarks and load tests, shaped like the seed: six units,
one Renstra period, 5 programs × 2 kegiatan × 5 sub kegiatan (50), three indicators
per sub kegiatan, one per program and per sasaran, targets and realisations for the
four quarters, and a budget with quarterly cash plan and cumulative spending.

Deterministic: the same ``seed`` and agency number give the same data."""

import random
from decimal import Decimal

from django.db import transaction

from lakip.models import Instansi, Pegawai, UnitKerja
from realisasi.models import RealisasiAnggaran, RealisasiIndikator
from renstra.models import (
    AnggaranSubKegiatan,
    Indikator,
    Kegiatan,
    Misi,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    TargetIndikator,
    Tujuan,
)

TAHUN = 2024
UNIT = [
    ("sekretariat", "Sekretariat", "sekretariat"),
    ("subbag-perencanaan", "Subbagian Perencanaan", "subbagian"),
    ("bidang-a", "Bidang Pelayanan", "bidang"),
    ("bidang-b", "Bidang Pembinaan", "bidang"),
    ("bidang-c", "Bidang Pengembangan", "bidang"),
    ("bidang-d", "Bidang Pengawasan", "bidang"),
]
SATUAN = ["Dokumen", "Orang", "Kegiatan", "Laporan", "Paket"]


def kode_instansi(nomor):
    return f"bench-{nomor:03d}"


def _pegawai(instansi, unit, nomor, jabatan, atasan, eselon):
    return Pegawai.objects.create(
        instansi=instansi,
        unit=unit,
        nama=f"PEGAWAI {instansi.kode.upper()} {nomor:02d}",
        nip=f"19800101200501{1 + nomor % 2}{nomor:03d}",
        golongan="IV/a" if eselon else "III/a",
        jabatan=jabatan,
        jenis_jabatan="struktural" if eselon else "pelaksana",
        eselon=eselon,
        pendidikan="S1",
        jenis_kelamin="L" if nomor % 2 else "P",
        atasan=atasan,
    )


def _bagi(jumlah, bobot):
    """``jumlah`` split by ``bobot``, integers summing exactly to ``jumlah``."""
    bagian = [jumlah * b // sum(bobot) for b in bobot]
    bagian[-1] += jumlah - sum(bagian)
    return bagian


def hapus_instansi(kode):
    """Delete synthetic agency ``kode`` and everything of it, children first."""
    periode = PeriodeRenstra.objects.filter(instansi__kode=kode)
    SubKegiatan.objects.filter(kegiatan__program__periode__in=periode).delete()
    Kegiatan.objects.filter(program__periode__in=periode).delete()
    Indikator.objects.filter(program__periode__in=periode).delete()
    Program.objects.filter(periode__in=periode).delete()
    periode.delete()
    pegawai = Pegawai.objects.filter(instansi__kode=kode)
    UnitKerja.objects.filter(instansi__kode=kode).update(kepala=None)
    pegawai.update(atasan=None)
    pegawai.delete()
    UnitKerja.objects.filter(instansi__kode=kode).delete()
    Instansi.objects.filter(kode=kode).delete()


@transaction.atomic
def buat_instansi(nomor, seed=1):
    """Create synthetic agency ``nomor`` (replacing an earlier one with its code)
    and return it."""
    acak = random.Random(f"{seed}-{nomor}")
    kode = kode_instansi(nomor)
    hapus_instansi(kode)
    instansi = Instansi.objects.create(
        kode=kode,
        nama=f"Dinas Sintetis {nomor}",
        singkatan=f"DS{nomor}",
        pemda="Kabupaten Sintetis",
        kota="Malili",
        kode_urusan="2.07",
    )
    kadis = _pegawai(instansi, None, 1, "Kepala Dinas", None, "II.b")
    unit, kepala, operator = {}, {}, {}
    for i, (k, nama, jenis) in enumerate(UNIT):
        u = UnitKerja.objects.create(
            instansi=instansi,
            kode=k,
            nama=nama,
            jenis=jenis,
            urutan=i,
            mengisi_iku=k == "subbag-perencanaan",
        )
        kepala[k] = _pegawai(instansi, u, 10 + i, f"Kepala {nama}", kadis, "III.a")
        operator[k] = _pegawai(instansi, u, 20 + i, f"Pelaksana {nama}", kepala[k], "")
        u.kepala = kepala[k]
        u.save(update_fields=["kepala"])
        unit[k] = u
    periode = PeriodeRenstra.objects.create(
        instansi=instansi, nama="Renstra 2021-2026", tahun_awal=2021, tahun_akhir=2026
    )
    misi = Misi.objects.create(periode=periode, nomor=1, teks="Misi sintetis")
    indikator, target = [], []
    sasaran_list = []
    for s in range(2):
        tujuan = Tujuan.objects.create(
            periode=periode, misi=misi, kode=f"T{s + 1}", nama=f"Tujuan {s + 1}"
        )
        sasaran = Sasaran.objects.create(
            tujuan=tujuan, kode=f"S{s + 1}", nama=f"Sasaran {s + 1}", urutan=s
        )
        sasaran_list.append(sasaran)
        indikator.append(
            Indikator(
                tingkat="sasaran",
                sasaran=sasaran,
                nama=f"Persentase capaian sasaran {s + 1}",
                satuan="%",
                jenis="rasio",
                pengali=Decimal(100),
                label_pembilang="Jumlah tercapai",
                label_penyebut="Jumlah sasaran",
                pemilik=kadis,
                target_renstra=Decimal(80),
                urutan=s,
            )
        )
    sub_kegiatan, anggaran = [], []
    bidang = ["sekretariat", "bidang-a", "bidang-b", "bidang-c", "bidang-d"]
    for p in range(5):
        program = Program.objects.create(
            periode=periode,
            tahun=TAHUN,
            kode=f"2.07.{p + 1:02d}",
            nama=f"Program Sintetis {p + 1}",
            sasaran=sasaran_list[p % 2],
            urutan=p,
        )
        indikator.append(
            Indikator(
                tingkat="program",
                program=program,
                nama=f"Jumlah keluaran program {p + 1}",
                satuan="Paket",
                pemilik=kepala[bidang[p]],
                urutan=0,
            )
        )
        for k in range(2):
            kegiatan = Kegiatan.objects.create(
                program=program,
                kode=f"2.07.{p + 1:02d}.2.{k + 1:02d}",
                nama=f"Kegiatan Sintetis {p + 1}.{k + 1}",
                pptk=kepala[bidang[p]],
                urutan=k,
            )
            for s in range(5):
                u = bidang[(p + s) % 5]
                sub_kegiatan.append(
                    SubKegiatan(
                        kegiatan=kegiatan,
                        kode=f"{kegiatan.kode}.{s + 1:04d}",
                        nama=f"Sub Kegiatan Sintetis {p + 1}.{k + 1}.{s + 1}",
                        unit=unit[u],
                        pptk=kepala[u],
                        pelaksana=operator[u],
                        urutan=s,
                    )
                )
    sub_kegiatan = SubKegiatan.objects.bulk_create(sub_kegiatan)
    realisasi_anggaran = []
    for sk in sub_kegiatan:
        pagu = acak.randrange(20_000, 800_000) * 1000
        kas = _bagi(pagu, [15, 25, 30, 30])
        anggaran.append(
            AnggaranSubKegiatan(
                sub_kegiatan=sk,
                pagu=pagu,
                kas_tw1=kas[0],
                kas_tw2=kas[1],
                kas_tw3=kas[2],
                kas_tw4=kas[3],
            )
        )
        kumulatif = 0
        for tw in range(1, 5):
            kumulatif += kas[tw - 1]
            jumlah = min(pagu, kumulatif * acak.randrange(70, 101) // 100)
            realisasi_anggaran.append(
                RealisasiAnggaran(sub_kegiatan=sk, triwulan=tw, jumlah=jumlah)
            )
        for i in range(3):
            indikator.append(
                Indikator(
                    tingkat="sub_kegiatan",
                    sub_kegiatan=sk,
                    nama=f"Jumlah {SATUAN[i].lower()} {sk.nama.lower()}",
                    satuan=SATUAN[(i + sk.urutan) % len(SATUAN)],
                    pemilik=sk.pptk,
                    urutan=i,
                )
            )
    AnggaranSubKegiatan.objects.bulk_create(anggaran)
    RealisasiAnggaran.objects.bulk_create(realisasi_anggaran)
    indikator = Indikator.objects.bulk_create(indikator)
    realisasi = []
    for ind in indikator:
        if ind.jenis == "rasio":
            target.append(TargetIndikator(indikator=ind, tahun=TAHUN, target=75))
            for tw in range(1, 5):
                penyebut = acak.randrange(50, 200)
                realisasi.append(
                    RealisasiIndikator(
                        indikator=ind,
                        tahun=TAHUN,
                        triwulan=tw,
                        pembilang=acak.randrange(penyebut // 2, penyebut + 1),
                        penyebut=penyebut,
                    )
                )
            continue
        tw_target = [acak.randrange(1, 11) for _ in range(4)]
        target.append(
            TargetIndikator(
                indikator=ind,
                tahun=TAHUN,
                target=sum(tw_target),
                target_tw1=tw_target[0],
                target_tw2=tw_target[1],
                target_tw3=tw_target[2],
                target_tw4=tw_target[3],
            )
        )
        for tw in range(1, 5):
            nilai = tw_target[tw - 1] + acak.randrange(0, 2)
            realisasi.append(
                RealisasiIndikator(indikator=ind, tahun=TAHUN, triwulan=tw, nilai=nilai)
            )
    TargetIndikator.objects.bulk_create(target)
    RealisasiIndikator.objects.bulk_create(realisasi)
    return instansi
