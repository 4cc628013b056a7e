"""Writing the prose of a program's or kegiatan's quarterly report
(``UraianProgram``): the unit carrying out most of its sub kegiatan (Operator
and Kepala unit, for the unit and its sub-units) and Perencanaan. Saving prose
for a program or kegiatan gives it a report. Bad input changes nothing and says
why in Indonesian; who changed it last and when is recorded."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lakip.peran import Peran, peran_pengguna
from laporan.galat import LaporanTidakValid
from laporan.lampiran.program import BAGIAN, KEGIATAN, PROGRAM, unit_objek
from laporan.lampiran.uraian import teks_bersih
from laporan.models import UraianProgram
from realisasi.akses import boleh_mengisi

NAMA_BAGIAN = [n for n, _ in BAGIAN] + ["kesimpulan"]
PANJANG_MAKS = 20_000


class UraianProgramTidakValid(LaporanTidakValid):
    """The text cannot be saved; the message is Indonesian."""


def boleh_mengubah(user, objek):
    """Perencanaan, or the filling roles of the unit carrying ``objek`` (a
    Program or Kegiatan) out."""
    if Peran.PERENCANAAN in peran_pengguna(user):
        return True
    unit = unit_objek(objek)
    return unit is not None and boleh_mengisi(user, unit)


def _milik(objek):
    tingkat = KEGIATAN if hasattr(objek, "program_id") else PROGRAM
    return {tingkat: objek}


def uraian_program(objek):
    """The stored prose of ``objek`` (an unsaved empty one when none)."""
    milik = _milik(objek)
    return UraianProgram.objects.filter(**milik).first() or UraianProgram(**milik)


@transaction.atomic
def simpan_uraian_program(objek, teks, *, oleh):
    """Save the sections in ``teks`` (section name to text; others kept) of
    ``objek``'s report. Returns the names of the sections that changed."""
    if not boleh_mengubah(oleh, objek):
        raise PermissionDenied(
            "Hanya unit pelaksana atau Perencanaan yang boleh mengubah uraian ini."
        )
    bersih = teks_bersih(
        teks, NAMA_BAGIAN, UraianProgram, UraianProgramTidakValid, PANJANG_MAKS
    )
    milik = _milik(objek)
    obj = UraianProgram.objects.select_for_update().filter(
        **milik
    ).first() or UraianProgram(**milik)
    berubah = [n for n, isi in bersih.items() if getattr(obj, n) != isi]
    if not berubah:
        return []
    for n in berubah:
        setattr(obj, n, bersih[n])
    obj.diubah_oleh, obj.diubah_pada = oleh, timezone.now()
    obj.save()
    return berubah
