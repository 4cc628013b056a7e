"""Indonesian number, money, date and NIP formatting, and parsing of typed numbers.

``format_*`` functions never raise on missing values: None and ``TakTerhitung``
print as ``-``.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

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


_POLA_INDONESIA = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_POLA_POLOS = re.compile(r"^-?\d+([.,]\d+)?$")


def parse_angka(teks):
    """Parse a number typed the Indonesian way or plain; return a ``Decimal``.

    Accepted: ``1.250.000``, ``1.250.000,50``, ``63,57``, ``63.57``, ``1250000``,
    with optional ``Rp`` and ``%``. A dot followed by exactly three digits in a
    number with more than one dot-group is a thousands separator; a single
    ``1.250`` is read as one thousand two hundred fifty (Indonesian style), while
    ``63.57`` (two decimals) is read as a decimal point. Empty input gives None.
    Anything else raises ``AngkaTidakValid``.
    """
    if teks is None:
        return None
    if isinstance(teks, (int, Decimal)):
        return Decimal(teks)
    if isinstance(teks, float):
        return desimal(teks)
    bersih = str(teks).strip().replace(" ", "").replace("\u00a0", "")
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
        return Decimal(bersih)
    except InvalidOperation as exc:  # pragma: no cover - patterns above guard this
        raise AngkaTidakValid(f"“{teks}” bukan angka yang valid.") from exc


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
