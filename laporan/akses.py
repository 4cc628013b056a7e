"""Access helpers shared by laporan's views."""

from django.http import Http404

from lakip.akses import instansi_pengguna


def instansi_wajib(request):
    """The agency of the signed-in user; ``Http404`` when the user has none."""
    instansi = instansi_pengguna(request.user)
    if instansi is None:
        raise Http404("Belum ada instansi.")
    return instansi
