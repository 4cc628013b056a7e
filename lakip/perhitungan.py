"""The computation rules of SAKIP/LAKIP, in one place.

Pure Python: no Django, no database, no templates. Every figure the application
shows (dashboard, documents, exports) is computed with these functions.

A value that cannot be computed (no target, a zero target, no realisation, a zero
denominator) is returned as a ``TakTerhitung`` carrying the reason, never as 0 and
never as an exception. ``TakTerhitung`` is falsy, and every function here accepts it
as input and passes it on.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

SERATUS = Decimal(100)
DUA_DESIMAL = Decimal("0.01")


@dataclass(frozen=True)
class TakTerhitung:
    """A result that cannot be computed, with the reason in Indonesian."""

    alasan: str

    def __bool__(self):
        return False

    def __str__(self):
        return "-"


TANPA_TARGET = TakTerhitung("target belum ditetapkan")
TARGET_NOL = TakTerhitung("target bernilai nol")
TANPA_REALISASI = TakTerhitung("realisasi belum diisi")
PEMBAGI_NOL = TakTerhitung("pembagi bernilai nol")

NAIK = "naik"  # higher is better
TURUN = "turun"  # lower is better

ALIR = "alir"  # flow: the quarters add up
STOK = "stok"  # stock: the latest quarter counts
RASIO = "rasio"  # ratio: recomputed from its components


def terhitung(nilai):
    """True if ``nilai`` is a computed number (not None, not ``TakTerhitung``)."""
    return nilai is not None and not isinstance(nilai, TakTerhitung)


def desimal(nilai):
    """Return ``nilai`` as a ``Decimal``; None and ``TakTerhitung`` pass through.

    Floats are converted through their shortest repr so that 0.1 stays 0.1.
    """
    if nilai is None or isinstance(nilai, (TakTerhitung, Decimal)):
        return nilai
    if isinstance(nilai, float):
        return Decimal(repr(nilai))
    return Decimal(nilai)


def bulatkan(nilai, tempat=2):
    """Round half up (0.005 -> 0.01) to ``tempat`` decimals; non-values pass."""
    nilai = desimal(nilai)
    if not terhitung(nilai):
        return nilai
    # enough precision for any finite value: a huge capaian (a tiny target)
    # rounds instead of raising InvalidOperation in the default 28-digit context
    presisi = Context(prec=max(28, nilai.adjusted() + tempat + 2))
    return nilai.quantize(
        Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP, context=presisi
    )


def bagi(pembilang, penyebut, pengali=SERATUS):
    """``pembilang / penyebut × pengali``, unrounded.

    A missing operand gives ``TANPA_REALISASI``; a zero divisor ``PEMBAGI_NOL``.
    """
    pembilang, penyebut = desimal(pembilang), desimal(penyebut)
    if isinstance(pembilang, TakTerhitung):
        return pembilang
    if isinstance(penyebut, TakTerhitung):
        return penyebut
    if pembilang is None or penyebut is None:
        return TANPA_REALISASI
    if penyebut == 0:
        return PEMBAGI_NOL
    return pembilang / penyebut * desimal(pengali)


def capaian(target, realisasi, polaritas=NAIK):
    """Achievement (%) of ``realisasi`` against ``target``, unrounded.

    Higher is better: ``R / T × 100``. Lower is better: ``(2T − R) / T × 100``,
    never below 0. A missing target gives ``TANPA_TARGET``, a zero target
    ``TARGET_NOL``, a missing realisation ``TANPA_REALISASI``.
    """
    target, realisasi = desimal(target), desimal(realisasi)
    if isinstance(target, TakTerhitung):
        return target
    if target is None:
        return TANPA_TARGET
    if target == 0:
        return TARGET_NOL
    if isinstance(realisasi, TakTerhitung):
        return realisasi
    if realisasi is None:
        return TANPA_REALISASI
    if polaritas == TURUN:
        return max(Decimal(0), (2 * target - realisasi) / target * SERATUS)
    return realisasi / target * SERATUS


def nilai_rasio(pembilang, penyebut, pengali=SERATUS):
    """The value of a ratio indicator from its components, unrounded."""
    return bagi(pembilang, penyebut, pengali)


def realisasi_kumulatif(jenis, per_triwulan, triwulan):
    """Year-to-date realisation at the end of ``triwulan`` by the indicator's kind.

    ``per_triwulan`` maps quarter (1-4) to that quarter's value (missing or None
    when not entered). A flow (``ALIR``) sums quarters 1..triwulan, a missing
    quarter counting as nothing; if none is entered the result is
    ``TANPA_REALISASI``. A stock or ratio (``STOK``, ``RASIO``) takes the value of
    ``triwulan`` itself, whose components are positions at the quarter's end.
    """
    if jenis == ALIR:
        nilai = [desimal(per_triwulan.get(t)) for t in range(1, triwulan + 1)]
        nilai = [n for n in nilai if terhitung(n)]
        if not nilai:
            return TANPA_REALISASI
        return sum(nilai, Decimal(0))
    nilai = desimal(per_triwulan.get(triwulan))
    return TANPA_REALISASI if nilai is None else nilai


def target_kumulatif(jenis, target_per_triwulan, triwulan):
    """The target up to the end of ``triwulan``: the sum for a flow, else its own."""
    if jenis == ALIR:
        nilai = [desimal(target_per_triwulan.get(t)) for t in range(1, triwulan + 1)]
        if all(n is None for n in nilai):
            return TANPA_TARGET
        return sum((n for n in nilai if n is not None), Decimal(0))
    nilai = desimal(target_per_triwulan.get(triwulan))
    return TANPA_TARGET if nilai is None else nilai


def jumlah(nilai_nilai):
    """Sum of whole-rupiah amounts; None counts as 0. Always an ``int``."""
    return sum((int(n) for n in nilai_nilai if n is not None), 0)


def kas_kumulatif(kas_per_triwulan, triwulan):
    """Cash plan up to the end of ``triwulan`` (quarters 1..triwulan added)."""
    return jumlah(kas_per_triwulan.get(t) for t in range(1, triwulan + 1))


def persen_serapan(realisasi, pembanding):
    """Budget absorption (%): ``realisasi / pembanding × 100``, unrounded.

    ``pembanding`` is the cash plan of the period (``persen_kas``) or the pagu
    (``persen_pagu``). A zero or missing ``pembanding`` gives ``PEMBAGI_NOL``.
    """
    if not pembanding:
        return PEMBAGI_NOL
    return bagi(realisasi or 0, pembanding)


def efisien(capaian_output, serapan_dana):
    """The seed's efficiency rule: output at or above target (capaian ≥ 100 %)
    while money spent at or below plan (absorption ≤ 100 %).

    Returns True/False, or ``TakTerhitung`` when either input is missing.
    """
    for nilai in (capaian_output, serapan_dana):
        if not terhitung(nilai):
            return nilai if isinstance(nilai, TakTerhitung) else TANPA_REALISASI
    return desimal(capaian_output) >= SERATUS and desimal(serapan_dana) <= SERATUS
