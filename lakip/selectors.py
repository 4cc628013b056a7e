"""Read access to the organisation: staff tables of BAB I (Tabel 1.1-1.3)."""

from collections import Counter

from lakip.models import Pegawai, UnitKerja
from lakip.versi_data import RENCANA, tersimpan

STAF_PELAKSANA = "Staf Pelaksana"
PPPK = "PPPK"


def _pegawai_aktif(instansi):
    return list(Pegawai.objects.filter(instansi=instansi, aktif=True))


def kategori_golongan(pegawai):
    """Tabel 1.1 row of one person: "Pembina Utama Muda, IV/c", or "PPPK"."""
    if pegawai.jenis_jabatan == Pegawai.JenisJabatan.PPPK or not pegawai.golongan:
        return PPPK
    return f"{pegawai.pangkat}, {pegawai.golongan}"


def kategori_jabatan(pegawai):
    """Tabel 1.2 row of one person: "Eselon III.b", the functional post
    (also for PPPK holding one), or "Staf Pelaksana"."""
    if pegawai.jenis_jabatan == Pegawai.JenisJabatan.STRUKTURAL and pegawai.eselon:
        return f"Eselon {pegawai.eselon}"
    if pegawai.jabatan_fungsional:
        return pegawai.jabatan_fungsional
    return STAF_PELAKSANA


def _urut_golongan(label):
    urutan = [f"{g.label}" for g in Pegawai.Golongan]
    for i, gol in enumerate(urutan):
        if label.endswith(f", {gol}"):
            return i
    return len(urutan)


def _urut_jabatan(label):
    eselon = [f"Eselon {e.value}" for e in Pegawai.Eselon]
    if label in eselon:
        return (0, eselon.index(label), label)
    if label == STAF_PELAKSANA:
        return (2, 0, label)
    return (1, 0, label)


def rekap_pegawai(instansi):
    """Tabel 1.1, 1.2 and 1.3 counted from the active staff records.

    Returns ``{"golongan": [(label, n)], "jabatan": [...], "pendidikan": [...]}``;
    rows in the documents' order (rank descending, PPPK last; eselon, functional
    posts, staff; education descending). Every table sums to the staff count.
    """
    pegawai = _pegawai_aktif(instansi)
    golongan = Counter(kategori_golongan(p) for p in pegawai)
    jabatan = Counter(kategori_jabatan(p) for p in pegawai)
    pendidikan = Counter(p.pendidikan for p in pegawai)
    label_pendidikan = dict(Pegawai.Pendidikan.choices)
    return {
        "golongan": sorted(golongan.items(), key=lambda kv: _urut_golongan(kv[0])),
        "jabatan": sorted(jabatan.items(), key=lambda kv: _urut_jabatan(kv[0])),
        "pendidikan": [
            (label_pendidikan.get(kode, "Tidak diketahui"), pendidikan[kode])
            for kode in [*Pegawai.Pendidikan.values, ""]
            if pendidikan[kode]
        ],
    }


def kepala_instansi(instansi):
    """The head of the agency (Kepala Dinas), who signs its documents: the active
    struktural official with no superior, the highest eselon first; None if the
    staff records name nobody."""
    return (
        Pegawai.objects.filter(
            instansi=instansi,
            aktif=True,
            atasan__isnull=True,
            jenis_jabatan=Pegawai.JenisJabatan.STRUKTURAL,
        )
        .exclude(eselon="")
        .order_by("eselon", "pk")
        .first()
    )


def pk_unit_dan_turunan(unit, semua_unit):
    """The pks of ``unit`` and of every unit below it among ``semua_unit`` (the
    agency's units, already read)."""
    hasil = {unit.pk}
    bertambah = True
    while bertambah:
        baru = {u.pk for u in semua_unit if u.induk_id in hasil} - hasil
        hasil |= baru
        bertambah = bool(baru)
    return hasil


def pengguna_berperan(instansi, *peran):
    """The active users who belong to ``instansi`` (their membership) and hold
    one of ``peran``, with their staff record."""
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            keanggotaan__instansi=instansi,
            groups__name__in=[p.value for p in peran],
        )
        .select_related("pegawai")
        .distinct()
    )


def unit_instansi(instansi_id):
    """Every unit of the agency ``instansi_id`` in the agency's order, read
    once per version of the organisation (the access checks of a page ask for
    it several times)."""
    return tersimpan(
        f"unit-instansi:{instansi_id}",
        instansi_id,
        lambda: list(UnitKerja.objects.filter(instansi_id=instansi_id)),
        RENCANA,
        proses=True,
    )
