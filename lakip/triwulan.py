"""The quarter (triwulan) and the report year: one home for their choices,
their valid range, their dates, and the URL converters that refuse anything
else with a 404 before a view runs."""

import datetime

from django.http import Http404

from lakip.galat import LakipTidakValid

TRIWULAN_CHOICES = [(1, "I"), (2, "II"), (3, "III"), (4, "IV")]
TRIWULAN = (1, 2, 3, 4)
TAHUN_MIN = 2000
TAHUN_MAX = 2100


class PeriodeTidakValid(LakipTidakValid):
    """A year or quarter outside the valid range; the message is Indonesian."""


def periksa_periode(tahun, triwulan=None):
    """Return ``(tahun, triwulan)`` as ints when both are valid (a year in
    2000-2100, a quarter 1-4; ``triwulan=None`` checks the year alone), else
    raise ``PeriodeTidakValid`` with an Indonesian message."""
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        raise PeriodeTidakValid("Tahun harus berupa angka.") from None
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise PeriodeTidakValid(
            f"Tahun {tahun} di luar rentang {TAHUN_MIN}-{TAHUN_MAX}."
        )
    if triwulan is None:
        return tahun, None
    try:
        triwulan = int(triwulan)
    except (TypeError, ValueError):
        raise PeriodeTidakValid("Triwulan harus 1, 2, 3, atau 4.") from None
    if triwulan not in TRIWULAN:
        raise PeriodeTidakValid("Triwulan harus 1, 2, 3, atau 4.")
    return tahun, triwulan


def periode_atau_404(tahun, triwulan=None):
    """``periksa_periode`` for views: an invalid period is a 404."""
    try:
        return periksa_periode(tahun, triwulan)
    except PeriodeTidakValid as galat:
        raise Http404(str(galat)) from None


def triwulan_tanggal(tanggal):
    """The quarter (1-4) ``tanggal`` falls in."""
    return (tanggal.month - 1) // 3 + 1


def awal_triwulan(tahun, triwulan):
    """The first day of the quarter."""
    return datetime.date(tahun, triwulan * 3 - 2, 1)


def akhir_triwulan(tahun, triwulan):
    """The last day of the quarter: the day its figures are counted to."""
    if triwulan == 4:
        return datetime.date(tahun, 12, 31)
    return datetime.date(tahun, triwulan * 3 + 1, 1) - datetime.timedelta(days=1)


class KonverterTahun:
    """``<tahun:tahun>``: four digits within 2000-2100, else no match (404)."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        try:
            return periksa_periode(value)[0]
        except PeriodeTidakValid:
            raise ValueError(value) from None

    def to_url(self, value):
        return str(self.to_python(value))


class KonverterTriwulan:
    """``<tw:triwulan>``: 1, 2, 3 or 4, else no match (404)."""

    regex = "[1-4]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
