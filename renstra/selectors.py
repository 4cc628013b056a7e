"""Read access to the plan. Every function runs a fixed number of queries,
whatever the number of programs, sub kegiatan or indicators."""

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
