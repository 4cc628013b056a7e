"""Guards on plan edits that apps above renstra register.

A plan edit can change figures that another app has frozen: realisasi locks a
unit's quarter once it is Disahkan, and the figures of that quarter are
computed from the plan (targets, budget, which unit owns a sub kegiatan). The
plan must not import realisasi, so the rule comes the other way: realisasi
registers a guard (``daftarkan``) in its ``AppConfig.ready``, and every plan
service that changes figures describes what it touches (``Dampak``) and asks
``tolakan`` before writing.

A guard takes a ``Dampak`` and returns None (allowed) or the Indonesian reason
it is refused.
"""

from dataclasses import dataclass

SEMUA_TRIWULAN = frozenset({1, 2, 3, 4})

_PENJAGA = []


@dataclass(frozen=True)
class Dampak:
    """The quarters whose figures a plan edit changes: for ``unit`` (ids of
    ``lakip.UnitKerja``; None: every unit of the agency) in each year of
    ``tahun``, the quarters in ``triwulan``. ``uraian`` names the edit."""

    instansi_id: int
    unit: frozenset | None
    tahun: frozenset
    triwulan: frozenset
    uraian: str


def daftarkan(penjaga):
    """Register ``penjaga`` (a function of a ``Dampak``); idempotent."""
    if penjaga not in _PENJAGA:
        _PENJAGA.append(penjaga)
    return penjaga


def tolakan(dampak):
    """The first registered guard's reason to refuse ``dampak`` (None: no
    change), or None."""
    if dampak is None:
        return None
    if not dampak.tahun or not dampak.triwulan or dampak.unit == frozenset():
        return None
    for penjaga in _PENJAGA:
        alasan = penjaga(dampak)
        if alasan:
            return alasan
    return None


def triwulan_sejak(triwulan):
    """The quarters a change to quarter ``triwulan``'s plan reaches: that one
    and every later one (anggaran kas and flow targets are cumulative)."""
    return frozenset(range(triwulan, 5))


# -- what a plan edit touches -----------------------------------------------

# Indicator fields that change computed figures (capaian, which unit owns it);
# its name, definition and labels do not.
_KOLOM_ANGKA_INDIKATOR = [
    "tingkat",
    "satuan",
    "polaritas",
    "jenis",
    "pengali",
    "boleh_lebih_100_persen",
    "target_renstra",
    "pemilik_id",
    "sasaran_id",
    "program_id",
    "kegiatan_id",
    "sub_kegiatan_id",
]


def unit_tahun_indikator(indikator):
    """``(unit ids or None for every unit, years)`` whose entry sheets hold
    ``indikator`` (see ``realisasi.selectors.lembar_entri``)."""
    from lakip.models import UnitKerja

    if indikator.sub_kegiatan_id:
        sub = indikator.sub_kegiatan
        return {sub.unit_id}, {sub.kegiatan.program.tahun}
    if indikator.sasaran_id:
        periode = indikator.sasaran.tujuan.periode
        unit = UnitKerja.objects.filter(
            instansi_id=periode.instansi_id, mengisi_iku=True
        ).values_list("pk", flat=True)
        return set(unit), set(range(periode.tahun_awal, periode.tahun_akhir + 1))
    program = indikator.program or getattr(indikator.kegiatan, "program", None)
    if program is None:
        return set(), set()
    pemilik = indikator.pemilik
    unit = {pemilik.unit_id} if pemilik and pemilik.unit_id else set()
    return unit, {program.tahun}


def dampak_objek(instansi, asli, objek):
    """The ``Dampak`` of saving ``objek`` (``asli``: as stored, None when new),
    or None when the change moves no figure."""
    from renstra.models import Indikator, Program, SubKegiatan

    unit, tahun = set(), set()
    if isinstance(objek, SubKegiatan):
        berubah = asli is None or (asli.unit_id, asli.kegiatan_id) != (
            objek.unit_id,
            objek.kegiatan_id,
        )
        for s in [asli, objek] if berubah else []:
            if s is not None:
                unit.add(s.unit_id)
                tahun.add(s.kegiatan.program.tahun)
        uraian = "Perubahan unit atau kegiatan sub kegiatan ini"
    elif isinstance(objek, Indikator):
        berubah = asli is None or any(
            getattr(asli, k) != getattr(objek, k) for k in _KOLOM_ANGKA_INDIKATOR
        )
        for i in [asli, objek] if berubah else []:
            if i is not None:
                u, t = unit_tahun_indikator(i)
                unit |= u
                tahun |= t
        uraian = "Perubahan indikator ini"
    elif isinstance(objek, Program) and asli is not None:
        if asli.sasaran_id == objek.sasaran_id:
            return None
        return Dampak(
            instansi.pk,
            None,
            frozenset({objek.tahun}),
            SEMUA_TRIWULAN,
            "Perubahan sasaran program ini",
        )
    else:
        return None
    if not unit or not tahun:
        return None
    return Dampak(
        instansi.pk, frozenset(unit), frozenset(tahun), SEMUA_TRIWULAN, uraian
    )


