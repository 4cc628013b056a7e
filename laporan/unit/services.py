"""Writing a unit's quarterly report prose (``LaporanUnit``): the unit's head or
Perencanaan. Bad input changes nothing and says why in Indonesian
(``LaporanUnitTidakValid``); who changed it last and when is recorded on the
record."""

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lakip.akses import pegawai_pengguna
from lakip.format import format_triwulan, format_waktu, tanpa_kendali
from lakip.peran import Peran, peran_pengguna
from laporan.dokumen.kunci import LAPORAN_UNIT, kunci
from laporan.galat import LaporanTidakValid
from laporan.lakip.teks import ISIAN
from laporan.models import DokumenTerbit, LaporanUnit
from laporan.services import periksa_periode_laporan
from laporan.unit.susun import SEKSI, teks_unit

PANJANG_MAKS = 20_000
_ISIAN = re.compile(r"\{(\w*)\}")

# What a Bidang starts from when nothing was written before (the form's
# initial text; nothing is printed until it is saved).
TEMPLAT = {
    "dasar_kegiatan": (
        "1. Dokumen Rencana Strategis {instansi} {wilayah};\n"
        "2. Rencana Kerja (Renja) {instansi} {wilayah} Tahun {tahun};\n"
        "3. Dokumen Pelaksanaan Anggaran (DPA) {instansi} {wilayah} Tahun {tahun};"
    ),
    "penutup": (
        "Dari permasalahan yang dihadapi selama triwulan {triwulan} tahun {tahun}, "
        "terdapat beberapa saran untuk kegiatan yang mendukung pencapaian kinerja "
        "program, antara lain:\n\n- "
    ),
}


class LaporanUnitTidakValid(LaporanTidakValid):
    """The text cannot be saved; the message is Indonesian."""


def boleh_menyunting(user, unit):
    """The head of ``unit`` (their staff record is ``unit.kepala``, with the
    Kepala unit role) or Perencanaan."""
    if user is None:
        return False
    peran = peran_pengguna(user)
    if Peran.PERENCANAAN in peran:
        return True
    pegawai = pegawai_pengguna(user)
    return (
        Peran.KEPALA_UNIT in peran
        and pegawai is not None
        and unit.kepala_id is not None
        and pegawai.pk == unit.kepala_id
    )


def teks_awal(unit, tahun, triwulan):
    """``{section: text}`` to start the form from: the quarter's record, else
    the previous quarter's, else the template."""
    teks = teks_unit(unit, tahun, triwulan)
    isi = {nama: getattr(teks, nama) for nama in SEKSI}
    if not any(v.strip() for v in isi.values()):
        isi.update(TEMPLAT)
    return isi


def _label(nama):
    return LaporanUnit._meta.get_field(nama).verbose_name


def _bersihkan(teks):
    bersih = {}
    for nama, isi in teks.items():
        isi = tanpa_kendali(isi or "").replace("\r\n", "\n").strip()
        if len(isi) > PANJANG_MAKS:
            raise LaporanUnitTidakValid(
                f"Teks {_label(nama)} terlalu panjang ({len(isi)} karakter; "
                f"paling banyak {PANJANG_MAKS})."
            )
        for isian in _ISIAN.findall(isi):
            if isian not in ISIAN:
                daftar = ", ".join("{" + i + "}" for i in ISIAN)
                raise LaporanUnitTidakValid(
                    f"{_label(nama)}: isian {{{isian}}} tidak dikenal. "
                    f"Yang tersedia: {daftar}."
                )
        bersih[nama] = isi
    return bersih


@transaction.atomic
def simpan_laporan_unit(unit, tahun, triwulan, teks, *, oleh):
    """Save the sections in ``teks`` (section name to text) of ``unit``'s
    report of the quarter; sections not given keep their text (carried over
    from the previous quarter for a new record). Returns the names of the
    sections that changed (nothing is written when none did). A report
    already signed is not changed: its issued PDF is the document."""
    if not boleh_menyunting(oleh, unit):
        raise PermissionDenied(
            f"Hanya kepala {unit.nama} atau Perencanaan yang boleh mengubah laporan "
            "kinerja unit ini."
        )
    periksa_periode_laporan(tahun, triwulan)
    if unit.induk_id is not None:
        raise LaporanUnitTidakValid(
            f"{unit.nama} bukan Sekretariat/Bidang: laporan kinerja unit dibuat untuk "
            "unit tingkat teratas."
        )
    tidak_dikenal = set(teks) - set(SEKSI)
    if tidak_dikenal:
        daftar = ", ".join(sorted(tidak_dikenal))
        raise LaporanUnitTidakValid(f"Bagian tidak dikenal: {daftar}.")
    bersih = _bersihkan(teks)
    terbit = DokumenTerbit.objects.filter(
        instansi_id=unit.instansi_id,
        jenis=LAPORAN_UNIT,
        kunci=kunci(LAPORAN_UNIT, unit.pk),
        tahun=tahun,
        triwulan=triwulan,
    ).first()
    if terbit is not None:
        raise LaporanUnitTidakValid(
            f"Laporan kinerja {unit.nama} Triwulan {format_triwulan(triwulan)} "
            f"Tahun {tahun} sudah ditandatangani pada "
            f"{format_waktu(terbit.ditandatangani_pada)}; teksnya tidak dapat "
            "diubah lagi."
        )
    laporan = (
        LaporanUnit.objects.select_for_update()
        .filter(unit=unit, tahun=tahun, triwulan=triwulan)
        .first()
    ) or teks_unit(unit, tahun, triwulan)
    baru = laporan.pk is None
    berubah = [n for n, isi in bersih.items() if getattr(laporan, n) != isi]
    if not berubah and not baru:
        return []
    for nama in berubah:
        setattr(laporan, nama, bersih[nama])
    laporan.diubah_oleh, laporan.diubah_pada = oleh, timezone.now()
    laporan.save()
    return berubah
