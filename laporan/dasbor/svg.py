"""Server-side SVG charts: horizontal bars, readable on a phone.

The SVG has a fixed height and the page's full width; bar lengths and text
positions are percentages of that width, so text keeps its size (12 px) on a
phone and on a desktop alike. Labels are escaped; values print the Indonesian
way (``lakip.format``). Every chart is shown next to a table of its numbers.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

from lakip import perhitungan as hitung
from lakip.format import KOSONG, format_angka, format_persen

UKURAN_HURUF = 12
TINGGI_LABEL = 17
TINGGI_BATANG = 14
JARAK_BATANG = 3
JARAK_KELOMPOK = 12
TINGGI_KETERANGAN = 14
TINGGI_LEGENDA = 20
LEGENDA_PER_BARIS = 3
PANJANG_BARIS_LABEL = 40  # characters per line of a group label (2 lines at most)
BATAS_TEKS_DALAM = 62  # % of the width from which a value prints inside its bar

RUANG_ACUAN = Decimal("1.08")

WARNA_TEKS = "#212529"


@dataclass
class Seri:
    nama: str
    warna: str
    warna_teks: str = "#ffffff"  # for a value printed inside the bar


@dataclass
class Kelompok:
    """One labelled group of bars, one value per series."""

    label: str
    nilai: list
    teks: list = field(default_factory=list)  # printed values; default formatted
    url: str = ""
    keterangan: str = ""  # a small line under the bars


def uang_ringkas(nilai):
    """Short Indonesian money: ``Rp 7,90 M``, ``Rp 725,55 jt``, ``Rp 770 rb``."""
    if not hitung.terhitung(nilai):
        return KOSONG
    nilai = Decimal(int(nilai))
    for batas, satuan in ((10**9, "M"), (10**6, "jt"), (10**3, "rb")):
        if abs(nilai) >= batas:
            return f"Rp {format_angka(hitung.bulatkan(nilai / batas, 2))} {satuan}"
    return f"Rp {format_angka(nilai)}"


def persen_teks(nilai):
    """``28,62 %``; ``-`` when not computable."""
    teks = format_persen(nilai)
    return teks if teks == KOSONG else f"{teks} %"


def baris_label(teks, panjang=PANJANG_BARIS_LABEL, maks_baris=2):
    """``teks`` wrapped at spaces into at most ``maks_baris`` lines of at most
    ``panjang`` characters; what does not fit is cut with ``…``."""
    kata = " ".join(str(teks).split()).split(" ")
    baris = [""]
    for k in kata:
        calon = f"{baris[-1]} {k}".strip()
        if len(calon) <= panjang or not baris[-1]:
            baris[-1] = calon
        else:
            baris.append(k)
    if len(baris) > maks_baris:
        terakhir = " ".join(baris[maks_baris - 1 :])
        baris = baris[: maks_baris - 1] + [terakhir[: panjang - 1].rstrip() + "…"]
    return [b if len(b) <= panjang else b[: panjang - 1] + "…" for b in baris]


def _persen_lebar(nilai, maks):
    if not hitung.terhitung(nilai) or maks <= 0:
        return Decimal(0)
    lebar = Decimal(nilai) / maks * 100
    return max(Decimal(0), min(Decimal(100), lebar)).quantize(Decimal("0.01"))


def grafik_batang(judul, kelompok, seri, format_nilai=uang_ringkas, acuan=None):
    """An SVG chart of horizontal bars: per group a label line, then one bar per
    series, all on one scale from 0 to the largest value (or to ``acuan``, a
    reference drawn as a dashed line, e.g. 100 %, if that is larger).

    Returns safe markup. ``kelompok`` are ``Kelompok``; ``seri`` the series in
    bar order. A value that cannot be computed draws no bar and prints ``-``.
    """
    angka = [Decimal(n) for k in kelompok for n in k.nilai if hitung.terhitung(n)]
    maks = max(angka + ([Decimal(acuan)] if acuan is not None else []), default=0)
    if acuan is not None:
        maks *= RUANG_ACUAN  # the reference line stays inside the chart
    baris_legenda = (len(seri) + LEGENDA_PER_BARIS - 1) // LEGENDA_PER_BARIS
    y = baris_legenda * TINGGI_LEGENDA + 4
    bagian = []

    for i, s in enumerate(seri):
        kolom, baris = i % LEGENDA_PER_BARIS, i // LEGENDA_PER_BARIS
        x = Decimal(100) / LEGENDA_PER_BARIS * kolom
        yl = baris * TINGGI_LEGENDA
        bagian.append(
            f'<rect x="{x:.2f}%" y="{yl + 3}" width="12" height="12" '
            f'fill="{s.warna}"/>'
            f'<text x="{x:.2f}%" dx="16" y="{yl + 13}">{escape(s.nama)}</text>'
        )

    awal_plot = y
    for k in kelompok:
        baris = baris_label(k.label)
        tspan = "".join(
            f'<tspan x="0" y="{y + 12 + i * TINGGI_LABEL}">{escape(b)}</tspan>'
            for i, b in enumerate(baris)
        )
        label = (
            f'<text class="label" font-weight="600"><title>{escape(k.label)}</title>'
            f"{tspan}</text>"
        )
        isi = [label]
        y += TINGGI_LABEL * len(baris)
        for i, s in enumerate(seri):
            nilai = k.nilai[i] if i < len(k.nilai) else None
            teks = k.teks[i] if i < len(k.teks) else format_nilai(nilai)
            lebar = _persen_lebar(nilai, maks)
            isi.append(
                f'<rect x="0" y="{y}" width="{lebar}%" height="{TINGGI_BATANG}" '
                f'fill="{s.warna}"><title>{escape(s.nama)}: {escape(teks)}</title>'
                "</rect>"
            )
            if lebar >= BATAS_TEKS_DALAM:
                posisi = f'x="{lebar}%" dx="-4" text-anchor="end" fill="{s.warna_teks}"'
            else:
                posisi = f'x="{lebar}%" dx="4" fill="{WARNA_TEKS}"'
            isi.append(f'<text {posisi} y="{y + 11}">{escape(teks)}</text>')
            y += TINGGI_BATANG + JARAK_BATANG
        if k.keterangan:
            isi.append(
                f'<text y="{y + 10}" font-size="11" fill="#495057">'
                f"{escape(k.keterangan)}</text>"
            )
            y += TINGGI_KETERANGAN
        # The whole group (label, bars, values) is one link: a tap on a bar opens
        # it too.
        if k.url:
            isi = [f'<a href="{escape(k.url)}">', *isi, "</a>"]
        bagian.extend(isi)
        y += JARAK_KELOMPOK

    if acuan is not None and maks > 0:
        x = _persen_lebar(acuan, maks)
        bagian.append(
            f'<line x1="{x}%" x2="{x}%" y1="{awal_plot}" y2="{y - JARAK_KELOMPOK}" '
            'stroke="#495057" stroke-dasharray="4 3" stroke-width="1"/>'
        )

    tinggi = y
    return mark_safe(
        f'<svg class="grafik" xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'height="{tinggi}" role="img" aria-label="{escape(judul)}" '
        f'font-size="{UKURAN_HURUF}" fill="{WARNA_TEKS}" '
        "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">"
        f"<title>{escape(judul)}</title>" + "".join(bagian) + "</svg>"
    )
