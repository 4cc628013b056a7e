"""Who takes part in the evaluation meeting: the units that meet the Kepala
Dinas, the staff of a unit, and the officials a unit head recommends to."""

from lakip.models import Pegawai, UnitKerja
from lakip.selectors import pk_unit_dan_turunan

_URUT_JENIS = {
    Pegawai.JenisJabatan.STRUKTURAL: 0,
    Pegawai.JenisJabatan.FUNGSIONAL: 1,
    Pegawai.JenisJabatan.PPPK: 2,
    Pegawai.JenisJabatan.PELAKSANA: 3,
}
_URUT_ESELON = {e.value: i for i, e in enumerate(Pegawai.Eselon)}


def urut_jabatan(pegawai):
    """Sort key of an attendance list: struktural by eselon, then functionals,
    PPPK and staff; within a rank by unit order, then name."""
    return (
        _URUT_JENIS.get(pegawai.jenis_jabatan, 9),
        _URUT_ESELON.get(pegawai.eselon, 99),
        pegawai.unit.urutan if pegawai.unit else -1,
        pegawai.nama,
    )


def unit_rapat(instansi):
    """The units directly under the Kepala Dinas (no parent unit: the
    Sekretariat and the Bidang), in their order: one meeting each."""
    return list(
        UnitKerja.objects.filter(instansi=instansi, induk__isnull=True)
        .select_related("kepala")
        .order_by("urutan", "nama")
    )


def id_unit_dan_turunan(unit):
    """Primary keys of ``unit`` and all its sub-units."""
    semua = list(UnitKerja.objects.filter(instansi_id=unit.instansi_id))
    return pk_unit_dan_turunan(unit, semua)


def pegawai_aktif(instansi):
    """Every active staff member of the agency, ordered by rank."""
    semua = Pegawai.objects.filter(instansi=instansi, aktif=True).select_related("unit")
    return sorted(semua, key=urut_jabatan)


def staf_unit(unit):
    """The active people of ``unit`` and its sub-units, the unit head first
    (even when the head's own record names another unit), then by rank."""
    pk_unit = id_unit_dan_turunan(unit)
    semua = Pegawai.objects.filter(
        instansi_id=unit.instansi_id, aktif=True, unit_id__in=pk_unit
    ).select_related("unit")
    kepala = unit.kepala if unit.kepala and unit.kepala.aktif else None
    hasil = sorted(
        (p for p in semua if kepala is None or p.pk != kepala.pk), key=urut_jabatan
    )
    return [kepala, *hasil] if kepala else hasil


def bawahan_unit(unit):
    """The officials the head of ``unit`` may address recommendations to:
    active staff of the agency whose superior is the head, or who work in the
    unit or one of its sub-units (the head excluded); ordered by rank. Empty
    when the unit has no head."""
    if unit.kepala_id is None:
        return []
    pk_unit = id_unit_dan_turunan(unit)
    semua = (
        Pegawai.objects.filter(instansi_id=unit.instansi_id, aktif=True)
        .exclude(pk=unit.kepala_id)
        .select_related("unit")
    )
    return sorted(
        (p for p in semua if p.atasan_id == unit.kepala_id or p.unit_id in pk_unit),
        key=urut_jabatan,
    )
