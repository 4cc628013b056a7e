"""One numbering for the package: every page of the joined PDF carries one
printed folio and a PDF page label saying the same.

The parts are laid out without knowing where they will sit (their cache keys
do not depend on their position); the numbers are decided here once the parts
are known, and stamped by ``laporan.folio`` when they are joined
(``laporan.paket.rakit.gabungkan``). The rules, part by part in package order:

- a part that numbers itself keeps its folios: a PDF with its own
  ``/PageLabels`` (the LAKIP laid out in sections: ``Sampul``, ``i``…,
  ``1``…``N``), whose labels are carried into the package at its offset; or
  the LAKIP laid out whole, whose folios are printed by its CSS (cover, roman
  front matter, arabic chapters): its labels are derived from its last page's
  printed folio. The numbering goes on after its last arabic number;
- every other part gets arabic folios stamped, continuing the sequence
  (``N+1``, ``N+2``…); laid out for a package (``tanpa_folio``), it prints no
  folio of its own;
- a signed document (the issued PDF, frozen with its own folio) gets its own
  folio taken off (the text in its bottom margin removed from the page's
  drawing, or covered by a white box should the drawing not be readable)
  before the package's is stamped, so no page shows two numbers; nothing
  else of the issued page changes;
- parts before the first part that numbers itself (a draft's readiness list,
  bound before the LAKIP) stand outside the sequence: no printed folio, a label
  ``<jenis>-<k>``.

Without a part that numbers itself, the sequence starts at 1.
"""

from dataclasses import dataclass
from functools import cache

from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    NameObject,
)

from laporan import folio
from laporan.dokumen.kunci import LAKIP

# Laid out for a package, a part prints no folio in its bottom margin: the
# package stamps its own.
GAYA_TANPA_FOLIO = (
    '<style id="tanpa-folio">@page { '
    "@bottom-left { content: none !important; } "
    "@bottom-center { content: none !important; } "
    "@bottom-right { content: none !important; } }</style>"
)

# A printed folio lies in the bottom margin, below this height (points): the
# documents' content ends 42 pt or more above the bottom edge.
BATAS_KAKI = 40


def tanpa_folio(html):
    """``html`` (a complete document) without the folios of its bottom margin
    boxes (its own CSS ``counter(page)``)."""
    if 'id="tanpa-folio"' in html:
        return html
    i = html.lower().find("</head>")
    if i < 0:
        return GAYA_TANPA_FOLIO + html
    return html[:i] + GAYA_TANPA_FOLIO + html[i:]


@cache
def _angka_romawi():
    return {folio.romawi(n): n for n in range(1, 4000)}


def nomor_label(label):
    """The ``folio.Nomor`` a page label reads as: ``"57"`` arabic, ``"iv"``
    lower roman, ``"A-3"`` arabic with a prefix, anything else a label without
    a number (``"Sampul"``)."""
    if label in _angka_romawi():
        return folio.Nomor(folio.GAYA_ROMAWI, _angka_romawi()[label])
    awalan = label.rstrip("0123456789")
    if awalan != label:
        return folio.Nomor(folio.GAYA_ARAB, int(label[len(awalan) :]), awalan)
    # A label needs a number or a prefix: an empty one is kept as a dash.
    return folio.Nomor("", awalan=label or "-")


def _posisi_teks(halaman):
    """``[(x, y, text)]`` of the text drawn on ``halaman``, in page space."""
    temu = []

    def lihat(teks, cm, tm, _font, _ukuran):
        if teks.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            temu.append((x, y, teks.strip()))

    halaman.extract_text(visitor_text=lihat)
    return temu


def folio_tercetak(halaman):
    """The folio printed in ``halaman``'s bottom margin ("" when none): the
    lowest text there."""
    bawah = float(halaman.mediabox.bottom)
    kaki = [t for t in _posisi_teks(halaman) if t[1] - bawah < BATAS_KAKI]
    return min(kaki, key=lambda t: t[1])[2] if kaki else ""


