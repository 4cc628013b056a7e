"""The evaluation tables (Evaluasi Kinerja): two kinds, a unit's table
(``evaluasi-unit-<unit pk>``, signed by the unit head) and an official's
(``evaluasi-pejabat-<pegawai pk>``, signed by the official). Under each
evaluated official: the tables of the units the official heads, then the
official's own; the tables of units without an evaluated head close their
unit. Both belong to the group ``evaluasi`` (selection and command).

No table is printed twice: when an official's own table has exactly the rows
of the table of a unit the official heads (a Subbagian and its Kasubag), only
the unit's is printed and offered for signing, and it says that it is the
official's table as well (``kembar``). An official's table signed before it
became a duplicate stays as it was issued."""

import dataclasses

from laporan.dokumen.dasar import (
    TANGGAL_TERBIT,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    nama_periode,
)
from laporan.dokumen.kunci import EVALUASI_PEJABAT, EVALUASI_UNIT, kunci
from laporan.lampiran.render import JUDUL, html_halaman
from laporan.lampiran.susun import Penanda

GRUP = "evaluasi"


def _tanggal(k, tabel):
    """The table's date: the kind's rule, or the date it was signed with."""
    jenis = JENIS_UNIT if tabel.jenis == EVALUASI_UNIT else JENIS_PEJABAT
    return jenis.tanggal_dokumen(k, tabel.kunci, tabel.terbit)


def _baris(tabel):
    """The rows of a table (the report data's indicator rows, by identity)."""
    return [id(b) for k in tabel.kelompok for b in k.baris]


def kembar(lampiran):
    """``{official's table key: unit's table}``: every unsigned official's
    table whose rows are exactly those of the table of a unit the official
    heads. The official's table is then neither printed nor signable."""
    unit_per_kepala = {}
    for t in lampiran.tabel:
        if t.unit is not None and t.unit.kepala_id is not None:
            unit_per_kepala.setdefault(t.unit.kepala_id, []).append(t)
    hasil = {}
    for t in lampiran.tabel:
        if t.pegawai is None or t.terbit is not None:
            continue
        for u in unit_per_kepala.get(t.pegawai.pk, []):
            if _baris(u) == _baris(t):
                hasil[t.kunci] = u
                break
    return hasil


def _sekaligus(lampiran):
    """``{unit's table key: official's table}`` of the pairs of ``kembar``."""
    per_kunci = {t.kunci: t for t in lampiran.tabel}
    return {u.kunci: per_kunci[k] for k, u in kembar(lampiran).items()}


def _dengan_catatan(tabel, pejabat):
    """The unit's table saying that it is ``pejabat``'s table too."""
    if pejabat is None:
        return tabel
    p = pejabat.pegawai
    return dataclasses.replace(
        tabel,
        catatan=f"Tabel ini sekaligus tabel evaluasi {p.jabatan} {p.nama_lengkap}.",
    )


def _judul(tabel, pejabat=None):
    if tabel.unit is not None:
        judul = f"Evaluasi Kinerja {tabel.unit.nama}"
        if pejabat is not None:
            judul += f" (sekaligus {pejabat.pegawai.jabatan})"
        return judul
    return f"Evaluasi Kinerja {tabel.pegawai.jabatan} — {tabel.pegawai.nama_lengkap}"


def _bagian_tabel(k, tabel, kelompok, pejabat=None):
    cetak = _dengan_catatan(
        dataclasses.replace(tabel, tanggal=_tanggal(k, tabel)), pejabat
    )
    return Bagian(
        tabel.kunci,
        tabel.jenis,
        _judul(tabel, pejabat),
        kelompok,
        lambda: html_halaman(k.lampiran, JUDUL[GRUP], tabel=[cetak]),
        terbit=tabel.terbit,
    )


