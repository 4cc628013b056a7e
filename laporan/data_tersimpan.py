"""The report data computed once per change, not once per view.

``data_laporan`` and ``data_laporan_tahun`` return what ``laporan.data``
computes, kept in the shared cache (the database cache in production, so every
app server shares it) under the agency's *data version*.

The version is a random token per agency. Every write to a model of ``lakip``,
``renstra`` or ``realisasi`` (a save, a delete, a many-to-many change: entry
saves, workflow transitions, plan edits, imports, budget revisions, the admin,
``loaddata``) replaces the token of the agencies it belongs to at once and
again when its transaction has committed; a write whose agency cannot be told
replaces the global token, which is part of every key. A reader takes the
version before it computes, so data computed from rows older than a write is
never stored under a version taken after that write: a write is never
followed by stale figures.
"""

import hashlib
import uuid
from collections import deque
from pathlib import Path

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from laporan import data as data_laporan_mod

APLIKASI_DATA = ("lakip", "renstra", "realisasi")
WAKTU_SIMPAN = 7 * 24 * 3600  # seconds; a version that is no longer read ages out
_KEDALAMAN_JALUR = 6

# The data's shape changes with the code: a deployment never reads an older one.
_VERSI_KODE = hashlib.sha256(Path(data_laporan_mod.__file__).read_bytes()).hexdigest()[
    :12
]


def _kunci_versi(instansi_id):
    return f"lakip:versi-data:{instansi_id}"


def versi_data(instansi_id):
    """The current data version of the agency ``instansi_id`` (with the global
    version): a string that changes after every committed write to its data."""
    kunci = [_kunci_versi(instansi_id), _kunci_versi("semua")]
    ada = cache.get_many(kunci)
    for k in kunci:
        if k not in ada:
            ada[k] = uuid.uuid4().hex
            cache.add(k, ada[k], None)
            ada[k] = cache.get(k, ada[k])
    return f"{ada[kunci[0]]}.{ada[kunci[1]]}"


def ganti_versi(instansi_ids):
    """Replace the data version of each agency id in ``instansi_ids`` (``None``
    in it: the global version, hence every agency's)."""
    cache.set_many(
        {
            _kunci_versi("semua" if i is None else i): uuid.uuid4().hex
            for i in set(instansi_ids)
        },
        None,
    )


def _ambil(kunci_dasar, instansi, hitung):
    kunci = f"lakip:data:{_VERSI_KODE}:{kunci_dasar}:{versi_data(instansi.pk)}"
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = hitung()
        cache.set(kunci, hasil, WAKTU_SIMPAN)
    return hasil


def data_laporan(instansi, tahun, triwulan):
    """``laporan.data.bangun_data_laporan``, computed once per data version."""
    return _ambil(
        f"{instansi.pk}:{tahun}:{triwulan}",
        instansi,
        lambda: data_laporan_mod.bangun_data_laporan(instansi, tahun, triwulan),
    )


def data_laporan_tahun(instansi, tahun, sampai_triwulan):
    """``laporan.data.bangun_data_laporan_tahun``, computed once per data
    version."""
    return _ambil(
        f"{instansi.pk}:{tahun}:1-{sampai_triwulan}",
        instansi,
        lambda: data_laporan_mod.bangun_data_laporan_tahun(
            instansi, tahun, sampai_triwulan
        ),
    )


# -- which agency a row belongs to ---------------------------------------------------


def _jalur_ke_instansi(model):
    """Every chain of forward foreign keys from ``model`` to ``Instansi``,
    shortest first (a row may reach its agency by one of several optional
    owners, e.g. an indicator's sasaran or sub kegiatan)."""
    instansi_model = apps.get_model("lakip", "Instansi")
    jalur, antrean = [], deque([(model, ())])
    while antrean:
        m, langkah = antrean.popleft()
        if len(langkah) >= _KEDALAMAN_JALUR:
            continue
        for f in m._meta.concrete_fields:
            if not f.is_relation or f.related_model is None:
                continue
            if f.related_model is instansi_model:
                jalur.append((*langkah, f))
            elif f.related_model._meta.app_label in APLIKASI_DATA:
                antrean.append((f.related_model, (*langkah, f)))
    return jalur


_JALUR = {}


def instansi_dari(obj):
    """The ids of the agencies ``obj`` belongs to: ``{None}`` when none can be
    told (a row that belongs to every agency, or one whose owners are gone)."""
    model = type(obj)
    if model is apps.get_model("lakip", "Instansi"):
        return {obj.pk}
    if model not in _JALUR:
        _JALUR[model] = _jalur_ke_instansi(model)
    hasil = set()
    for jalur in _JALUR[model]:
        x = obj
        try:
            for f in jalur[:-1]:
                x = getattr(x, f.name)
                if x is None:
                    break
            else:
                nilai = getattr(x, jalur[-1].attname)
                if nilai is not None:
                    hasil.add(nilai)
        except Exception:  # noqa: BLE001 - a row deleted in the same cascade
            continue
    return hasil or {None}


def _setelah_tulis(sender, instance, raw=False, **kwargs):
    # loaddata (``raw``) writes rows whose owners may not be loaded yet.
    ids = {None} if raw else instansi_dari(instance)
    # Now, for reads later in the same transaction; again after the commit, for
    # a reader that computed from the rows before it meanwhile.
    ganti_versi(ids)
    transaction.on_commit(lambda: ganti_versi(ids))


def pasang_sinyal():
    """Connect the version change to every write of the data apps' models (from
    ``LaporanConfig.ready``)."""
    for label in APLIKASI_DATA:
        for model in apps.get_app_config(label).get_models():
            uid = f"versi-data:{model._meta.label}"
            post_save.connect(_setelah_tulis, sender=model, dispatch_uid=uid + "-s")
            post_delete.connect(_setelah_tulis, sender=model, dispatch_uid=uid + "-d")
            for f in model._meta.local_many_to_many:
                m2m_changed.connect(
                    _setelah_tulis,
                    sender=f.remote_field.through,
                    dispatch_uid=uid + f"-m-{f.name}",
                )
