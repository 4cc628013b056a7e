"""The JSON export of the computed figures: the stable interface documented in
README.md ("Ekspor JSON"). Money as integers; other numbers as strings with a
``.`` decimal point and two decimals (half up); ``null`` where not computable."""

import json

from lakip.perhitungan import bulatkan, terhitung


def angka_json(nilai):
    """``Decimal('61.678')`` -> ``"61.68"``; None and ``TakTerhitung`` -> None."""
    if not terhitung(nilai):
        return None
    return f"{bulatkan(nilai):.2f}"


def _anggaran(baris, anak_key):
    hasil = {
        "kode": baris.kode,
        "nama": baris.nama,
        "pagu": baris.pagu,
        "anggaran_kas": baris.anggaran_kas,
        "realisasi": baris.realisasi,
        "persen_kas": angka_json(baris.persen_kas),
        "persen_pagu": angka_json(baris.persen_pagu),
        "versi_dpa": baris.versi_dpa or None,
        "pagu_murni": baris.pagu_murni,
    }
    if anak_key:
        hasil[anak_key] = [
            _anggaran(a, {"kegiatan": "sub_kegiatan"}.get(anak_key)) for a in baris.anak
        ]
    return hasil


def _indikator(baris):
    return {
        "tingkat": baris.tingkat,
        "kode": baris.kode,
        "pemilik": baris.pemilik,
        "nama": baris.nama,
        "satuan": baris.satuan,
        "target_tahun": angka_json(baris.target_tahun),
        "target_tw": [angka_json(t) for t in baris.target_tw],
        "target_renstra": angka_json(baris.target_renstra),
        "realisasi": angka_json(baris.realisasi),
        "realisasi_kumulatif": angka_json(baris.realisasi_kumulatif),
        "capaian_tahun": angka_json(baris.capaian_tahun),
        "capaian_tw": angka_json(baris.capaian_tw),
        "capaian_renstra": angka_json(baris.capaian_renstra),
        "penanggung_jawab": (
            baris.penanggung_jawab.nama_lengkap if baris.penanggung_jawab else None
        ),
    }


def data_json(data):
    """The export as a Python dict (see README for the shape)."""
    total = data.anggaran
    return {
        "instansi": data.instansi.nama,
        "tahun": data.tahun,
        "triwulan": data.triwulan,
        "anggaran": {
            "pagu": total.pagu,
            "anggaran_kas": total.anggaran_kas,
            "realisasi": total.realisasi,
            "persen_kas": angka_json(total.persen_kas),
            "persen_pagu": angka_json(total.persen_pagu),
            "versi_dpa": total.versi_dpa or None,
            "pagu_murni": total.pagu_murni,
            "program": [_anggaran(p, "kegiatan") for p in total.anak],
            "sasaran": [
                {
                    **_anggaran(s, None),
                    "program": [p.kode for p in s.anak],
                }
                for s in data.anggaran_sasaran
            ],
        },
        "indikator": [_indikator(i) for i in data.indikator],
    }


def teks_json(data):
    """The export as JSON text (UTF-8, indented, stable key order)."""
    return json.dumps(data_json(data), ensure_ascii=False, indent=2)
