"""Who may open the evaluation pages, and the agency they see."""

from django.http import Http404

from lakip.akses import instansi_pengguna, peran_diperlukan
from lakip.peran import Peran

PERAN_BACA = (Peran.PERENCANAAN, Peran.PIMPINAN, Peran.PEMERIKSA, Peran.EVALUATOR)

baca_evaluasi = peran_diperlukan(*PERAN_BACA)


def instansi_aktif(request):
    """The user's own agency; every query of these pages is scoped to it."""
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    return instansi
