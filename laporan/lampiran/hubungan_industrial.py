"""The Bidang Hubungan Industrial's attachments, assembled from its quarter
records (``realisasi.hubungan_industrial``): the register of industrial dispute
cases with its computed counts ("Daftar Kasus Pencatatan Perselisihan HI", seed
lines 3759-3800) and the verified trade unions ("Data Verifikasi dan
Rekapitulasi Keanggotaan ... SP/SB", Tabel 10, lines 3703-3719). Each is signed
by the head of the unit that keeps it."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string

from laporan.lampiran.susun import Penanda, PeriodeDokumen
from realisasi import hubungan_industrial as hi


@dataclass
class DokumenHI(PeriodeDokumen):
    """One of the unit's attachments: ``perkara`` (the register) or
    ``serikat`` (the trade unions) is filled."""

    jenis: str  # "perkara" or "serikat"
    instansi: object
    tahun: int
    triwulan: int
    unit: object
    penanda: Penanda | None
    perkara: list
    rekap: object
    serikat: list
    jumlah_anggota: int
    terbit: object = None
    tanggal_ttd: object = None  # the date above the signature (the kind's rule)


def _penanda(unit):
    return Penanda.dari_pegawai(unit.kepala) if unit.kepala_id else None


def susun_perkara(instansi, tahun, triwulan, unit, terbit=None):
    """The register of ``unit``'s quarter with its counts."""
    perkara = list(hi.perkara_triwulan(unit, tahun, triwulan))
    return DokumenHI(
        jenis="perkara",
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        unit=unit,
        penanda=Penanda.dari_terbit(terbit) if terbit else _penanda(unit),
        perkara=perkara,
        rekap=hi.rekap_perkara(perkara),
        serikat=[],
        jumlah_anggota=0,
        terbit=terbit,
    )


def susun_serikat(instansi, tahun, triwulan, unit, terbit=None):
    """The trade unions ``unit`` verified in the quarter, with the member
    total."""
    serikat = list(hi.serikat_triwulan(unit, tahun, triwulan))
    return DokumenHI(
        jenis="serikat",
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        unit=unit,
        penanda=Penanda.dari_terbit(terbit) if terbit else _penanda(unit),
        perkara=[],
        rekap=None,
        serikat=serikat,
        jumlah_anggota=sum(s.jumlah_anggota for s in serikat),
        terbit=terbit,
    )


def render_html(dok):
    """The complete HTML of the attachment ``dok``."""
    judul = "Daftar Kasus Perselisihan HI" if dok.jenis == "perkara" else "Data SP/SB"
    return render_to_string(
        "laporan/lampiran/hubungan_industrial.html",
        {
            "lamp": dok,
            "judul": f"{judul} Triwulan {dok.triwulan_romawi} {dok.tahun}",
            "alamat_situs": getattr(settings, "LAKIP_ALAMAT_SITUS", ""),
        },
    )