def _unit_pejabat(k, pegawai):
    """The tables of the units ``pegawai`` heads."""
    kelompok = k.kelompok_pegawai(pegawai)
    sekaligus = _sekaligus(k.lampiran)
    daftar = [kunci(EVALUASI_UNIT, u.pk) for u in k.unit if u.kepala_id == pegawai.pk]
    return [
        _bagian_tabel(k, k.tabel_per_kunci[x], kelompok, sekaligus.get(x))
        for x in daftar
        if x in k.tabel_per_kunci
    ]


def _unit_sisa(k, unit):
    """Tables of ``unit``'s sub-units whose head is not evaluated."""
    dievaluasi = {p.pk for p in k.pejabat}
    hasil = []
    for u in k.unit:
        x = kunci(EVALUASI_UNIT, u.pk)
        if (
            x in k.tabel_per_kunci
            and k.unit_akar(u.pk) == unit
            and u.kepala_id not in dievaluasi
        ):
            hasil.append(_bagian_tabel(k, k.tabel_per_kunci[x], k.kelompok(unit)))
    return hasil


def _pejabat(k, pegawai):
    """The official's own table, unless a unit's table holds the same rows."""
    x = kunci(EVALUASI_PEJABAT, pegawai.pk)
    if x not in k.tabel_per_kunci or x in kembar(k.lampiran):
        return []
    return [_bagian_tabel(k, k.tabel_per_kunci[x], k.kelompok_pegawai(pegawai))]


def _ttd(jenis):
    def daftar(k):
        lamp = k.lampiran
        ganda = kembar(lamp)
        sekaligus = _sekaligus(lamp)
        for t in lamp.tabel:
            if t.jenis != jenis or t.kunci in ganda:
                continue
            pejabat = sekaligus.get(t.kunci)

            def html(terbit, t=t, pejabat=pejabat):
                # prints the signer it is signed by (an acting official too)
                tabel = dataclasses.replace(
                    _dengan_catatan(t, pejabat),
                    terbit=terbit,
                    penanda=Penanda.dari_terbit(terbit),
                    tanggal=terbit.tanggal_dokumen or _tanggal(k, t),
                )
                return html_halaman(lamp, JUDUL[GRUP], tabel=[tabel])

            pegawai = t.pegawai
            yield DokumenTtd(
                jenis=t.jenis,
                kunci=t.kunci,
                judul=(
                    f"Evaluasi Kinerja {pegawai.jabatan} ({pegawai.nama_lengkap})"
                    if pegawai
                    else _judul(t, pejabat)
                ),
                penanda=pegawai or t.unit.kepala,
                subjek=pegawai,
                subjek_nama=pegawai.nama_lengkap if pegawai else t.unit.nama,
                subjek_jabatan=pegawai.jabatan if pegawai else "Unit kerja",
                subjek_nip=pegawai.nip if pegawai else "",
                terbit=t.terbit,
                html=html,
                tanggal=_tanggal(k, t),
                peran_penanda="Pejabat" if pegawai else "Kepala unit",
            )

    return daftar


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``EVALUASI-2024-TW1-disnakertrans-lutim.pdf``."""
    return nama_periode("EVALUASI", instansi, tahun, triwulan)


JENIS_UNIT = JenisDokumen(
    berdata=True,
    kode=EVALUASI_UNIT,
    label="Tabel evaluasi kinerja unit",
    grup=GRUP,
    tempat=(("pejabat", _unit_pejabat), ("unit_akhir", _unit_sisa)),
    nama_berkas=nama_berkas,
    ttd=_ttd(EVALUASI_UNIT),
    templat="laporan/lampiran/dokumen.html",
    tanggal=TANGGAL_TERBIT,
)
JENIS_PEJABAT = JenisDokumen(
    berdata=True,
    kode=EVALUASI_PEJABAT,
    label="Tabel evaluasi kinerja pejabat",
    grup=GRUP,
    tempat=(("pejabat", _pejabat),),
    nama_berkas=nama_berkas,
    ttd=_ttd(EVALUASI_PEJABAT),
    templat="laporan/lampiran/dokumen.html",
    tanggal=TANGGAL_TERBIT,
)
