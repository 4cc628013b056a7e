"""Database reads of the dashboard. Each runs a fixed number of queries,
whatever the amount of plan and realisation data."""

import datetime
from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from lakip.models import UnitKerja
from lakip.triwulan import triwulan_tanggal
from lakip.versi_data import RENCANA, tersimpan
from laporan.data_tersimpan import data_laporan, data_laporan_tahun
from realisasi import selectors as realisasi_sel
from realisasi.models import RealisasiAnggaran, RealisasiIndikator
from renstra import selectors as renstra_sel
from renstra.models import Indikator, Kegiatan, Program, Sasaran, SubKegiatan


@dataclass(frozen=True)
class PeriodeBerdata:
    """The quarters with a realisation of an indicator (``indikator``) or of
    the budget (``anggaran``), as ``(tahun, triwulan)``, and the budget years
    (``tahun_program``) of an agency."""

    indikator: frozenset
    anggaran: frozenset
    tahun_program: frozenset


@dataclass(frozen=True)
class _RencanaPeriode:
    """What ``PeriodeBerdata`` reads of the plan: the ids of every indicator of
    the agency (every year) and its budget years."""

    indikator: tuple
    tahun_program: frozenset


def _rencana_periode(instansi):
    """Read once per version of the plan (a saved realisation does not read it
    again)."""

    def hitung():
        return _RencanaPeriode(
            indikator=tuple(
                sorted(r["pk"] for r in renstra_sel.id_indikator_instansi(instansi))
            ),
            tahun_program=frozenset(
                Program.objects.filter(periode__instansi=instansi)
                .order_by()
                .values_list("tahun", flat=True)
                .distinct()
            ),
        )

    return tersimpan(
        f"rencana-periode:{instansi.pk}", instansi.pk, hitung, RENCANA, proses=True
    )


def _periode_berdata(instansi):
    """Read once per data version: every page of the dashboard asks for the
    latest quarter and the years. The realisations are read by the agency's
    indicator ids (the unique index on indicator, year and quarter), so the
    cost follows the agency's own rows, not every agency's."""

    def hitung():
        rencana = _rencana_periode(instansi)
        return PeriodeBerdata(
            indikator=frozenset(
                RealisasiIndikator.objects.filter(indikator_id__in=rencana.indikator)
                .order_by()
                .values_list("tahun", "triwulan")
                .distinct()
            ),
            anggaran=frozenset(
                RealisasiAnggaran.objects.filter(
                    sub_kegiatan__kegiatan__program__periode__instansi=instansi
                )
                .order_by()
                .values_list("sub_kegiatan__kegiatan__program__tahun", "triwulan")
                .distinct()
            ),
            tahun_program=rencana.tahun_program,
        )

    return tersimpan(f"periode-berdata:{instansi.pk}", instansi.pk, hitung)


def periode_terbaru(instansi, tahun=None):
    """``(tahun, triwulan)``: the latest quarter with a realisation (of an
    indicator or of the budget), within ``tahun`` if given. Without any: TW I of
    ``tahun``, else TW I of the latest budget year, else the current quarter."""
    ada = _periode_berdata(instansi)
    calon = [p for p in ada.indikator | ada.anggaran if tahun is None or p[0] == tahun]
    if calon:
        return max(calon)
    if tahun is not None:
        return tahun, 1
    if ada.tahun_program:
        return max(ada.tahun_program), 1
    hari_ini = datetime.date.today()
    return hari_ini.year, triwulan_tanggal(hari_ini)


def tahun_tersedia(instansi):
    """The years the agency has a budget or an indicator realisation for,
    newest first."""
    ada = _periode_berdata(instansi)
    return sorted(ada.tahun_program | {t for t, _ in ada.indikator}, reverse=True)


def unit_kerja(instansi):
    """The agency's units in order, with their heads."""
    return list(
        UnitKerja.objects.filter(instansi=instansi).select_related("kepala", "induk")
    )


def entri_triwulan(instansi, tahun, triwulan):
    """``{unit_id: EntriTriwulan}`` (see ``realisasi.selectors``)."""
    return realisasi_sel.entri_triwulan(instansi, tahun, triwulan)


def unit_belum_disahkan(instansi, tahun, triwulan):
    """The units whose quarter is not Disahkan (see ``realisasi.selectors``)."""
    return realisasi_sel.unit_belum_disahkan(instansi, tahun, triwulan)


def data_tahun(instansi, tahun, triwulan):
    """The report data of TW I up to ``triwulan`` of ``tahun``, the chosen
    quarter last (``bangun_data_laporan_tahun``: one reading for all quarters),
    computed once per change of the agency's data."""
    return data_laporan_tahun(instansi, tahun, triwulan)


def data_tahun_lalu(instansi, tahun, triwulan):
    """The report data of the same quarter one year earlier."""
    return data_laporan(instansi, tahun - 1, triwulan)


# Drill-down: objects of the user's agency only (404 otherwise) ----------------------


def sasaran_instansi(instansi, pk):
    return get_object_or_404(
        Sasaran.objects.select_related("tujuan"),
        pk=pk,
        tujuan__periode__instansi=instansi,
    )


def program_instansi(instansi, pk):
    return get_object_or_404(
        Program.objects.select_related("sasaran"), pk=pk, periode__instansi=instansi
    )


def kegiatan_instansi(instansi, pk):
    return get_object_or_404(
        Kegiatan.objects.select_related("program", "program__sasaran"),
        pk=pk,
        program__periode__instansi=instansi,
    )


def sub_kegiatan_instansi(instansi, pk):
    return get_object_or_404(
        SubKegiatan.objects.select_related(
            "kegiatan", "kegiatan__program", "kegiatan__program__sasaran"
        ),
        pk=pk,
        kegiatan__program__periode__instansi=instansi,
    )


def indikator_instansi(instansi, pk):
    return get_object_or_404(
        Indikator.objects.select_related(
            "sasaran",
            "program",
            "kegiatan__program",
            "sub_kegiatan__kegiatan__program",
        ),
        renstra_sel.q_indikator_instansi(instansi),
        pk=pk,
    )


def tahun_indikator(indikator):
    """The budget year of a program, kegiatan or sub kegiatan indicator; None
    for an IKU, which spans the Renstra period."""
    induk = indikator.induk
    if indikator.tingkat == "program":
        return induk.tahun
    if indikator.tingkat == "kegiatan":
        return induk.program.tahun
    if indikator.tingkat == "sub_kegiatan":
        return induk.kegiatan.program.tahun
    return None
