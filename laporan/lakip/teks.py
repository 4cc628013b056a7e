"""The small markup of a report's prose, turned into safe HTML.

Rules (what a user types in the text boxes):

- a blank line separates paragraphs;
- lines starting with ``- `` (or ``• ``) form a bulleted list;
- lines starting with a label such as ``a.``, ``b)``, ``1.`` or ``2)`` form a
  list that keeps the typed labels (as the seed's documents do);
- ``**tebal**`` prints bold, ``*miring*`` italic;
- ``{tahun}``, ``{tahun_lalu}``, ``{triwulan}`` (I-IV), ``{instansi}`` and
  ``{wilayah}`` are replaced by the report's own, so a text copied to the next
  quarter stays right.

Everything else is escaped: users cannot inject HTML into the documents.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

_BUTIR = re.compile(r"^[-•]\s+(.*)$")
_LABEL = re.compile(r"^((?:[a-zA-Z]|\d{1,2})[.)])\s+(.*)$")
_TEBAL = re.compile(r"\*\*(.+?)\*\*")
_MIRING = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def _sebaris(teks):
    teks = escape(teks.strip())
    teks = _TEBAL.sub(r"<strong>\1</strong>", teks)
    return _MIRING.sub(r"<em>\1</em>", teks)


def _butir_berlabel(baris):
    label, isi = _LABEL.match(baris).groups()
    return f'<li><span class="label">{escape(label)}</span>{_sebaris(isi)}</li>'


def _jenis_baris(baris):
    if _BUTIR.match(baris):
        return "butir"
    if _LABEL.match(baris):
        return "label"
    return "teks"


def _blok(baris_baris):
    """HTML of one block (lines without a blank line between them)."""
    hasil = []
    kelompok = []

    def tutup():
        if not kelompok:
            return
        jenis = _jenis_baris(kelompok[0])
        if jenis == "butir":
            item = "".join(
                f"<li>{_sebaris(_BUTIR.match(b).group(1))}</li>" for b in kelompok
            )
            hasil.append(f"<ul>{item}</ul>")
        elif jenis == "label":
            item = "".join(_butir_berlabel(b) for b in kelompok)
            hasil.append(f'<ol class="berlabel">{item}</ol>')
        else:
            hasil.append(f"<p>{_sebaris(' '.join(kelompok))}</p>")
        kelompok.clear()

    for baris in baris_baris:
        jenis = _jenis_baris(baris)
        if kelompok and jenis != _jenis_baris(kelompok[0]):
            if jenis == "teks" and _jenis_baris(kelompok[0]) != "teks":
                # A wrapped line continues the list item above it.
                kelompok[-1] = f"{kelompok[-1]} {baris}"
                continue
            tutup()
        kelompok.append(baris)
    tutup()
    return "".join(hasil)


ISIAN = ("tahun", "tahun_lalu", "triwulan", "instansi", "wilayah")
_ISIAN = re.compile(r"\{(" + "|".join(ISIAN) + r")\}")


def teks_html(teks, isian=None):
    """``teks`` (the report's markup, see the module doc) as safe HTML; ``""``
    for empty text. ``isian`` maps the placeholders to their values."""
    if not teks or not teks.strip():
        return mark_safe("")
    if isian:
        teks = _ISIAN.sub(lambda m: str(isian.get(m.group(1), m.group(0))), teks)
    blok = re.split(r"\n\s*\n", teks.replace("\r\n", "\n").strip())
    return mark_safe(
        "".join(
            _blok([b.strip() for b in bagian.split("\n") if b.strip()])
            for bagian in blok
        )
    )
