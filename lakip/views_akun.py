"""Passwords: self-service change, reset by a one-time link the Admin instansi
issues, and reset by e-mail where an SMTP server is configured."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from lakip.akses import anggota_instansi, instansi_pengguna, peran_diperlukan
from lakip.peran import Peran
from lakip.services import buat_tautan_reset

ganti_sandi = auth_views.PasswordChangeView.as_view(
    template_name="registration/sandi_ganti.html",
    success_url=reverse_lazy("sandi_ganti_selesai"),
)
ganti_sandi_selesai = auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/sandi_ganti_selesai.html"
)
reset_konfirmasi = auth_views.PasswordResetConfirmView.as_view(
    template_name="registration/sandi_reset_konfirmasi.html",
    success_url=reverse_lazy("sandi_reset_selesai"),
)
reset_selesai = auth_views.PasswordResetCompleteView.as_view(
    template_name="registration/sandi_reset_selesai.html"
)
_reset_email = auth_views.PasswordResetView.as_view(
    template_name="registration/sandi_reset.html",
    email_template_name="registration/sandi_reset_email.txt",
    subject_template_name="registration/sandi_reset_subjek.txt",
    success_url=reverse_lazy("sandi_reset_terkirim"),
)
_reset_terkirim = auth_views.PasswordResetDoneView.as_view(
    template_name="registration/sandi_reset_terkirim.html"
)


def _wajib_email(view):
    def pembungkus(request, *args, **kwargs):
        if not settings.LAKIP_RESET_EMAIL:
            raise Http404("Reset sandi lewat e-mail tidak diaktifkan.")
        return view(request, *args, **kwargs)

    return pembungkus


reset_email = _wajib_email(_reset_email)
reset_terkirim = _wajib_email(_reset_terkirim)


def _akun_instansi(request):
    return (
        anggota_instansi(instansi_pengguna(request.user))
        .filter(is_superuser=False)
        .select_related("pegawai")
        .prefetch_related("groups")
        .order_by("username")
    )


@peran_diperlukan(Peran.ADMIN_INSTANSI)
def daftar_akun(request):
    """The agency's logins (Admin instansi), each with "Buat tautan reset"."""
    return render(request, "lakip/akun.html", {"akun": _akun_instansi(request)})


@require_POST
@peran_diperlukan(Peran.ADMIN_INSTANSI)
def tautan_reset(request, pk):
    """Issue a one-time reset link for one login of the agency and show it once."""
    user = get_object_or_404(_akun_instansi(request), pk=pk)
    tautan = request.build_absolute_uri(buat_tautan_reset(request.user, user))
    return render(
        request,
        "lakip/akun.html",
        {"akun": _akun_instansi(request), "tautan": tautan, "untuk": user},
    )
