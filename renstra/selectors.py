"""Read access to the plan. Every function runs a fixed number of queries,
whatever the number of programs, sub kegiatan or indicators."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Q

from renstra.models import (
    AnggaranSubKegiatan,
    Indikator,
    Kegiatan,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    TargetIndikator,
)


def periode_untuk_tahun(instansi, tahun):
    """The Renstra period of ``instansi`` that covers ``tahun``, or None."""
    return (
        PeriodeRenstra.objects.filter(
            instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
        )
        .order_by("-tahun_awal")
        .first()
    )


def program_tahun(instansi, tahun):
    """Programs of the year in order, with kegiatan, sub kegiatan (with unit,
    PPTK, pelaksana), every budget version and its expenditure lines prefetched."""
    return list(
        Program.objects.filter(periode__instansi=instansi, tahun=tahun)
        .select_related("sasaran")
        .prefetch_related(
            Prefetch("kegiatan", queryset=Kegiatan.objects.select_related("pptk")),
            Prefetch(
                "kegiatan__sub_kegiatan",
                queryset=SubKegiatan.objects.select_related(
                    "unit", "pptk", "pelaksana"
                ),
            ),
            Prefetch(
                "kegiatan__sub_kegiatan__anggaran",
                queryset=AnggaranSubKegiatan.objects.prefetch_related("rincian"),
            ),
        )
    )


def anggaran_berlaku(sub_kegiatan):
    """The budget version in force: the DPA perubahan if there is one, else the
    DPA murni; None if the sub kegiatan has no budget. Uses prefetched rows."""
    versi = {a.versi: a for a in sub_kegiatan.anggaran.all()}
    return versi.get(AnggaranSubKegiatan.Versi.PERUBAHAN) or versi.get(
        AnggaranSubKegiatan.Versi.MURNI
    )


def anggaran_murni(sub_kegiatan):
    """The DPA murni of a sub kegiatan, or None. Uses prefetched rows."""
    return next(
        (
            a
            for a in sub_kegiatan.anggaran.all()
            if a.versi == AnggaranSubKegiatan.Versi.MURNI
        ),
        None,
    )


def sasaran_periode(periode):
    """The sasaran of a period with their tujuan, in Renstra order."""
    if periode is None:
        return []
    return list(
        Sasaran.objects.filter(tujuan__periode=periode)
        .select_related("tujuan")
        .order_by("tujuan__urutan", "urutan")
    )


def indikator_tahun(instansi, tahun, tahun_target=None):
    """Every indicator that applies to ``tahun``: the IKU of the period covering
    it and the indicators of that year's programs, kegiatan and sub kegiatan.

    Each carries ``target_per_tahun`` (``{tahun: TargetIndikator}``) for the years
    in ``tahun_target`` (default: ``tahun`` and the year before).
    """
    tahun_target = tahun_target or [tahun, tahun - 1]
    periode = periode_untuk_tahun(instansi, tahun)
    program = Program.objects.filter(periode__instansi=instansi, tahun=tahun)
    kondisi = (
        Q(program__in=program)
        | Q(kegiatan__program__in=program)
        | Q(sub_kegiatan__kegiatan__program__in=program)
    )
    if periode is not None:
        kondisi |= Q(sasaran__tujuan__periode=periode)
    indikator = list(
        Indikator.objects.filter(kondisi)
        .select_related(
            "pemilik",
            "sasaran",
            "program",
            "kegiatan",
            "sub_kegiatan",
            "sub_kegiatan__unit",
        )
        .prefetch_related(
            Prefetch(
                "target",
                queryset=TargetIndikator.objects.filter(tahun__in=tahun_target),
                to_attr="target_dipilih",
            )
        )
    )
    for ind in indikator:
        ind.target_per_tahun = {t.tahun: t for t in ind.target_dipilih}
    return indikator


# Scoping: every plan record belongs to one agency through its parents.
LINGKUP_INSTANSI = {
    "PeriodeRenstra": "instansi",
    "Misi": "periode__instansi",
    "Tujuan": "periode__instansi",
    "Sasaran": "tujuan__periode__instansi",
    "Program": "periode__instansi",
    "Kegiatan": "program__periode__instansi",
    "SubKegiatan": "kegiatan__program__periode__instansi",
    "AnggaranSubKegiatan": "sub_kegiatan__kegiatan__program__periode__instansi",
    "PerjanjianKinerja": "instansi",
    "ImporSIPD": "instansi",
    "SalinanRencana": "instansi",
}


# An indicator belongs to its agency through whichever level owns it.
JALUR_INSTANSI_INDIKATOR = (
    "sasaran__tujuan__periode__instansi",
    "program__periode__instansi",
    "kegiatan__program__periode__instansi",
    "sub_kegiatan__kegiatan__program__periode__instansi",
)


def q_indikator_instansi(instansi, awalan=""):
    """A ``Q`` for the indicators of ``instansi`` (``awalan`` reaches the
    indicator from another model, e.g. ``"indikator__"``)."""
    q = Q()
    for jalur in JALUR_INSTANSI_INDIKATOR:
        q |= Q(**{awalan + jalur: instansi})
    return q


def id_indikator_instansi(instansi):
    """The ids of ``instansi``'s indicators as one sub-select: a union of the
    plain paths, so the database uses its indexes instead of joining every
    path for every row."""
    pertama, *lain = [
        Indikator.objects.filter(**{j: instansi}).order_by().values("pk")
        for j in JALUR_INSTANSI_INDIKATOR
    ]
    return pertama.union(*lain)


def milik_instansi(model, instansi):
    """The records of ``model`` that belong to ``instansi`` (a queryset)."""
    if model is Indikator:
        return Indikator.objects.filter(q_indikator_instansi(instansi))
    return model.objects.filter(**{LINGKUP_INSTANSI[model.__name__]: instansi})


def instansi_objek(objek):
    """The agency a plan record belongs to (through its parents), or None."""
    if isinstance(objek, Indikator):
        objek = objek.induk
    while objek is not None and not hasattr(objek, "kode_urusan"):
        if hasattr(objek, "instansi_id"):
            return objek.instansi if objek.instansi_id else None
        induk = next(
            (
                nama
                for nama in ("periode", "tujuan", "program", "kegiatan", "sub_kegiatan")
                if hasattr(objek, f"{nama}_id")
            ),
            None,
        )
        if induk is None or getattr(objek, f"{induk}_id") is None:
            return None
        objek = getattr(objek, induk)
    return objek


def tahun_rencana(instansi):
    """The budget years that have a plan, newest first."""
    return list(
        Program.objects.filter(periode__instansi=instansi)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class PeringatanTarget:
    """A flow indicator whose quarterly targets do not add up to the year's."""

    indikator: Indikator
    tahun: int
    target_tahun: Decimal
    jumlah_triwulan: Decimal

    @property
    def selisih(self):
        """Sum of the quarters minus the year's target (negative: short)."""
        return self.jumlah_triwulan - self.target_tahun

    def __str__(self):
        from lakip.format import format_angka

        return (
            f"Jumlah target triwulan ({format_angka(self.jumlah_triwulan)}) "
            f"{'melebihi' if self.selisih > 0 else 'kurang dari'} target tahunan "
            f"({format_angka(self.target_tahun)}); selisih "
            f"{format_angka(self.selisih)}."
        )