def dampak_kolom(instansi, unit, tahun, kolom_berubah, uraian):
    """The ``Dampak`` of changing the plan columns ``kolom_berubah`` of one
    year (targets or budget): a column ending in ``tw<n>`` reaches quarter n
    and later; any other (the year's target, the pagu) every quarter."""
    triwulan = set()
    for kolom in kolom_berubah:
        akhir = kolom[-3:]
        if akhir[:2] == "tw" and akhir[2:].isdigit():
            triwulan |= triwulan_sejak(int(akhir[2:]))
        else:
            triwulan |= SEMUA_TRIWULAN
    return Dampak(
        instansi.pk, frozenset(unit), frozenset(tahun), frozenset(triwulan), uraian
    )


def dampak_impor(impor, pratinjau):
    """The ``Dampak`` of applying a DPA or anggaran kas import (``impor`` with
    its preview): the units of every sub kegiatan it adds or changes, in the
    import's year; None for other imports or when nothing changes."""
    from renstra.models import ImporSIPD, SubKegiatan

    if impor.jenis not in (ImporSIPD.Jenis.DPA, ImporSIPD.Jenis.KAS):
        return None
    kode = {b.kode for b in pratinjau.butir_berubah}
    unit = SubKegiatan.objects.filter(
        kegiatan__program__periode__instansi_id=impor.instansi_id,
        kegiatan__program__tahun=impor.tahun,
        kode__in=kode,
    ).values_list("unit_id", flat=True)
    baru = impor.opsi.get("unit")  # new sub kegiatan are created in this unit
    unit = set(unit) | ({int(baru)} if baru and kode else set())
    return Dampak(
        impor.instansi_id,
        frozenset(unit),
        frozenset({impor.tahun}),
        SEMUA_TRIWULAN,
        "Impor anggaran ini",
    )


def dampak_simpan(objek, kolom_berubah):
    """The ``Dampak`` of saving ``objek`` as a form saves it (the admin: any
    record of the plan, ``kolom_berubah`` the changed form fields), or None when
    the save moves no figure."""
    from renstra.models import (
        AnggaranSubKegiatan,
        Indikator,
        Program,
        RincianBelanja,
        SubKegiatan,
        TargetIndikator,
    )
    from renstra.selectors import instansi_objek

    if objek.pk and not kolom_berubah:
        return None
    if isinstance(objek, TargetIndikator):
        instansi = instansi_objek(objek.indikator)
        unit, _ = unit_tahun_indikator(objek.indikator)
        if instansi is None:
            return None
        kolom = kolom_berubah if objek.pk else ["target_tahun"]
        return dampak_kolom(
            instansi, unit, {objek.tahun}, kolom, "Perubahan target ini"
        )
    if isinstance(objek, AnggaranSubKegiatan | RincianBelanja):
        anggaran = objek if isinstance(objek, AnggaranSubKegiatan) else objek.anggaran
        sub = anggaran.sub_kegiatan
        instansi = instansi_objek(sub)
        if instansi is None:
            return None
        kolom = kolom_berubah if objek.pk else ["pagu"]
        return dampak_kolom(
            instansi,
            {sub.unit_id},
            {sub.kegiatan.program.tahun},
            kolom,
            "Perubahan anggaran ini",
        )
    if isinstance(objek, SubKegiatan | Indikator | Program):
        instansi = instansi_objek(objek)
        if instansi is None:
            return None
        asli = type(objek).objects.filter(pk=objek.pk).first() if objek.pk else None
        return dampak_objek(instansi, asli, objek)
    return None
