"""The evaluation's documents as HTML: the LKE worksheet, the pohon kinerja
(A4 landscape, one page group per tujuan, rows that never split), the Manual
IK and the Dokumen IKU. They are kinds of laporan's registry
(``evaluasi.jenis_dokumen``): their PDFs come from there."""

from django.template.loader import render_to_string
from django.templatetags.static import static

from evaluasi.pohon import pohon_kinerja, rata
from lakip.perhitungan import bulatkan
from renstra.models import Indikator
from renstra.selectors import indikator_tahun

URUTAN_TINGKAT = {"sasaran": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}


def _html(template, konteks, layar=False):
    konteks = {"akar_statis": static("") if layar else "", "layar": layar, **konteks}
    return render_to_string(template, konteks)


def manual_ik(instansi, tahun, hanya_iku=False):
    """The indicators of ``tahun`` in plan order (IKU first), each with the
    fields of its Manual IK and ``target`` (the year's target or None)."""
    daftar = indikator_tahun(instansi, tahun, [tahun])
    if hanya_iku:
        daftar = [i for i in daftar if i.tingkat == Indikator.Tingkat.SASARAN]
    daftar.sort(key=lambda i: (URUTAN_TINGKAT[i.tingkat], i.induk.kode, i.urutan, i.pk))
    for ind in daftar:
        t = ind.target_per_tahun.get(tahun)
        ind.target_tahun = t.target if t else None
    return daftar


def html_pohon(instansi, tahun, layar=False):
    pohon = pohon_kinerja(instansi, tahun)
    bagian = [{"akar": t, "baris": list(rata(t["anak"]))} for t in pohon["akar"]]
    if pohon["tanpa_sasaran"]:
        bagian.append({"akar": None, "baris": list(rata(pohon["tanpa_sasaran"]))})
    return _html(
        "evaluasi/pdf/pohon.html",
        {"instansi": instansi, "pohon": pohon, "bagian": bagian},
        layar,
    )


def html_iku(instansi, tahun, manual=False, layar=False, ttd=None):
    """The Dokumen IKU (``manual=False``: the IKU table) or the Manual IK of
    every indicator of the year (``manual=True``); ``ttd`` (the signature
    block, ``evaluasi.jenis.blok_ttd``) printed under it when given."""
    return _html(
        "evaluasi/pdf/manual_ik.html" if manual else "evaluasi/pdf/iku.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "indikator": manual_ik(instansi, tahun, hanya_iku=not manual),
            "ttd": ttd,
        },
        layar,
    )


def html_lke(instansi, hasil, layar=False, ttd=None):
    """The LKE worksheet; ``ttd`` (the signature block) under it when given."""
    return _html(
        "evaluasi/pdf/lke.html",
        {
            "instansi": instansi,
            "hasil": hasil,
            "celah": hasil.celah(10),
            "nilai": bulatkan(hasil.nilai),
            "ttd": ttd,
        },
        layar,
    )
