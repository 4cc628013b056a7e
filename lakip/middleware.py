"""Request-wide rules: every app page needs the user's agency; the browser gets a
Permissions-Policy header."""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from lakip.akses import instansi_pengguna

PESAN_TANPA_INSTANSI = (
    "Akun Anda belum terdaftar pada instansi mana pun, sehingga tidak dapat "
    "membuka data instansi. Hubungi Admin instansi Anda."
)


class WajibInstansi:
    """A signed-in user without an agency membership gets a 403 page on every page
    except those named in ``settings.LAKIP_TANPA_INSTANSI`` (home page, login and
    logout, password pages, public pages) and the admin site (which scopes its
    querysets itself and is open to the system administrator)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if not request.user.is_authenticated:
            return None
        cocok = request.resolver_match
        if cocok is None or "admin" in cocok.namespaces:
            return None
        if cocok.view_name in settings.LAKIP_TANPA_INSTANSI:
            return None
        if instansi_pengguna(request.user) is None:
            raise PermissionDenied(PESAN_TANPA_INSTANSI)
        return None


class KebijakanIzin:
    """Sets ``Permissions-Policy`` (``settings.LAKIP_PERMISSIONS_POLICY``): the app
    uses no camera, microphone, location or payment, so no page may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respons = self.get_response(request)
        respons.headers.setdefault(
            "Permissions-Policy", settings.LAKIP_PERMISSIONS_POLICY
        )
        return respons
