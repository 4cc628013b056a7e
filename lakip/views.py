import logging

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

import lakip
from lakip.notifikasi import tandai_dibaca
from lakip.tugas import tugas_untuk

log = logging.getLogger("lakip.sehat")


@login_required
def beranda(request):
    """ "Tugas saya": what waits for the user, and the latest notifications.
    The navbar's count is the length of this list (asked once, not twice)."""
    tugas = tugas_untuk(request.user)
    return render(
        request,
        "lakip/beranda.html",
        {
            "tugas": tugas,
            "jumlah_tugas": len(tugas),
            "notifikasi": request.user.notifikasi.all()[:20],
        },
    )


@login_required
@require_POST
def notifikasi_dibaca(request, pk=None):
    """Mark one of the user's notifications (or all) read, then go to the
    notification's link (a local one only) or back home."""
    tandai_dibaca(request.user, pk)
    lanjut = request.POST.get("lanjut", "")
    if lanjut and url_has_allowed_host_and_scheme(
        lanjut, allowed_hosts={request.get_host()}
    ):
        return redirect(lanjut)
    return redirect("beranda")


def favicon(request):
    """``/favicon.ico``, which browsers ask for on their own."""
    jalur = finders.find("favicon.ico")
    if jalur is None:
        raise Http404("Ikon tidak ada.")
    respons = FileResponse(open(jalur, "rb"), content_type="image/x-icon")
    respons["Cache-Control"] = "public, max-age=86400"
    return respons


@never_cache
def sehat(request):
    """Public health check for the load balancer: 200 with ``{"status": "ok"}`` when
    the database answers, else 503. Says nothing but status and version."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        basis_data = "ok"
    except Exception:
        log.exception("Pemeriksaan kesehatan: basis data tidak menjawab")
        basis_data = "gagal"
    status = "ok" if basis_data == "ok" else "gagal"
    return JsonResponse(
        {"status": status, "versi": lakip.__version__, "basis_data": basis_data},
        status=200 if status == "ok" else 503,
    )