def periksa_target_alir(indikator, target):
    """For a flow (``alir``) indicator: a ``PeringatanTarget`` when its quarterly
    targets are given and do not add up to the year's target, else None.
    Stocks and ratios are not added up, so they are never flagged."""
    if indikator.jenis != Indikator.Jenis.ALIR or target is None:
        return None
    triwulan = [t for t in target.per_triwulan.values() if t is not None]
    if target.target is None or not triwulan:
        return None
    jumlah = sum(triwulan, Decimal(0))
    if jumlah == target.target:
        return None
    return PeringatanTarget(indikator, target.tahun, Decimal(target.target), jumlah)


def peringatan_target(instansi, tahun):
    """Every flow-target warning of the indicators that apply to ``tahun``, in
    plan order."""
    hasil = []
    for ind in indikator_tahun(instansi, tahun, [tahun]):
        peringatan = periksa_target_alir(ind, ind.target_per_tahun.get(tahun))
        if peringatan is not None:
            hasil.append(peringatan)
    return hasil


def pohon_rencana(instansi, tahun):
    """The plan of ``tahun`` as a tree for the plan screens.

    Returns a dict: ``periode``; ``tujuan`` (each with ``.daftar_sasaran``, each
    sasaran with ``.daftar_indikator`` and ``.daftar_program``); ``program`` (all
    of the year, each with ``.daftar_indikator``, kegiatan and sub kegiatan with
    theirs and the budget versions prefetched); ``tanpa_sasaran`` (programs
    supporting no sasaran); ``peringatan`` (flow-target warnings by indicator id).
    Every indicator carries ``target_berlaku`` (its target for ``tahun``) and
    ``peringatan_target`` (``PeringatanTarget`` or None).
    """
    periode = periode_untuk_tahun(instansi, tahun)
    program = program_tahun(instansi, tahun)
    indikator = indikator_tahun(instansi, tahun, [tahun])
    per_induk, peringatan = {}, {}
    for ind in sorted(indikator, key=lambda i: (i.urutan, i.pk)):
        ind.target_berlaku = ind.target_per_tahun.get(tahun)
        per_induk.setdefault((ind.tingkat, ind.induk.pk), []).append(ind)
        ind.peringatan_target = periksa_target_alir(ind, ind.target_berlaku)
        if ind.peringatan_target is not None:
            peringatan[ind.pk] = ind.peringatan_target

    def milik(tingkat, objek):
        return per_induk.get((tingkat, objek.pk), [])

    tujuan = []
    if periode is not None:
        tujuan = list(periode.tujuan.prefetch_related("sasaran"))
    per_sasaran = {}
    for p in program:
        p.daftar_indikator = milik("program", p)
        per_sasaran.setdefault(p.sasaran_id, []).append(p)
        for k in p.kegiatan.all():
            k.daftar_indikator = milik("kegiatan", k)
            for s in k.sub_kegiatan.all():
                s.daftar_indikator = milik("sub_kegiatan", s)
                s.anggaran_murni = s.anggaran_perubahan = None
                for a in s.anggaran.all():
                    setattr(s, f"anggaran_{a.versi}", a)
    for t in tujuan:
        t.daftar_sasaran = list(t.sasaran.all())
        for s in t.daftar_sasaran:
            s.daftar_indikator = milik("sasaran", s)
            s.daftar_program = per_sasaran.get(s.pk, [])
    id_sasaran = {s.pk for t in tujuan for s in t.daftar_sasaran}
    return {
        "periode": periode,
        "tujuan": tujuan,
        "program": program,
        "tanpa_sasaran": [p for p in program if p.sasaran_id not in id_sasaran],
        "peringatan": peringatan,
    }


