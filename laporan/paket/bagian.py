"""The parts of a package: the LAKIP and its attachments, in the seed's order.

A package of a quarter is, in order (the seed, lines 890-5519):

1. the LAKIP itself (``tempat`` ``instansi``);
2. per unit (a top-level ``UnitKerja``, by ``urutan``), bookmarked under the
   unit's name:

   - parts of the unit as a whole that open it (``tempat`` ``unit_awal``);
   - per evaluated official of the unit, the unit's head first, then the
     others in the hierarchy's order (``tempat`` ``pejabat``): the official's
     *Pernyataan telah dievaluasi* page, the evaluation tables (of the units
     the official heads, then the official's own), and the reports of the sub
     kegiatan the official carries out;
   - parts of the unit that close it (``tempat`` ``unit_akhir``): evaluation
     tables of sub-units without an evaluated head, and reports of sub kegiatan
     no evaluated official carries out or heads;

3. a last group "Lainnya" for what belongs to no unit (a signed pernyataan of
   an official no longer evaluated, a sub kegiatan without a unit).

Every sub kegiatan of the year's budget has its report exactly once: it goes to
its ``pelaksana`` if that official is evaluated, else to the evaluated head of
its unit (or of the nearest parent unit), else to the end of its unit.

Adding a kind of part is one entry in ``JENIS``: a ``JenisBagian`` with its
``tempat`` and a function ``(konteks, subjek) -> list[Bagian]`` (``subjek`` is
``None`` for ``instansi``, the ``UnitKerja`` for ``unit_awal``/``unit_akhir``,
the ``Pegawai`` for ``pejabat``). Entries of the same ``tempat`` follow the
order of ``JENIS``. Documents built elsewhere return their complete HTML;
``Bagian(kunci, jenis, judul, kelompok, buat_html=lambda: html_of(...))`` wraps
them. The evaluation meeting's documents sit where the seed has them: the
invitation (``undangan``, with its schedule) and the general attendance list
right after the LAKIP; the unit meeting's attendance list first in its unit; the
unit's recommendations last in it.

A document that has been signed (``laporan.DokumenTerbit``) goes into the
package as issued: ``Bagian.terbit`` is set and its stored PDF is used, never a
new rendering of today's data.

Part keys (``kunci``) are stable across builds and are what a selection names:
``lakip``, ``undangan``, ``daftar-hadir``, ``daftar-hadir-<unit pk>``,
``pernyataan-<pegawai pk>``, ``evaluasi-unit-<unit pk>``,
``evaluasi-pejabat-<pegawai pk>``, ``subkegiatan-<kode>``,
``rekomendasi-<unit pk>``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from lakip.models import UnitKerja
from laporan.data_tersimpan import data_laporan
from laporan.lakip.dokumen import susun_dokumen
from laporan.lakip.render import render_html as html_lakip
from laporan.lampiran import rapat
from laporan.lampiran import subkegiatan as lap_sub
from laporan.lampiran.render import JUDUL as JUDUL_LAMPIRAN
from laporan.lampiran.render import html_halaman
from laporan.lampiran.susun import pejabat_dievaluasi, susun_lampiran
from laporan.models import DokumenTerbit

Jenis = DokumenTerbit.Jenis
TEMPAT = ("instansi", "unit_awal", "pejabat", "unit_akhir")
KELOMPOK_LAIN = "Lainnya"


class PilihanTidakValid(ValueError):
    """A selection names no known part or kind; the message is Indonesian."""


@dataclass
class Bagian:
    """One part of the package: a complete HTML document laid out on its own.

    ``judul`` is its bookmark, ``kelompok`` the parent bookmark ("" for the top
    level). ``buat_html`` is called at most once, when the part is needed."""

    kunci: str
    jenis: str
    judul: str
    kelompok: str
    buat_html: Callable[[], str] = field(repr=False)
    terbit: DokumenTerbit | None = None  # signed: the issued PDF is the part

    @cached_property
    def html(self):
        return self.buat_html()


@dataclass(frozen=True)
class JenisBagian:
    kode: str
    label: str
    tempat: str
    susun: Callable


@dataclass
class Konteks:
    """What every part of one package reads: the report data is built once."""

    instansi: object
    tahun: int
    triwulan: int
    data: object

    @cached_property
    def lampiran(self):
        return susun_lampiran(self.instansi, self.tahun, self.triwulan, data=self.data)

    @cached_property
    def unit(self):
        return list(
            UnitKerja.objects.filter(instansi=self.instansi)
            .select_related("kepala")
            .order_by("urutan", "nama")
        )

    @cached_property
    def _unit_per_pk(self):
        return {u.pk: u for u in self.unit}

    def unit_akar(self, unit_id):
        """The top-level unit ``unit_id`` belongs to (itself if top-level)."""
        unit = self._unit_per_pk.get(unit_id)
        while unit is not None and unit.induk_id is not None:
            unit = self._unit_per_pk.get(unit.induk_id)
        return unit

    @cached_property
    def pejabat(self):
        """Evaluated officials, hierarchy order."""
        return pejabat_dievaluasi(self.instansi, self.data)

    @cached_property
    def sub_kegiatan(self):
        """The year's sub kegiatan in budget (Tabel 3.25) order."""
        return [
            s.objek for p in self.data.anggaran.anak for k in p.anak for s in k.anak
        ]

    @cached_property
    def pemilik_sub(self):
        """``pegawai pk -> [sub kegiatan]`` reported under that official, and
        ``("unit", top unit pk or None) -> [sub kegiatan]`` for the rest."""
        dievaluasi = {p.pk for p in self.pejabat}
        hasil = {}
        for sub in self.sub_kegiatan:
            pemilik = None
            if sub.pelaksana_id in dievaluasi:
                pemilik = sub.pelaksana_id
            else:
                unit = self._unit_per_pk.get(sub.unit_id)
                while unit is not None and pemilik is None:
                    if unit.kepala_id in dievaluasi:
                        pemilik = unit.kepala_id
                    unit = self._unit_per_pk.get(unit.induk_id)
            if pemilik is None:
                akar = self.unit_akar(sub.unit_id)
                pemilik = ("unit", akar.pk if akar else None)
            hasil.setdefault(pemilik, []).append(sub)
        return hasil

    @property
    def terbit(self):
        """``(jenis, kunci) -> DokumenTerbit`` of the period (PDFs not loaded),
        read once with the attachments."""
        return self.lampiran.terbit

    @cached_property
    def undangan(self):
        return rapat.susun_undangan(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def daftar_hadir(self):
        """The general attendance list and the units' ones (empty without an
        invitation)."""
        if self.undangan is None:
            return []
        return rapat.susun_daftar_hadir(
            self.instansi, self.tahun, self.triwulan, undangan=self.undangan
        )

    @cached_property
    def rekomendasi(self):
        return rapat.susun_rekomendasi(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def tabel_per_kunci(self):
        return {t.kunci: t for t in self.lampiran.tabel}

    @cached_property
    def pernyataan_per_pegawai(self):
        return {p.pegawai.pk: p for p in self.lampiran.pernyataan if p.pegawai}


def _kelompok(unit):
    return unit.nama if unit is not None else KELOMPOK_LAIN


# --- the kinds of part ---------------------------------------------------------


def _lakip(k, _subjek):
    def buat():
        dok = susun_dokumen(k.instansi, k.tahun, k.triwulan, data=k.data)
        # A fixed creation date: the same data gives the same HTML (cache key).
        return html_lakip(dok, dibuat=dok.tanggal)

    return [Bagian("lakip", "lakip", _judul_lakip(k), "", buat)]


def _judul_lakip(k):
    from lakip.format import format_triwulan

    return f"LAKIP Triwulan {format_triwulan(k.triwulan)} Tahun {k.tahun}"


def _bagian_pernyataan(k, pernyataan, kelompok):
    return Bagian(
        pernyataan.kunci,
        "pernyataan",
        f"Pernyataan Telah Dievaluasi — {pernyataan.dievaluasi.nama}",
        kelompok,
        lambda: html_halaman(
            k.lampiran, JUDUL_LAMPIRAN["pernyataan"], pernyataan=[pernyataan]
        ),
        terbit=pernyataan.terbit,
    )


def _pernyataan(k, pegawai):
    p = k.pernyataan_per_pegawai.get(pegawai.pk)
    if p is None:
        return []
    return [_bagian_pernyataan(k, p, _kelompok(k.unit_akar(pegawai.unit_id)))]


def _bagian_tabel(k, tabel, kelompok):
    if tabel.unit is not None:
        judul = f"Evaluasi Kinerja {tabel.unit.nama}"
    else:
        judul = (
            f"Evaluasi Kinerja {tabel.pegawai.jabatan} — {tabel.pegawai.nama_lengkap}"
        )
    return Bagian(
        f"evaluasi-{tabel.kunci}",
        "evaluasi",
        judul,
        kelompok,
        lambda: html_halaman(k.lampiran, JUDUL_LAMPIRAN["evaluasi"], tabel=[tabel]),
        terbit=tabel.terbit,
    )


def _evaluasi(k, pegawai):
    """The tables of the units ``pegawai`` heads, then ``pegawai``'s own."""
    kelompok = _kelompok(k.unit_akar(pegawai.unit_id))
    kunci = [f"unit-{u.pk}" for u in k.unit if u.kepala_id == pegawai.pk]
    kunci.append(f"pejabat-{pegawai.pk}")
    return [
        _bagian_tabel(k, k.tabel_per_kunci[x], kelompok)
        for x in kunci
        if x in k.tabel_per_kunci
    ]


def _evaluasi_sisa(k, unit):
    """Tables of ``unit``'s sub-units whose head is not evaluated."""
    dievaluasi = {p.pk for p in k.pejabat}
    return [
        _bagian_tabel(k, k.tabel_per_kunci[f"unit-{u.pk}"], _kelompok(unit))
        for u in k.unit
        if f"unit-{u.pk}" in k.tabel_per_kunci
        and k.unit_akar(u.pk) == unit
        and u.kepala_id not in dievaluasi
    ]


def _bagian_sub(k, sub, kelompok):
    def buat():
        lap = lap_sub.susun_laporan_sub_kegiatan(
            k.instansi, k.tahun, k.triwulan, sub.kode, data=k.data
        )
        return lap_sub.render_html(lap)

    return Bagian(
        f"subkegiatan-{sub.kode}",
        "subkegiatan",
        f"Laporan Sub Kegiatan {sub.kode} {sub.nama}",
        kelompok,
        buat,
        terbit=k.terbit.get(
            (DokumenTerbit.Jenis.SUB_KEGIATAN, f"subkegiatan-{sub.pk}")
        ),
    )


def _subkegiatan(k, pegawai):
    kelompok = _kelompok(k.unit_akar(pegawai.unit_id))
    return [_bagian_sub(k, s, kelompok) for s in k.pemilik_sub.get(pegawai.pk, [])]


def _subkegiatan_sisa(k, unit):
    kunci = ("unit", unit.pk if unit is not None else None)
    return [_bagian_sub(k, s, _kelompok(unit)) for s in k.pemilik_sub.get(kunci, [])]


def _undangan(k, _subjek):
    """The invitation and the general attendance list (none without a saved
    invitation)."""
    if k.undangan is None:
        return []
    hasil = [
        Bagian(
            "undangan",
            "undangan",
            f"Undangan Rapat Evaluasi — {k.undangan.nomor}",
            "",
            lambda: rapat.html_undangan(k.undangan),
            terbit=k.terbit.get((Jenis.UNDANGAN, "undangan")),
        )
    ]
    hasil += [_bagian_hadir(d, "") for d in k.daftar_hadir if d.unit is None]
    return hasil


def _bagian_hadir(daftar, kelompok):
    judul = "Daftar Hadir Rapat Evaluasi"
    if daftar.unit is not None:
        judul += f" {daftar.unit.nama}"
    return Bagian(
        daftar.kunci,
        "daftar_hadir",
        judul,
        kelompok,
        lambda: rapat.html_daftar_hadir([daftar]),
    )


def _daftar_hadir_unit(k, unit):
    return [
        _bagian_hadir(d, _kelompok(unit))
        for d in k.daftar_hadir
        if d.unit is not None and k.unit_akar(d.unit.pk) == unit
    ]


def _rekomendasi(k, unit):
    return [
        Bagian(
            r.kunci,
            "rekomendasi",
            f"Rekomendasi Hasil Evaluasi {r.unit.nama}",
            _kelompok(unit),
            lambda r=r: rapat.html_rekomendasi([r]),
            terbit=k.terbit.get((Jenis.REKOMENDASI, r.kunci)),
        )
        for r in k.rekomendasi
        if k.unit_akar(r.unit.pk) == unit
    ]


JENIS = [
    JenisBagian("lakip", "LAKIP triwulan", "instansi", _lakip),
    JenisBagian("undangan", "Undangan rapat evaluasi", "instansi", _undangan),
    JenisBagian("daftar_hadir", "Daftar hadir rapat", "unit_awal", _daftar_hadir_unit),
    JenisBagian("pernyataan", "Pernyataan telah dievaluasi", "pejabat", _pernyataan),
    JenisBagian("evaluasi", "Tabel evaluasi kinerja", "pejabat", _evaluasi),
    JenisBagian("evaluasi", "Tabel evaluasi kinerja", "unit_akhir", _evaluasi_sisa),
    JenisBagian("subkegiatan", "Laporan sub kegiatan", "pejabat", _subkegiatan),
    JenisBagian("subkegiatan", "Laporan sub kegiatan", "unit_akhir", _subkegiatan_sisa),
    JenisBagian(
        "rekomendasi", "Rekomendasi hasil evaluasi", "unit_akhir", _rekomendasi
    ),
]


def label_jenis():
    """``{kode: label}`` of the kinds, in registry order."""
    hasil = {}
    for j in JENIS:
        hasil.setdefault(j.kode, j.label)
    return hasil


def _dari(tempat, k, subjek):
    hasil = []
    for j in JENIS:
        if j.tempat == tempat:
            hasil.extend(j.susun(k, subjek))
    return hasil


def _pejabat_unit(k, unit):
    """The evaluated officials of ``unit`` (or of no unit when ``None``): the
    head first, then hierarchy order."""
    milik = [p for p in k.pejabat if k.unit_akar(p.unit_id) == unit]
    if unit is not None:
        milik.sort(key=lambda p: p.pk != unit.kepala_id)
    return milik


def daftar_bagian(k):
    """Every part of the package of ``k``'s period, in order; keys are unique."""
    hasil = _dari("instansi", k, None)
    akar = [u for u in k.unit if u.induk_id is None]
    for unit in [*akar, None]:
        hasil.extend(_dari("unit_awal", k, unit) if unit is not None else [])
        for pegawai in _pejabat_unit(k, unit):
            hasil.extend(_dari("pejabat", k, pegawai))
        hasil.extend(_dari("unit_akhir", k, unit))
    # Signed pages of officials no longer evaluated.
    hasil.extend(
        _bagian_pernyataan(k, p, KELOMPOK_LAIN)
        for p in k.lampiran.pernyataan
        if p.pegawai is None
    )
    return hasil


def susun_konteks(instansi, tahun, triwulan, data=None):
    return Konteks(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        data=data or data_laporan(instansi, tahun, triwulan),
    )


def pilih(bagian, pilihan):
    """The parts named by ``pilihan`` (kind codes such as ``evaluasi`` and/or
    part keys), in package order; every part when ``pilihan`` is empty.

    Raises ``PilihanTidakValid`` for a name that is neither, or when nothing is
    left."""
    pilihan = [p.strip() for p in (pilihan or []) if p and p.strip()]
    if not pilihan:
        return list(bagian)
    jenis = set(label_jenis())
    kunci = {b.kunci for b in bagian}
    asing = [p for p in pilihan if p not in jenis and p not in kunci]
    if asing:
        raise PilihanTidakValid(
            "Bagian tidak dikenal: "
            + ", ".join(asing)
            + ". Pilih jenis ("
            + ", ".join(label_jenis())
            + ") atau kunci bagian."
        )
    dipilih = set(pilihan)
    hasil = [b for b in bagian if b.jenis in dipilih or b.kunci in dipilih]
    if not hasil:
        raise PilihanTidakValid("Tidak ada bagian yang dipilih.")
    return hasil
