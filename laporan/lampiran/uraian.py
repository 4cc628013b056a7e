"""Writing the prose of a sub kegiatan's quarterly report (``UraianSubKegiatan``).

The unit that carries the sub kegiatan out (its Operator unit and Kepala unit,
for the unit and its sub-units) and Perencanaan write it. Bad input changes
nothing and says why in Indonesian; who changed it last and when is recorded,
as for the LAKIP's own prose (``TeksLaporan``).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lakip.peran import Peran, peran_pengguna
from laporan.galat import LaporanTidakValid
from laporan.models import UraianSubKegiatan
from realisasi.akses import boleh_mengisi

BAGIAN = [
    "latar_belakang",
    "dasar_hukum",
    "tujuan",
    "ruang_lingkup",
    "metode",
    "lokasi",
]
PANJANG_MAKS = 20_000


class UraianTidakValid(LaporanTidakValid):
    """The text cannot be saved; the message is Indonesian."""


def boleh_mengubah(user, sub):
    """Perencanaan, or the filling roles of the unit carrying ``sub`` out."""
    if Peran.PERENCANAAN in peran_pengguna(user):
        return True
    return sub.unit is not None and boleh_mengisi(user, sub.unit)


def uraian(sub):
    """The stored prose of ``sub`` (an unsaved empty one when none)."""
    return UraianSubKegiatan.objects.filter(
        sub_kegiatan=sub
    ).first() or UraianSubKegiatan(sub_kegiatan=sub)


def uraian_kosong(sub):
    """True when none of the sections A-F of ``sub``'s report holds text (the
    report would print an empty template)."""
    u = uraian(sub)
    return not any((getattr(u, nama) or "").strip() for nama in BAGIAN)


def teks_bersih(teks, bagian, model, galat, panjang_maks=PANJANG_MAKS):
    """``teks`` (section name to text) with line ends made ``\\n`` and the
    ends stripped; raises ``galat`` (Indonesian) for a name not in ``bagian``
    or a text longer than ``panjang_maks`` (labelled by ``model``'s field)."""
    tidak_dikenal = set(teks) - set(bagian)
    if tidak_dikenal:
        daftar = ", ".join(sorted(tidak_dikenal))
        raise galat(f"Bagian tidak dikenal: {daftar}.")
    bersih = {}
    for nama, isi in teks.items():
        isi = (isi or "").replace("\r\n", "\n").strip()
        if len(isi) > panjang_maks:
            label = model._meta.get_field(nama).verbose_name
            raise galat(
                f"Teks {label} terlalu panjang ({len(isi)} karakter; "
                f"paling banyak {panjang_maks})."
            )
        bersih[nama] = isi
    return bersih


@transaction.atomic
def simpan_uraian(sub, teks, *, oleh):
    """Save the sections in ``teks`` (section name to text; others are kept).
    Returns the names of the sections that changed."""
    if not boleh_mengubah(oleh, sub):
        raise PermissionDenied(
            "Hanya unit pelaksana sub kegiatan ini atau Perencanaan yang boleh "
            "mengubah uraiannya."
        )
    bersih = teks_bersih(teks, BAGIAN, UraianSubKegiatan, UraianTidakValid)
    obj = UraianSubKegiatan.objects.select_for_update().filter(
        sub_kegiatan=sub
    ).first() or UraianSubKegiatan(sub_kegiatan=sub)
    berubah = [n for n, isi in bersih.items() if getattr(obj, n) != isi]
    if not berubah:
        return []
    for n in berubah:
        setattr(obj, n, bersih[n])
    obj.diubah_oleh, obj.diubah_pada = oleh, timezone.now()
    obj.save()
    return berubah
