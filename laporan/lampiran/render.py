"""The attachments (evaluation tables, pernyataan pages) as one HTML document of
any selection; laid out to PDF by the package builder (``laporan.paket``)."""

from django.template.loader import render_to_string

JUDUL = {
    "evaluasi": "Evaluasi Kinerja",
    "pernyataan": "Pernyataan Telah Dievaluasi",
}


def html_halaman(lamp, judul, tabel=(), pernyataan=()):
    """An attachment document of the given evaluation tables and pernyataan
    pages (any selection)."""
    return render_to_string(
        "laporan/lampiran/dokumen.html",
        {
            "lamp": lamp,
            "judul": f"{judul} Triwulan {lamp.triwulan_romawi} {lamp.tahun}",
            "tabel": tabel,
            "pernyataan": pernyataan,
            "akar_statis": "",
        },
    )


def render_html(lamp, bagian):
    """``bagian`` is ``"evaluasi"`` (the tables) or ``"pernyataan"`` (the pages)."""
    if bagian not in JUDUL:
        raise ValueError(f"Bagian lampiran tidak dikenal: {bagian}")
    if bagian == "evaluasi":
        return html_halaman(lamp, JUDUL[bagian], tabel=lamp.tabel)
    return html_halaman(lamp, JUDUL[bagian], pernyataan=lamp.pernyataan)
