"""The pohon kinerja (performance tree, cascading) of a year, read from the
plan: tujuan → sasaran (with its IKU) → program → kegiatan → sub kegiatan. Each
node carries its indicators with the year's target and owner, the officials
who own it, and the units under it; a node served by more than one unit is
crosscutting (``lintas``)."""

from django.urls import reverse

from lakip.format import format_angka
from renstra.selectors import pohon_rencana

URL_DASBOR = {
    "sasaran": "laporan:dasbor_sasaran",
    "program": "laporan:dasbor_program",
    "kegiatan": "laporan:dasbor_kegiatan",
    "sub_kegiatan": "laporan:dasbor_sub_kegiatan",
}
LABEL = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub kegiatan",
}


def _indikator(ind):
    target = ind.target_berlaku.target if ind.target_berlaku else None
    return {
        "nama": ind.nama,
        "satuan": ind.satuan,
        "target": format_angka(target) if target is not None else "-",
        "pemilik": ind.pemilik.nama if ind.pemilik else "",
    }


def _simpul(tingkat, objek, indikator, anak, pejabat=(), unit=()):
    unit = set(unit)
    for a in anak:
        unit |= set(a["unit"])
    pejabat = [p for p in dict.fromkeys(pejabat) if p]
    pejabat += [i.pemilik.nama for i in indikator if i.pemilik]
    simpul = {
        "id": f"{tingkat}-{objek.pk}",
        "tingkat": tingkat,
        "label": LABEL[tingkat],
        "kode": getattr(objek, "kode", ""),
        "nama": objek.nama,
        "indikator": [_indikator(i) for i in indikator],
        "pejabat": list(dict.fromkeys(pejabat)),
        "unit": sorted(unit),
        "lintas": len(unit) > 1,
        "url": reverse(URL_DASBOR[tingkat], args=[objek.pk])
        if tingkat in URL_DASBOR
        else "",
        "anak": anak,
    }
    return simpul


def _program(p):
    kegiatan = []
    for k in p.kegiatan.all():
        sub = [
            _simpul(
                "sub_kegiatan",
                s,
                s.daftar_indikator,
                [],
                [getattr(s.pelaksana, "nama", ""), getattr(s.pptk, "nama", "")],
                [s.unit.nama],
            )
            for s in k.sub_kegiatan.all()
        ]
        kegiatan.append(
            _simpul(
                "kegiatan", k, k.daftar_indikator, sub, [getattr(k.pptk, "nama", "")]
            )
        )
    return _simpul("program", p, p.daftar_indikator, kegiatan)


def pohon_kinerja(instansi, tahun):
    """``{"tahun", "periode", "akar": [tujuan nodes], "tanpa_sasaran": [program
    nodes]}``: plain data, ready for the screen (JSON) and the PDF."""
    rencana = pohon_rencana(instansi, tahun)
    akar = []
    for t in rencana["tujuan"]:
        sasaran = [
            _simpul(
                "sasaran",
                s,
                s.daftar_indikator,
                [_program(p) for p in s.daftar_program],
            )
            for s in t.daftar_sasaran
        ]
        akar.append(_simpul("tujuan", t, [], sasaran))
    return {
        "tahun": tahun,
        "periode": str(rencana["periode"] or ""),
        "akar": akar,
        "tanpa_sasaran": [_program(p) for p in rencana["tanpa_sasaran"]],
    }


def rata(simpul, tingkat=0):
    """The tree depth first as ``(level, node)`` pairs (the PDF's rows)."""
    for s in simpul:
        yield tingkat, s
        yield from rata(s["anak"], tingkat + 1)