def label_sendiri(pembaca):
    """The part's own numbering from its ``/PageLabels`` (``None`` without)."""
    if "/PageLabels" not in pembaca.trailer["/Root"]:
        return None
    return [nomor_label(label) for label in pembaca.page_labels]


def nomor_lakip(pembaca):
    """The LAKIP laid out whole prints its own folios (CSS): a cover without
    one, roman front matter from ``i``, arabic chapters from ``1`` to the last
    page. Derived from its last page's folio and checked on its first
    numbered page; ``None`` when the pages do not read so."""
    jumlah = len(pembaca.pages)
    akhir = folio_tercetak(pembaca.pages[-1])
    if not (akhir.isascii() and akhir.isdigit()) or not 0 < int(akhir) < jumlah:
        return None
    depan = jumlah - int(akhir) - 1
    harap = "i" if depan else "1"
    if folio_tercetak(pembaca.pages[1]) != harap:
        return None
    return [
        folio.Nomor("", awalan="Sampul"),
        *folio.berurutan(depan, 1, folio.GAYA_ROMAWI),
        *folio.berurutan(int(akhir), 1),
    ]


@dataclass
class NomorBagian:
    """The numbers of one part's pages and how they get on the page."""

    nomor: list  # folio.Nomor per page
    cap: bool  # stamp the folios (else the part prints its own: labels only)
    tutup: bool = False  # take the part's own folio off first (an issued PDF)

    @property
    def pertama(self):
        """The label of the part's first page ("12")."""
        return self.nomor[0].label if self.nomor else ""


def nomor_sendiri(bagian, pembaca):
    """The part's own numbering (labels, or the LAKIP's printed folios), or
    ``None`` for a part the package numbers."""
    sendiri = label_sendiri(pembaca)
    if sendiri is None and bagian.jenis == LAKIP:
        # Not derivable: pages 1..n as they come, nothing stamped over its own.
        sendiri = nomor_lakip(pembaca) or folio.berurutan(len(pembaca.pages))
    return sendiri


def baca_bagian(bagian, isi, pembaca=None):
    """``{kunci_cache: PdfReader}`` of the parts ``bagian`` whose PDFs are
    ``isi[kunci_cache]``; the readers already in ``pembaca`` are kept (a PDF
    is parsed once per build)."""
    from io import BytesIO

    from pypdf import PdfReader

    pembaca = {} if pembaca is None else pembaca
    for b in bagian:
        if b.kunci_cache not in pembaca:
            pembaca[b.kunci_cache] = PdfReader(BytesIO(isi[b.kunci_cache]))
    return pembaca


def susun_nomor(bagian, pembaca):
    """``[NomorBagian]`` of the parts ``bagian`` (``HasilBagian``, in order),
    whose PDFs are read by ``pembaca[kunci_cache]`` (``PdfReader``): the rules
    of this module's docstring."""
    sendiri = [nomor_sendiri(b, pembaca[b.kunci_cache]) for b in bagian]
    awal = next((i for i, s in enumerate(sendiri) if s is not None), 0)
    berikut = 1
    hasil = []
    for i, (b, s) in enumerate(zip(bagian, sendiri, strict=True)):
        jumlah = len(pembaca[b.kunci_cache].pages)
        if s is not None:
            hasil.append(NomorBagian(s, cap=False))
            arab = [n.angka for n in s if n.gaya == folio.GAYA_ARAB]
            berikut = (arab[-1] if arab else 0) + 1
        elif i < awal:
            depan = [
                folio.Nomor("", awalan=f"{b.jenis}-{k}") for k in range(1, jumlah + 1)
            ]
            hasil.append(NomorBagian(depan, cap=False))
        else:
            nomor = folio.berurutan(jumlah, berikut)
            hasil.append(NomorBagian(nomor, cap=True, tutup=b.diterbitkan))
            berikut += jumlah
    return hasil


