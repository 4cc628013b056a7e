"""The parts of a package: the LAKIP and its attachments, in the seed's order.

A package of a quarter is, in order (the seed, lines 890-5519):

1. the LAKIP itself (``tempat`` ``instansi``);
2. per unit (a top-level ``UnitKerja``, by ``urutan``), bookmarked under the
   unit's name:

   - parts of the unit as a whole that open it (``tempat`` ``unit_awal``);
   - per evaluated official of the unit, the unit's head first, then the
     others in the hierarchy's order (``tempat`` ``pejabat``): the official's
     *Pernyataan telah dievaluasi* page, the evaluation tables (of the units
     the official heads, then the official's own unless it has exactly the
     rows of one of those: then the unit's table says it is both,
     ``laporan.dokumen.evaluasi.kembar``), and the reports of the sub
     kegiatan the official carries out;
   - parts of the unit that close it (``tempat`` ``unit_akhir``): evaluation
     tables of sub-units without an evaluated head, and reports of sub kegiatan
     no evaluated official carries out or heads;

3. a last group "Lainnya" for what belongs to no unit (a signed pernyataan of
   an official no longer evaluated, a sub kegiatan without a unit).

Every sub kegiatan of the year's budget has its report exactly once: it goes to
its ``pelaksana`` if that official is evaluated, else to the evaluated head of
its unit (or of the nearest parent unit), else to the end of its unit.

The kinds of part are the registry of document kinds (``laporan.dokumen``): each
kind's ``tempat`` lists its places and a function ``(konteks, subjek) ->
list[Bagian]`` (``subjek`` is ``None`` for ``instansi`` and ``lain``, the
``UnitKerja`` for ``unit_awal``/``unit_akhir``, the ``Pegawai`` for
``pejabat``). Kinds of the same ``tempat`` follow the registry's order. The
evaluation meeting's documents sit where the seed has them: the invitation
(``undangan``, with its schedule) and the general attendance list right after
the LAKIP; the unit meeting's attendance list first in its unit; the unit's
recommendations last in it.

A document that has been signed (``laporan.DokumenTerbit``) goes into the
package as issued: ``Bagian.terbit`` is set and its stored PDF is used, never a
new rendering of today's data.

Part keys (``kunci``) are the documents' keys (``laporan.dokumen.kunci``),
stable across builds, and are what a selection names: ``lakip``, ``undangan``,
``daftarhadir``, ``daftarhadir-<unit pk>``, ``pernyataan-<pegawai pk>``,
``evaluasi-unit-<unit pk>``, ``evaluasi-pejabat-<pegawai pk>``,
``subkegiatan-<sub kegiatan pk>``, ``rekomendasi-<unit pk>``. A kind's code or
group (``evaluasi``) selects all its documents."""

from laporan.dokumen import grup_jenis, jenis_dokumen, semua_jenis
from laporan.dokumen.dasar import Bagian
from laporan.dokumen.konteks import KELOMPOK_LAIN, Konteks, susun_konteks
from laporan.dokumen.kunci import urai_kunci
from laporan.galat import LaporanTidakValid

# The places of the package in order; ``lain`` closes it.
TEMPAT = ("instansi", "unit_awal", "pejabat", "unit_akhir", "lain")

__all__ = [
    "KELOMPOK_LAIN",
    "TEMPAT",
    "Bagian",
    "Konteks",
    "PilihanTidakValid",
    "daftar_bagian",
    "label_jenis",
    "pilih",
    "susun_konteks",
]


class PilihanTidakValid(LaporanTidakValid, ValueError):
    """A selection names no known part or kind; the message is Indonesian."""


def label_jenis():
    """``{group: label}`` of the kinds, in registry order (a group's label is
    its first kind's when it has one kind, else the group's name)."""
    hasil = {}
    for grup, daftar in grup_jenis().items():
        hasil[grup] = daftar[0].label if len(daftar) == 1 else _label_grup(daftar)
    return hasil


def _label_grup(daftar):
    """The common start of the kinds' labels (``Tabel evaluasi kinerja``)."""
    kata = [j.label.split() for j in daftar]
    sama = []
    for bersama in zip(*kata, strict=False):
        if len(set(bersama)) > 1:
            break
        sama.append(bersama[0])
    return " ".join(sama) or daftar[0].nama_grup


def jenis_pilihan(pilihan):
    """The codes of the kinds a selection can name (kind codes, groups, keys),
    or ``None`` for every kind (no selection, or a name of no known kind)."""
    pilihan = [p.strip() for p in (pilihan or []) if p and p.strip()]
    if not pilihan:
        return None
    grup = grup_jenis()
    hasil = set()
    for nama in pilihan:
        if nama in grup:
            hasil.update(j.kode for j in grup[nama])
        elif jenis_dokumen(nama) is not None:
            hasil.add(nama)
        elif jenis_dokumen(urai_kunci(nama)[0]) is not None:
            hasil.add(urai_kunci(nama)[0])
        else:
            return None
    return hasil


def _dari(tempat, k, subjek, daftar_jenis):
    hasil = []
    for j in daftar_jenis:
        for t, susun in j.tempat:
            if t == tempat:
                hasil.extend(susun(k, subjek))
    return hasil


def daftar_bagian(k, jenis=None):
    """Every part of the package of ``k``'s period, in order; keys are unique.
    With ``jenis`` (kind codes), only the parts of those kinds, in the same
    order (the other kinds' data is not read)."""
    daftar_jenis = [j for j in semua_jenis() if jenis is None or j.kode in jenis]
    hasil = _dari("instansi", k, None, daftar_jenis)
    akar = [u for u in k.unit if u.induk_id is None]
    per_pejabat = any(t == "pejabat" for j in daftar_jenis for t, _ in j.tempat)
    for unit in [*akar, None]:
        if unit is not None:
            hasil.extend(_dari("unit_awal", k, unit, daftar_jenis))
        for pegawai in k.pejabat_unit(unit) if per_pejabat else []:
            hasil.extend(_dari("pejabat", k, pegawai, daftar_jenis))
        hasil.extend(_dari("unit_akhir", k, unit, daftar_jenis))
    hasil.extend(_dari("lain", k, None, daftar_jenis))
    return hasil


def pilih(bagian, pilihan):
    """The parts named by ``pilihan`` (kind codes or groups such as
    ``evaluasi``, and/or part keys), in package order; every part when
    ``pilihan`` is empty.

    Raises ``PilihanTidakValid`` for a name that is none of these, or when
    nothing is left."""
    pilihan = [p.strip() for p in (pilihan or []) if p and p.strip()]
    if not pilihan:
        return list(bagian)
    grup = grup_jenis()
    jenis = {j.kode for daftar in grup.values() for j in daftar}
    for nama, daftar in grup.items():
        if nama in pilihan:
            pilihan.extend(j.kode for j in daftar)
    kunci = {b.kunci for b in bagian}
    asing = [p for p in pilihan if p not in jenis and p not in grup and p not in kunci]
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
