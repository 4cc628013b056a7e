import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

import lakip

log = logging.getLogger("lakip.sehat")


@login_required
def beranda(request):
    return render(request, "lakip/beranda.html")


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