def _kali(m, n):
    """The PDF matrix product ``m`` x ``n`` (``[a b c d e f]``)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return [
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    ]


def _tanpa_teks_kaki(operasi, bawah):
    """``operasi`` (a content stream's ``(operands, operator)``) without the
    text objects (``BT``…``ET``) that start in the bottom margin, and how many
    were dropped. Follows the graphics state (``q``/``Q``/``cm``) and the text
    matrix (``Tm``, ``Td``/``TD``) to know where a text object starts."""
    ctm, tumpuk = [1, 0, 0, 1, 0, 0], []
    hasil, blok, posisi, dibuang = [], None, None, 0
    for operan, op in operasi:
        if blok is not None:
            blok.append((operan, op))
            if op == b"Tm" and posisi is None:
                posisi = _kali([float(x) for x in operan], ctm)[4:]
            elif op in (b"Td", b"TD") and posisi is None:
                tx, ty = (float(x) for x in operan)
                posisi = _kali([1, 0, 0, 1, tx, ty], ctm)[4:]
            elif op == b"ET":
                if posisi is not None and posisi[1] - bawah < BATAS_KAKI:
                    dibuang += 1
                else:
                    hasil.extend(blok)
                blok = None
            continue
        if op == b"BT":
            blok, posisi = [(operan, op)], None
            continue
        if op == b"q":
            tumpuk.append(ctm)
        elif op == b"Q" and tumpuk:
            ctm = tumpuk.pop()
        elif op == b"cm":
            ctm = _kali([float(x) for x in operan], ctm)
        hasil.append((operan, op))
    return hasil, dibuang


def hapus_folio(penulis, awal, jumlah):
    """Remove, from ``penulis``'s pages ``awal``… (``jumlah`` of them), the text
    each prints in its bottom margin (an issued document's own folio, below
    its content); the rest of each page is drawn as before. Returns the
    number of text objects removed."""
    dihapus = 0
    for halaman in penulis.pages[awal : awal + jumlah]:
        isi = ContentStream(halaman.get_contents(), penulis)
        operasi, dibuang = _tanpa_teks_kaki(
            isi.operations, float(halaman.mediabox.bottom)
        )
        if dibuang:
            isi.operations = operasi
            halaman.replace_contents(isi)
            dihapus += dibuang
    return dihapus


def _aliran(penulis, data):
    s = DecodedStreamObject()
    s.set_data(data.encode("latin-1"))
    return penulis._add_object(s)


def _kotak_putih(penulis, halaman, kotak):
    """Draw white rectangles ``kotak`` (``[(x, y, width, height)]``, page
    space) over ``halaman``'s content; the content is wrapped in q/Q so the
    state it leaves does not move them."""
    isi = halaman.get("/Contents")
    lama = []
    if isi is not None:
        objek = isi.get_object()
        lama = list(objek) if isinstance(objek, ArrayObject) else [isi]
    tutup = "".join(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re " for x, y, w, h in kotak)
    halaman[NameObject("/Contents")] = ArrayObject(
        [_aliran(penulis, "q\n"), *lama, _aliran(penulis, f"Q q 1 g {tutup}f Q\n")]
    )


def tutup_folio(penulis, awal, jumlah):
    """Cover, on ``penulis``'s pages ``awal``… (``jumlah`` of them), the folio
    each prints in its bottom margin (a number), with a white box drawn over
    it. Returns the number of folios covered."""
    tertutup = 0
    for halaman in penulis.pages[awal : awal + jumlah]:
        bawah = float(halaman.mediabox.bottom)
        kotak = [
            (x - 3, y - 4, 8 * len(teks) + 6, 16)
            for x, y, teks in _posisi_teks(halaman)
            if y - bawah < BATAS_KAKI and teks.isdigit()
        ]
        if kotak:
            _kotak_putih(penulis, halaman, kotak)
            tertutup += len(kotak)
    return tertutup


def tanpa_folio_sendiri(penulis, awal, jumlah):
    """An issued document's own folio off its pages ``awal``…: removed
    (``hapus_folio``), or covered by a white box (``tutup_folio``) when its
    content stream cannot be read."""
    try:
        hapus_folio(penulis, awal, jumlah)
    except (PdfReadError, ValueError, TypeError):
        tutup_folio(penulis, awal, jumlah)
