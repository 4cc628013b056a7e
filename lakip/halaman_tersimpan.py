"""Rendered page fragments kept until the data they show changes.

``html_tersimpan`` keeps the HTML of a part of a page under the agency's data
version of a scope and the code's fingerprint (``lakip.versi_data``), so a
write is never followed by a stale page and a deployment never serves a
fragment rendered by an older one. A fragment must not hold anything of the
request (no CSRF token, no user's name): what differs between users who may
see it goes into its key.
"""

from lakip.versi_data import DATA, tersimpan


def html_tersimpan(kunci_dasar, instansi, hitung, cakupan=DATA):
    """The HTML fragment ``hitung()`` of ``instansi``, rendered once per
    version of its data in the scope ``cakupan`` and of the code;
    ``kunci_dasar`` names the page and everything else it depends on (period,
    options, what the user may do)."""
    return tersimpan(f"html:{instansi.pk}:{kunci_dasar}", instansi.pk, hitung, cakupan)
