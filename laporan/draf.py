"""Documents from a quarter not yet approved say so: a "DRAF" watermark on
every PDF page.

A quarter is approved when every unit's entries of it are Disahkan
(``realisasi.selectors.unit_belum_disahkan``). The watermark is a style added
to a document's complete HTML before it is laid out, so it is part of what a
package part's cache key hashes (``laporan.paket.cache.sidik``): a draft part is
never served as a final one, nor the reverse. Signed documents are never
watermarked: they are frozen as issued (``laporan.lampiran.terbit``).
"""

from realisasi.selectors import unit_belum_disahkan

TEKS = "DRAF"

# A fixed-position box is repeated by WeasyPrint on every page.
GAYA = (
    '<style id="tanda-draf">'
    "body::before { content: 'DRAF'; position: fixed; top: 38%; left: 0; "
    "right: 0; text-align: center; font-size: 110pt; font-weight: bold; "
    "letter-spacing: 8pt; color: rgba(170, 0, 0, 0.16); "
    "transform: rotate(-35deg); z-index: 1000; }"
    "</style>"
)


def unit_draf(instansi, tahun, triwulan):
    """The units whose entries of the quarter are not Disahkan (empty: the
    quarter is approved and its documents are final)."""
    return unit_belum_disahkan(instansi, tahun, triwulan)


def nama_unit(unit):
    """``Sekretariat, Bidang HI``: the units named in one line."""
    return ", ".join(u.nama for u in unit)


def tandai_draf(html):
    """``html`` (a complete document) with the DRAF watermark on every page."""
    if 'id="tanda-draf"' in html:
        return html
    i = html.lower().find("</head>")
    if i < 0:
        return GAYA + html
    return html[:i] + GAYA + html[i:]


def html_cetak(html, draf):
    """The HTML to lay out: watermarked when ``draf`` (a truthy list of units
    not yet approved, or True)."""
    return tandai_draf(html) if draf else html


def nama_berkas(nama, draf):
    """``DRAF-<nama>`` for a draft document, else ``nama``."""
    return f"DRAF-{nama}" if draf else nama
