"""Indonesian number, money, date and NIP formatting, and parsing of typed numbers.

``format_*`` functions never raise on missing values: None and ``TakTerhitung``
print as ``-``.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from django.utils import timezone

from lakip.galat import LakipTidakValid
from lakip.perhitungan import bulatkan, desimal, terhitung

KOSONG = "-"

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _ribuan(bilangan_bulat):
    """``7897427349`` -> ``7.897.427.349`` (keeps a leading minus)."""
    tanda = "-" if bilangan_bulat < 0 else ""
    return tanda + f"{abs(bilangan_bulat):,}".replace(",", ".")


def format_angka(nilai, desimal_=None):
    """Indonesian number: dots for thousands, comma for decimals.

    With ``desimal_`` the value is rounded half up to that many places and printed
    with exactly that many decimals (``28,62``); without it, trailing zeros are
    dropped (``312``, ``61,68``).
    """
    nilai = desimal(nilai)
    if not terhitung(nilai):
        return KOSONG
    if desimal_ is not None:
        teks = f"{bulatkan(nilai, desimal_):.{desimal_}f}"
    else:
        teks = format(nilai, "f")
        if "." in teks:
            teks = teks.rstrip("0").rstrip(".")
    tanda = "-" if teks.startswith("-") else ""
    bulat, _, pecahan = teks.lstrip("-").partition(".")
    bulat_teks = tanda + _ribuan(int(bulat))
    return f"{bulat_teks},{pecahan}" if pecahan else bulat_teks


def format_persen(nilai):
    """Percentage with two decimals, half up: ``28,62``; ``-`` if not computable."""
    return format_angka(nilai, 2)


def format_uang(nilai, awalan="Rp "):
    """Whole rupiah: ``Rp 7.897.427.349``; ``-`` if missing."""
    if not terhitung(nilai):
        return KOSONG
    return f"{awalan}{_ribuan(int(nilai))}"


def format_tanggal(tanggal):
    """``25 April 2024``."""
    if tanggal is None:
        return KOSONG
    if isinstance(tanggal, datetime.datetime):
        tanggal = tanggal.date()
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def format_waktu(waktu):
    """``6 Desember 2026 09.45``: a moment in the local time zone (an aware
    datetime is converted first); a plain date prints as ``format_tanggal``."""
    if waktu is None:
        return KOSONG
    if not isinstance(waktu, datetime.datetime):
        return format_tanggal(waktu)
    if timezone.is_aware(waktu):
        waktu = timezone.localtime(waktu)
    return f"{format_tanggal(waktu)} {format_jam(waktu)}"


def format_hari_tanggal(tanggal):
    """``Senin, 20 Mei 2024``."""
    if tanggal is None:
        return KOSONG
    return f"{HARI[tanggal.weekday()]}, {format_tanggal(tanggal)}"


def format_jam(jam):
    """``13.00`` (hours and minutes with a dot, as Indonesian letters write)."""
    if jam is None:
        return KOSONG
    return f"{jam:%H.%M}"


def format_nip(nip):
    """``198105111999121001`` -> ``19810511 199912 1 001``; other input unchanged."""
    if not nip or not re.fullmatch(r"\d{18}", nip):
        return nip or KOSONG
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def format_triwulan(triwulan):
    """``1`` -> ``I``."""
    return ROMAWI.get(triwulan, str(triwulan))


_ANGKA_ROMAWI = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def format_romawi(bilangan):
    """Roman numeral of a positive integer: ``7`` -> ``VII``; other input as text."""
    if not isinstance(bilangan, int) or bilangan < 1:
        return str(bilangan)
    hasil = ""
    for nilai, huruf in _ANGKA_ROMAWI:
        jumlah, bilangan = divmod(bilangan, nilai)
        hasil += huruf * jumlah
    return hasil


class AngkaTidakValid(LakipTidakValid):
    """Raised by ``parse_angka`` with an Indonesian message."""


@dataclass(frozen=True)
class BatasAngka:
    """The range a stored number may take: at most ``desimal`` decimals and
    ``terkecil <= nilai <= terbesar``. One rule for every numeric input: forms,
    services, Excel uploads and SIPD imports all check through ``parse_angka``."""

    terkecil: Decimal
    terbesar: Decimal
    desimal: int
    pesan_pecahan: str = "harus bilangan bulat (tanpa desimal)"

    def periksa(self, angka, teks):
        """``angka`` if within the range; else ``AngkaTidakValid``."""
        if not angka.is_finite():
            raise AngkaTidakValid(f"“{teks}” bukan angka yang valid.")
        if angka > self.terbesar:
            raise AngkaTidakValid(
                f"“{teks}” terlalu besar; paling besar {format_angka(self.terbesar)}."
            )
        if angka < self.terkecil:
            raise AngkaTidakValid(
                f"“{teks}” terlalu kecil; paling kecil {format_angka(self.terkecil)}."
            )
        if angka.as_tuple().exponent < -self.desimal and angka != angka.quantize(
            Decimal(1).scaleb(-self.desimal), context=_PRESISI
        ):
            if self.desimal == 0:
                raise AngkaTidakValid(f"“{teks}” {self.pesan_pecahan}.")
            raise AngkaTidakValid(
                f"“{teks}” memiliki lebih dari {self.desimal} angka di belakang koma."
            )
        return angka


_PRESISI = Context(prec=80)


def batas_field(field):
    """The ``BatasAngka`` of a model field: a ``DecimalField`` allows
    ``decimal_places`` decimals and ``max_digits - decimal_places`` integer
    digits, one fewer when ``max_digits`` exceeds what a float holds exactly
    (15): SQLite stores decimals as REAL, and a value whose float rounds up to
    the next power of ten (9999999999999999.9 -> 1e16) could no longer be read
    back into the field. An integer field gets its database range (Django's
    own table)."""
    if getattr(field, "max_digits", None) is not None:
        tempat = field.decimal_places
        bulat = field.max_digits - tempat - (1 if field.max_digits > 15 else 0)
        terbesar = Decimal(10) ** bulat - Decimal(1).scaleb(-tempat)
        return BatasAngka(-terbesar, terbesar, tempat)
    from django.db.backends.base.operations import BaseDatabaseOperations

    terkecil, terbesar = BaseDatabaseOperations.integer_field_ranges[
        field.get_internal_type()
    ]
    return BatasAngka(Decimal(terkecil), Decimal(terbesar), 0)


# The plan's and the entries' numbers: ``batas_field`` of their
# DecimalField(max_digits=20, decimal_places=4) (renstra.models._angka,
# realisasi.models): 15 integer digits and 4 decimals.
BATAS_ANGKA = BatasAngka(
    Decimal("-999999999999999.9999"), Decimal("999999999999999.9999"), 4
)
# Money: whole rupiah below a thousand trillion. Within the BigIntegerField the
# amounts are stored in, with room for sums of a kabupaten's budgets, and every
# amount can still be spelled out (``terbilang``).
BATAS_UANG = BatasAngka(
    Decimal(-(10**15) + 1),
    Decimal(10**15 - 1),
    0,
    "harus ditulis dalam rupiah penuh, tanpa sen",
)
# Decimals kept of a float (an Excel cell) before its range is checked.
DESIMAL_FLOAT = 4
# A typed number longer than this is refused before it is parsed.
PANJANG_ANGKA_MAKS = 64

_POLA_INDONESIA = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_POLA_POLOS = re.compile(r"^-?\d+([.,]\d+)?$")


def parse_angka(teks, batas=BATAS_ANGKA):
    """Parse a number typed the Indonesian way or plain; return a ``Decimal``
    within ``batas`` (default: the range of the app's decimal fields).

    Accepted: ``1.250.000``, ``1.250.000,50``, ``63,57``, ``63.57``, ``1250000``,
    with optional ``Rp`` and ``%``. A dot followed by exactly three digits in a
    number with more than one dot-group is a thousands separator; a single
    ``1.250`` is read as one thousand two hundred fifty (Indonesian style), while
    ``63.57`` (two decimals) is read as a decimal point. Empty input gives None.
    A float (an Excel cell) is first rounded half up to ``DESIMAL_FLOAT``
    decimals, since its last digits are binary noise (``0.1 + 0.2``). Typed text
    with more decimals than ``batas`` allows, a value outside the range,
    infinity or NaN raise ``AngkaTidakValid``, as does anything else that is not
    a number.
    """
    if teks is None:
        return None
    if isinstance(teks, bool):
        raise AngkaTidakValid(f"“{teks}” bukan angka yang valid.")
    if isinstance(teks, (int, Decimal)):
        return batas.periksa(Decimal(teks), teks)
    if isinstance(teks, float):
        angka = desimal(teks)
        if angka.is_finite() and angka.adjusted() < 40:  # larger: refused below
            angka = angka.quantize(
                Decimal(1).scaleb(-max(batas.desimal, DESIMAL_FLOAT)),
                rounding=ROUND_HALF_UP,
                context=_PRESISI,
            )
        return batas.periksa(angka, teks)
    bersih = str(teks).strip().replace(" ", "").replace("\u00a0", "")
    if len(bersih) > PANJANG_ANGKA_MAKS:
        raise AngkaTidakValid(
            f"Angka terlalu panjang (lebih dari {PANJANG_ANGKA_MAKS} karakter)."
        )
    bersih = re.sub(r"^(Rp\.?)", "", bersih, flags=re.IGNORECASE).rstrip("%")
    if bersih == "":
        return None
    if _POLA_INDONESIA.match(bersih):
        bersih = bersih.replace(".", "").replace(",", ".")
    elif _POLA_POLOS.match(bersih):
        bersih = bersih.replace(",", ".")
    else:
        raise AngkaTidakValid(f"“{teks}” bukan angka yang valid.")
    try:
        angka = Decimal(bersih)
    except InvalidOperation as exc:  # pragma: no cover - patterns above guard this
        raise AngkaTidakValid(f"“{teks}” bukan angka yang valid.") from exc
    return batas.periksa(angka, teks)


# C0 control characters other than tab, line feed and carriage return: Word
# pastes them (``\x0b``), XML 1.0 forbids them, openpyxl refuses to write them.
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def tanpa_kendali(teks):
    """``teks`` without control characters (tab and line breaks stay); None
    stays None."""
    return None if teks is None else _KENDALI.sub("", str(teks))


_SATUAN = [
    "",
    "Satu",
    "Dua",
    "Tiga",
    "Empat",
    "Lima",
    "Enam",
    "Tujuh",
    "Delapan",
    "Sembilan",
    "Sepuluh",
    "Sebelas",
]
_KELIPATAN = [
    (10**12, "Triliun"),
    (10**9, "Miliar"),
    (10**6, "Juta"),
    (1000, "Ribu"),
]


def _terbilang(n):
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} Belas"
    if n < 100:
        return f"{_SATUAN[n // 10]} Puluh {_terbilang(n % 10)}".strip()
    if n < 200:
        return f"Seratus {_terbilang(n - 100)}".strip()
    if n < 1000:
        return f"{_SATUAN[n // 100]} Ratus {_terbilang(n % 100)}".strip()
    for besar, nama in _KELIPATAN:
        if n >= besar:
            depan = "Seribu" if besar == 1000 and n // besar == 1 else None
            depan = depan or f"{_terbilang(n // besar)} {nama}"
            return f"{depan} {_terbilang(n % besar)}".strip()
    raise AssertionError(n)  # pragma: no cover (every n >= 1000 matched above)


def terbilang(nilai, satuan="Rupiah"):
    """A whole amount in Indonesian words, capitalised as in official letters:
    ``30580000`` -> ``Tiga Puluh Juta Lima Ratus Delapan Puluh Ribu Rupiah``;
    ``0`` -> ``Nol Rupiah``. Raises ``ValueError`` for a negative or fractional
    amount or one of a thousand trillion or more."""
    try:
        angka = desimal(nilai)
    except (InvalidOperation, TypeError, ValueError):
        angka = None
    if not terhitung(angka) or angka != angka.to_integral_value() or angka < 0:
        raise ValueError(f"Tidak dapat dieja: {nilai!r}")
    n = int(angka)
    if n >= 10**15:
        raise ValueError(f"Terlalu besar untuk dieja: {nilai!r}")
    kata = _terbilang(n) if n else "Nol"
    return f"{kata} {satuan}".strip()
