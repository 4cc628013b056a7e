"""The Perjanjian Kinerja document (HTML and PDF) of one official for a year.

The agreed indicators and their targets come from the plan
(``renstra.selectors.indikator_perjanjian``); the budget of the programs,
kegiatan or sub kegiatan they measure comes from the report-data builder
(``laporan.data.bangun_anggaran``, the DPA version in force), so the figures are
the LAKIP's own. Layout after the seed's PK of the Sekretaris (lines 1276-1300)
with the usual opening text and the signature blocks of both parties.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string

from lakip.format import format_angka, format_persen
from laporan.data import bangun_anggaran
from laporan.pdf import pdf_html
from renstra import selectors as renstra_sel


@dataclass
class Pihak:
    nama: str
    jabatan: str
    pangkat: str
    nip: str


@dataclass
class BarisTarget:
    nomor: str
    tingkat: str
    sasaran: str
    indikator: str
    target: str


def _pihak_pegawai(pegawai):
    pangkat = pegawai.pangkat
    if pegawai.golongan:
        pangkat = f"{pangkat}, {pegawai.golongan}" if pangkat else pegawai.golongan
    nip = pegawai.nip_cetak if pegawai.nip else ""
    return Pihak(pegawai.nama_lengkap, pegawai.jabatan, pangkat, nip)


def _pihak_kedua(perjanjian):
    if perjanjian.pihak_kedua is not None:
        return _pihak_pegawai(perjanjian.pihak_kedua)
    return Pihak(perjanjian.nama_pihak_kedua, perjanjian.jabatan_pihak_kedua, "", "")


def teks_target(target, satuan):
    """``95,00%`` (a percentage always with two decimals), ``4 Dokumen``;
    ``-`` when the target is not set."""
    if target is None or target.target is None:
        return "-"
    if satuan.strip() == "%":
        return f"{format_persen(target.target)}%"
    return f"{format_angka(target.target)} {satuan}"


def _sasaran_indikator(ind):
    induk = ind.induk
    if ind.tingkat == "program" and induk.sasaran_program:
        return induk.sasaran_program
    return induk.nama


def _nomor(daftar, tingkat_kepala="program"):
    """Numbers as the seed prints them: each program row 1, 2, ...; the rows
    under it 1, 2, ... again."""
    hasil, nomor_kepala, nomor_anak = [], 0, 0
    for tingkat, isi in daftar:
        if tingkat in (tingkat_kepala, "sasaran"):
            nomor_kepala += 1
            nomor_anak = 0
            hasil.append((f"{nomor_kepala}.", tingkat, isi))
        else:
            nomor_anak += 1
            hasil.append((f"{nomor_anak}.", tingkat, isi))
    return hasil


def data_perjanjian_kinerja(perjanjian):
    """Everything the PK document shows, computed from the data."""
    indikator = renstra_sel.indikator_perjanjian(perjanjian)
    objek = renstra_sel.objek_anggaran_perjanjian(perjanjian, indikator)
    program = renstra_sel.program_tahun(perjanjian.instansi, perjanjian.tahun)
    total = bangun_anggaran(perjanjian.instansi, program, 4)
    baris = {}
    for p in total.anak:
        for b in [p, *p.anak, *(s for k in p.anak for s in k.anak)]:
            baris[(type(b.objek), b.objek.pk)] = b
    anggaran = [baris[(type(o), o.pk)] for o in objek]
    target = [
        BarisTarget(
            nomor,
            tingkat,
            _sasaran_indikator(ind),
            ind.nama,
            teks_target(ind.target_berlaku, ind.satuan),
        )
        for nomor, tingkat, ind in _nomor([(i.tingkat, i) for i in indikator])
    ]
    versi = {b.versi_dpa for b in anggaran} - {""}
    return {
        "perjanjian": perjanjian,
        "instansi": perjanjian.instansi,
        "pihak_pertama": _pihak_pegawai(perjanjian.pihak_pertama),
        "pihak_kedua": _pihak_kedua(perjanjian),
        "target": target,
        "anggaran": _nomor([(b.tingkat, b) for b in anggaran]),
        "versi_dpa": "perubahan"
        if "perubahan" in versi
        else ("murni" if versi else ""),
    }


def html_perjanjian_kinerja(perjanjian, layar=False):
    """The document as a complete HTML page (``layar``: with screen controls)."""
    konteks = data_perjanjian_kinerja(perjanjian)
    konteks["layar"] = layar
    return render_to_string("laporan/pk/dokumen.html", konteks)


def pdf_perjanjian_kinerja(perjanjian):
    return pdf_html(html_perjanjian_kinerja(perjanjian))[0]
