"""Uploaded Excel files, checked before and while they are parsed.

Every importer (the entry sheet, ``realisasi.excel``; the SIPD files,
``renstra.sipd``) opens its upload through ``buka_xlsx`` and reads its rows
through ``baris_lembar``. Guarantees:

- before any XML is parsed, the zip directory is checked: the total
  uncompressed size (``TERURAI_MAKS``), the number of members and the
  compression ratio of every large member (``RASIO_MAKS``). A directory that
  lies about the sizes is caught by ``zipfile`` itself (the read stops at the
  declared size and the CRC check fails);
- the workbook is opened ``read_only`` (rows are streamed, not loaded whole)
  with defusedxml (pinned in requirements.txt; openpyxl uses it when installed);
- rows are bounded in number (``BARIS_MAKS``), width (``KOLOM_MAKS``) and text
  length per cell (``TEKS_SEL_MAKS``, Excel's own limit); control characters
  are stripped from text cells;
- anything unreadable (not a zip, broken or malformed XML) raises
  ``BerkasTidakValid`` with an Indonesian message, never another exception.
"""

import io
import zipfile

from lakip.format import format_angka, tanpa_kendali

TERURAI_MAKS = 64 * 1024 * 1024  # bytes, every member together
RASIO_MAKS = 100  # uncompressed / compressed, for members above RASIO_DARI
RASIO_DARI = 1024 * 1024
ANGGOTA_MAKS = 1000  # members of the zip
BARIS_MAKS = 50_000
KOLOM_MAKS = 200
TEKS_SEL_MAKS = 32_767  # characters, as Excel itself allows


class BerkasTidakValid(ValueError):
    """The upload cannot be read safely; ``str(exc)`` is the Indonesian message."""


TIDAK_TERBACA = (
    "Berkas tidak dapat dibaca sebagai Excel .xlsx (rusak atau bukan berkas Excel)."
)


def periksa_zip(isi):
    """Refuse a zip (``isi``: bytes or a binary file) whose directory declares
    too much uncompressed data, too many members or a compression ratio that
    only a zip bomb has. Reads the directory only."""
    try:
        with zipfile.ZipFile(_berkas(isi)) as arsip:
            anggota = arsip.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise BerkasTidakValid(TIDAK_TERBACA) from None
    if len(anggota) > ANGGOTA_MAKS:
        raise BerkasTidakValid(
            f"Berkas berisi {format_angka(len(anggota))} bagian; bukan lembar Excel "
            "yang wajar."
        )
    terurai = sum(a.file_size for a in anggota)
    if terurai > TERURAI_MAKS:
        raise BerkasTidakValid(
            f"Isi berkas terlalu besar setelah dibuka ({_mb(terurai)} MB; paling "
            f"besar {_mb(TERURAI_MAKS)} MB). Hapus baris atau teks yang tidak perlu."
        )
    for a in anggota:
        if a.file_size > RASIO_DARI and a.file_size > RASIO_MAKS * max(
            a.compress_size, 1
        ):
            raise BerkasTidakValid(
                "Berkas dimampatkan secara tidak wajar (kemungkinan berisi teks "
                "yang sangat panjang atau berulang); berkas ditolak."
            )


def buka_xlsx(isi):
    """The workbook of ``isi`` (bytes or a binary file), opened read-only with
    values instead of formulas, after ``periksa_zip``. The caller closes it
    (``wb.close()``)."""
    from openpyxl import load_workbook

    periksa_zip(isi)
    berkas = _berkas(isi)
    berkas.seek(0)
    try:
        return load_workbook(berkas, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on broken files
        raise BerkasTidakValid(TIDAK_TERBACA) from None


def baris_lembar(lembar, min_row=1, kolom_maks=KOLOM_MAKS, baris_maks=BARIS_MAKS):
    """The rows of a read-only sheet from ``min_row`` as tuples of at most
    ``kolom_maks`` values without trailing empty cells, text without control
    characters. Raises
    ``BerkasTidakValid`` past ``baris_maks`` rows, for a text cell longer than
    ``TEKS_SEL_MAKS``, or when the sheet's XML is malformed."""
    nomor = min_row - 1
    try:
        for nomor, sel in enumerate(
            lembar.iter_rows(min_row=min_row, max_col=kolom_maks, values_only=True),
            min_row,
        ):
            if nomor - min_row >= baris_maks:
                raise BerkasTidakValid(
                    f"Lembar “{lembar.title}” berisi lebih dari "
                    f"{format_angka(baris_maks)} baris."
                )
            sel = list(sel)
            while sel and sel[-1] is None:  # read-only rows are padded to max_col
                sel.pop()
            yield tuple(_sel(v, nomor) for v in sel)
    except BerkasTidakValid:
        raise
    except Exception:  # malformed XML (ParseError), bad cell types, broken zip
        raise BerkasTidakValid(
            f"Lembar “{lembar.title}” rusak dan tidak dapat dibaca (sekitar baris "
            f"{nomor + 1})."
        ) from None


def _sel(nilai, nomor):
    if not isinstance(nilai, str):
        return nilai
    if len(nilai) > TEKS_SEL_MAKS:
        raise BerkasTidakValid(
            f"Baris {nomor}: teks sel terlalu panjang ({format_angka(len(nilai))} "
            f"karakter; paling banyak {format_angka(TEKS_SEL_MAKS)})."
        )
    return tanpa_kendali(nilai)


def _berkas(isi):
    return io.BytesIO(isi) if isinstance(isi, (bytes, bytearray, memoryview)) else isi


def _mb(ukuran):
    return format_angka(ukuran // (1024 * 1024))
