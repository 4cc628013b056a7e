"""Page numbers (folios) stamped on a joined PDF, and its PDF page labels.

A document laid out in pieces (the package's parts, the LAKIP's sections) does
not know, when a piece is laid out, on which page of the whole it will sit. So
the pieces are laid out without folios, cached on their own content, and the
folios are stamped here once the pages are joined: a change that moves the
pages of the pieces behind it lays none of them out again.

A folio is drawn with the PDF's standard Times-Roman font (one of the fourteen
fonts every reader has; nothing is embedded), centred at the foot of the page,
inside the bottom margin of portrait and landscape pages alike. The page labels
(what a PDF reader shows as the page's number, ``iii`` or ``57``) say the same
as the printed folios, so "halaman 57" is found as page 57.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

GAYA_ARAB = "D"
GAYA_ROMAWI = "r"

# The font resource name under which the folio font is added to a page.
NAMA_FONT = "/FolioLakip"
UKURAN = 10  # points
JARAK_BAWAH = 34  # points from the bottom edge to the baseline (1,2 cm)

# Times-Roman advance widths (thousandths of an em) of the characters a folio
# uses; from the font's standard metrics (AFM).
_LEBAR = {
    **dict.fromkeys("0123456789", 500),
    "i": 278,
    "v": 500,
    "x": 500,
    "l": 278,
    "c": 444,
    "d": 500,
    "m": 778,
}

_ROMAWI = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def romawi(n):
    """``n`` (1-3999) in lower-case roman numerals: ``romawi(4) == "iv"``."""
    if not 1 <= n <= 3999:
        raise ValueError(f"romawi: {n} di luar 1-3999")
    hasil = []
    for nilai, huruf in _ROMAWI:
        jumlah, n = divmod(n, nilai)
        hasil.append(huruf * jumlah)
    return "".join(hasil)


@dataclass(frozen=True)
class Nomor:
    """The number of one page: ``gaya`` ``"D"`` (arabic), ``"r"`` (lower roman)
    or ``""`` (no printed number, e.g. a cover: its label is ``awalan``)."""

    gaya: str = GAYA_ARAB
    angka: int = 0
    awalan: str = ""

    @property
    def teks(self):
        """The folio as printed ("" for none)."""
        if self.gaya == GAYA_ARAB:
            return str(self.angka)
        if self.gaya == GAYA_ROMAWI:
            return romawi(self.angka)
        return ""

    @property
    def label(self):
        """The page label a PDF reader shows."""
        return self.awalan + self.teks


def berurutan(jumlah, mulai=1, gaya=GAYA_ARAB):
    """``jumlah`` consecutive page numbers from ``mulai`` in ``gaya``."""
    return [Nomor(gaya, mulai + i) for i in range(jumlah)]


def _lebar(teks):
    return sum(_LEBAR.get(c, 500) for c in teks) * UKURAN / 1000


def _font():
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Times-Roman"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def _aliran(penulis, data):
    s = DecodedStreamObject()
    s.set_data(data)
    return penulis._add_object(s)


def _cap(penulis, halaman, teks, font, simpan, pulih):
    kotak = halaman.mediabox
    x = float(kotak.left) + (float(kotak.width) - _lebar(teks)) / 2
    y = float(kotak.bottom) + JARAK_BAWAH
    sumber = halaman.get("/Resources")
    sumber = sumber.get_object() if sumber is not None else DictionaryObject()
    if "/Resources" not in halaman:
        halaman[NameObject("/Resources")] = sumber
    fonts = sumber.get("/Font")
    if fonts is None:
        fonts = DictionaryObject()
        sumber[NameObject("/Font")] = fonts
    fonts = fonts.get_object()
    fonts[NameObject(NAMA_FONT)] = font
    tulis = (
        f"0 g BT {NAMA_FONT} {UKURAN} Tf {x:.2f} {y:.2f} Td ({teks}) Tj ET\n"
    ).encode("latin-1")
    isi = halaman.get("/Contents")
    lama = []
    if isi is not None:
        objek = isi.get_object()
        lama = list(objek) if isinstance(objek, ArrayObject) else [isi]
    # The page's own drawing is wrapped in q/Q, so whatever state it leaves
    # (a transform, a colour) does not move or colour the folio.
    halaman[NameObject("/Contents")] = ArrayObject(
        [simpan, *lama, pulih, _aliran(penulis, tulis)]
    )


def atur_label(penulis, nomor: Sequence[Nomor], awal=0):
    """Set the page labels of ``penulis``'s pages ``awal``… to ``nomor``: one
    label range per run of consecutive numbers of one style."""
    gaya_pdf = {
        GAYA_ARAB: PageLabelStyle.DECIMAL,
        GAYA_ROMAWI: PageLabelStyle.LOWERCASE_ROMAN,
    }
    i = 0
    while i < len(nomor):
        n = nomor[i]
        j = i
        while (
            n.gaya
            and j + 1 < len(nomor)
            and nomor[j + 1].gaya == n.gaya
            and nomor[j + 1].awalan == n.awalan
            and nomor[j + 1].angka == nomor[j].angka + 1
        ):
            j += 1
        penulis.set_page_label(
            awal + i,
            awal + j,
            style=gaya_pdf.get(n.gaya),
            prefix=n.awalan or None,
            start=n.angka if n.gaya else None,
        )
        i = j + 1


def cap_nomor(penulis, nomor: Sequence[Nomor], awal=0):
    """Stamp ``nomor[i]`` as the folio of ``penulis``'s page ``awal + i`` (none
    where its ``gaya`` is empty) and set the page labels to match.

    Guarantees: every numbered page carries exactly its folio text, centred at
    the foot inside the page; the page's own content is untouched (wrapped in
    q/Q); the labels read back as ``Nomor.label``."""
    if awal + len(nomor) > len(penulis.pages):
        raise ValueError("cap_nomor: lebih banyak nomor daripada halaman")
    font = penulis._add_object(_font())
    simpan = _aliran(penulis, b"q\n")
    pulih = _aliran(penulis, b"Q\n")
    for i, n in enumerate(nomor):
        if n.teks:
            _cap(penulis, penulis.pages[awal + i], n.teks, font, simpan, pulih)
    atur_label(penulis, nomor, awal)
