"""The entry sheets and the state of the quarterly entries at a glance (the
entry page, the status page, the "Tugas saya" of the unit staff), computed
once per data version.

A unit's entry sheet (``lembar_entri``, ten queries) is read by its entry page,
by the save that follows, and by the navbar's count of the unit staff's tasks,
so it and the rows derived from it are kept in the shared cache under the
agency's data version (``lakip.versi_data``): every save, transition or plan
edit changes the version, and the next page computes them again.
"""

from dataclasses import dataclass

from lakip.selectors import unit_instansi
from lakip.versi_data import RENCANA, tersimpan
from realisasi.selectors import lembar_entri, lembar_entri_banyak, rencana_lembar


@dataclass(frozen=True)
class StatusUnit:
    """One unit's quarter: its workflow record (with who changed it last),
    how many of its indicators are filled, and the last return or unlock."""

    unit: object
    entri: object
    jumlah_indikator: int
    jumlah_terisi: int
    ada_isian: bool  # the unit has indicators or sub kegiatan this year
    terakhir_aksi: str = ""
    terakhir_label: str = ""
    terakhir_catatan: str = ""


def lembar_tersimpan(unit, tahun, triwulan):
    """``lembar_entri(unit, tahun, triwulan)``, computed once per data version
    of the unit's agency. It is never older than the last committed write
    before the call (the version is read before the sheet is computed), so a
    save may validate against it as against a sheet read now. Stored with
    references to the plan it was read from (``lakip.acuan``)."""

    def rencana():
        return _rencana(f"unit-{unit.pk}", [unit], tahun)

    return tersimpan(
        f"lembar:{unit.pk}:{tahun}:{triwulan}",
        unit.instansi_id,
        lambda: lembar_entri(unit, tahun, triwulan, rencana()),
        acuan=rencana,
    )


def _rencana(nama, daftar_unit, tahun):
    """``rencana_lembar(daftar_unit, tahun)`` read once per version of the
    plan: a saved realisation reads only the realisations again. Kept in the
    process too (the sheets only read it)."""
    return tersimpan(
        f"rencana-lembar:{nama}:{tahun}",
        daftar_unit[0].instansi_id,
        lambda: rencana_lembar(daftar_unit, tahun),
        RENCANA,
        proses=True,
    )


def _baris(unit, tahun, triwulan, lembar):
    entri = lembar.entri
    terakhir = None
    if entri.pk:
        if entri.diubah_oleh_id:
            entri.diubah_oleh  # noqa: B018 - loaded into the cached row
        terakhir = entri.riwayat.order_by("-pk").first()
    return StatusUnit(
        unit=unit,
        entri=entri,
        jumlah_indikator=lembar.jumlah_indikator,
        jumlah_terisi=lembar.jumlah_terisi,
        ada_isian=bool(lembar.jumlah_indikator or lembar.blok),
        terakhir_aksi=terakhir.aksi if terakhir else "",
        terakhir_label=terakhir.get_aksi_display() if terakhir else "",
        terakhir_catatan=terakhir.catatan if terakhir else "",
    )


def status_unit(unit, tahun, triwulan):
    """``unit``'s ``StatusUnit`` for the quarter."""
    return tersimpan(
        f"status-unit:{unit.pk}:{tahun}:{triwulan}",
        unit.instansi_id,
        lambda: _baris(unit, tahun, triwulan, lembar_tersimpan(unit, tahun, triwulan)),
    )


def status_instansi(instansi, tahun, triwulan):
    """The ``StatusUnit`` of every unit of ``instansi`` with something to fill
    in the quarter, in the agency's order (every unit's sheet read at once)."""

    def hitung():
        unit = unit_instansi(instansi.pk)
        if not unit:
            return []
        rencana = _rencana(f"instansi-{instansi.pk}", unit, tahun)
        lembar = lembar_entri_banyak(unit, tahun, triwulan, rencana)
        baris = (_baris(u, tahun, triwulan, lembar[u.pk]) for u in unit)
        return [b for b in baris if b.ada_isian]

    return tersimpan(
        f"status-instansi:{instansi.pk}:{tahun}:{triwulan}", instansi.pk, hitung
    )