def indikator_perjanjian(perjanjian):
    """The agreed indicators of a Perjanjian Kinerja in plan order (sasaran,
    program, kegiatan, sub kegiatan), each with ``target_berlaku`` for its year."""
    tingkat = {"sasaran": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
    indikator = list(
        perjanjian.indikator.select_related(
            "sasaran", "program", "kegiatan__program", "sub_kegiatan__kegiatan"
        ).prefetch_related(
            Prefetch(
                "target",
                queryset=TargetIndikator.objects.filter(tahun=perjanjian.tahun),
                to_attr="target_dipilih",
            )
        )
    )
    for ind in indikator:
        ind.target_berlaku = ind.target_dipilih[0] if ind.target_dipilih else None
    return sorted(
        indikator,
        key=lambda i: (tingkat[i.tingkat], i.induk.kode, i.urutan, i.pk),
    )


def objek_anggaran_perjanjian(perjanjian, indikator=None):
    """The programs, kegiatan and sub kegiatan whose budget a Perjanjian Kinerja
    covers, in plan order: those measured by its indicators, and for an IKU the
    programs of the year that support its sasaran."""
    indikator = indikator if indikator is not None else indikator_perjanjian(perjanjian)
    objek = []
    sasaran = [i.sasaran for i in indikator if i.tingkat == Indikator.Tingkat.SASARAN]
    if sasaran:
        objek.extend(
            Program.objects.filter(
                periode__instansi=perjanjian.instansi,
                tahun=perjanjian.tahun,
                sasaran__in=sasaran,
            )
        )
    for ind in indikator:
        if ind.tingkat != Indikator.Tingkat.SASARAN and ind.induk not in objek:
            objek.append(ind.induk)
    return objek
