"""The lock follows the numbers: a plan edit that would change the figures of
a Disahkan (approved, locked) quarter is refused until Perencanaan unlocks that
quarter with a reason (``realisasi.services.ubah_status``, ``buka_kunci``).

Registered with ``renstra.penjaga`` in ``RealisasiConfig.ready``: the plan
services ask before they write, without renstra importing realisasi.
"""

from lakip.format import format_triwulan
from realisasi.models import EntriTriwulan, StatusEntri

DAFTAR_MAKS = 4


def tolak_triwulan_disahkan(dampak):
    """The Indonesian reason to refuse ``dampak`` (a ``renstra.penjaga.Dampak``)
    when one of the quarters it reaches is Disahkan for one of its units; else
    None."""
    entri = EntriTriwulan.objects.filter(
        unit__instansi_id=dampak.instansi_id,
        status=StatusEntri.DISAHKAN,
        tahun__in=dampak.tahun,
        triwulan__in=dampak.triwulan,
    )
    if dampak.unit is not None:
        entri = entri.filter(unit_id__in=dampak.unit)
    entri = list(
        entri.select_related("unit").order_by("tahun", "triwulan", "unit__urutan")[
            : DAFTAR_MAKS + 1
        ]
    )
    if not entri:
        return None
    daftar = "; ".join(
        f"{e.unit.nama} {e.tahun} TW {format_triwulan(e.triwulan)}"
        for e in entri[:DAFTAR_MAKS]
    )
    if len(entri) > DAFTAR_MAKS:
        daftar += "; dan lainnya"
    return (
        f"{dampak.uraian} akan mengubah angka triwulan yang sudah disahkan dan "
        f"terkunci ({daftar}). Perencanaan harus membuka kunci triwulan tersebut "
        "dengan alasan terlebih dahulu; tidak ada yang diubah."
    )
