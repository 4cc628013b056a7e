"""The data version of an agency: what lets a computed figure, table or page be
kept until the data it was computed from changes.

The version is a random token per agency and *layer*, kept in the shared cache
(the database cache in production, so every app server sees the same one):

- ``data``: the plan and what was achieved (the models of ``lakip``,
  ``renstra`` and ``realisasi``); every figure depends on it;
- ``dokumen``: the records of the documents (signatures, meeting documents,
  prose; the models of ``laporan`` and above); a layer's version includes the
  ``data`` version, so a page listing documents changes with either.

Every write to a model whose app connected the layer (``pasang_sinyal``, from
each app's ``AppConfig.ready``): a save, a delete, a many-to-many change,
including the admin and ``loaddata``, replaces the token of the agencies the row
belongs to at once and again when its transaction has committed; a write whose
agency cannot be told replaces the layer's global token, which is part of every
version. A reader takes the version before it computes (``tersimpan``), so a
result computed from rows older than a write is never stored under a version
taken after that write: a write is never followed by stale figures.
"""

import uuid
from collections import deque

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

DATA = "data"
DOKUMEN = "dokumen"
WAKTU_SIMPAN = 7 * 24 * 3600  # seconds; a version that is no longer read ages out
_KEDALAMAN_JALUR = 6
# The layers a layer's version includes, itself last.
_CAKUPAN = {DATA: (DATA,), DOKUMEN: (DATA, DOKUMEN)}


def _kunci_versi(lapisan, instansi_id):
    return f"lakip:versi-{lapisan}:{instansi_id}"


def versi(instansi_id, lapisan=DATA):
    """The current version of the agency ``instansi_id``'s ``lapisan`` (with the
    global versions and the layers it includes): a string that changes after
    every committed write to that data."""
    kunci = [
        _kunci_versi(lap, i)
        for lap in _CAKUPAN[lapisan]
        for i in (instansi_id, "semua")
    ]
    ada = cache.get_many(kunci)
    for k in kunci:
        if k not in ada:
            ada[k] = uuid.uuid4().hex
            cache.add(k, ada[k], None)
            ada[k] = cache.get(k, ada[k])
    return ".".join(ada[k] for k in kunci)


def versi_data(instansi_id):
    """``versi(instansi_id, DATA)``."""
    return versi(instansi_id, DATA)


def ganti_versi(instansi_ids, lapisan=DATA):
    """Replace the ``lapisan`` version of each agency id in ``instansi_ids``
    (``None`` in it: the layer's global version, hence every agency's)."""
    cache.set_many(
        {
            _kunci_versi(lapisan, "semua" if i is None else i): uuid.uuid4().hex
            for i in set(instansi_ids)
        },
        None,
    )


def tersimpan(kunci, instansi_id, hitung, lapisan=DATA):
    """``hitung()`` kept in the shared cache under ``kunci`` and the agency's
    current ``lapisan`` version: computed again only after a write to that
    data. ``kunci`` must name everything else the result depends on (the
    agency, the period, the code's version)."""
    k = f"lakip:tersimpan:{kunci}:{versi(instansi_id, lapisan)}"
    hasil = cache.get(k)
    if hasil is None:
        hasil = hitung()
        cache.set(k, hasil, WAKTU_SIMPAN)
        # A write after this in the same transaction replaces the version
        # again (``_tandai``).
        sambungan = transaction.get_connection()
        sambungan._lakip_baca = getattr(sambungan, "_lakip_baca", 0) + 1
    return hasil


# -- which agency a row belongs to ---------------------------------------------------


def _jalur_ke_instansi(model):
    """Every chain of forward foreign keys from ``model`` to ``Instansi``,
    shortest first (a row may reach its agency by one of several optional
    owners, e.g. an indicator's sasaran or sub kegiatan). Only the project's
    own models are walked (not the users or Django's tables)."""
    instansi_model = apps.get_model("lakip", "Instansi")
    sendiri = {label for label, _ in _LAPISAN_APLIKASI.items()}
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
            elif f.related_model._meta.app_label in sendiri:
                antrean.append((f.related_model, (*langkah, f)))
    return jalur


_JALUR = {}
_LAPISAN_APLIKASI = {}  # app label -> layer
# (model of the first hop, its pk, the path) -> agency id: the chain from a
# row's owner to its agency does not change (no screen moves a plan element
# to another agency), so it is looked up once per process.
_PEMILIK = {}
_BATAS_PEMILIK = 20000


def _instansi_lewat(obj, jalur):
    """The agency id ``obj`` reaches along ``jalur`` (None when it reaches
    none): its own foreign key when the path is one step, else one query
    from the first owner (remembered), which works for a deleted row too."""
    nilai = getattr(obj, jalur[0].attname)
    if nilai is None or len(jalur) == 1:
        return nilai
    kunci = (jalur[0].related_model, nilai, jalur)
    if kunci not in _PEMILIK:
        if len(_PEMILIK) > _BATAS_PEMILIK:
            _PEMILIK.clear()
        lookup = "__".join(f.name for f in jalur[1:])
        _PEMILIK[kunci] = (
            jalur[0]
            .related_model._base_manager.filter(pk=nilai)
            .values_list(lookup, flat=True)
            .first()
        )
    return _PEMILIK[kunci]


def instansi_dari(obj):
    """The ids of the agencies ``obj`` belongs to: ``{None}`` when none can be
    told (a row that belongs to every agency, or one whose owners are gone)."""
    model = type(obj)
    if model is apps.get_model("lakip", "Instansi"):
        return {obj.pk}
    if model not in _JALUR:
        _JALUR[model] = tuple(tuple(j) for j in _jalur_ke_instansi(model))
    hasil = {_instansi_lewat(obj, jalur) for jalur in _JALUR[model]}
    hasil.discard(None)
    return hasil or {None}


class _Tanda:
    """The versions a transaction has replaced: ``segera`` since the last read
    that computed something on this connection (``baca``), ``nanti`` to replace
    again when the transaction commits."""

    def __init__(self, baca):
        self.baca = baca
        self.segera = set()
        self.nanti = set()

    def selesai(self):
        _ganti_semua(self.nanti)
        self.nanti.clear()


def _ganti_semua(pasangan):
    for lap in {lap for _i, lap in pasangan}:
        ganti_versi({i for i, x in pasangan if x == lap}, lap)


def _tandai(ids, lapisan):
    """Replace the versions of ``ids`` in ``lapisan`` after a write.

    Outside a transaction: at once. Inside one: at once unless this
    transaction replaced them already and nothing was computed since on this
    connection (a read in between would have stored figures without this
    write), and once more when the transaction commits (for a reader on
    another connection that computed from the rows before it meanwhile). A
    save of many rows thus costs two replacements, not two per row."""
    sambungan = transaction.get_connection()
    if not sambungan.in_atomic_block:
        ganti_versi(ids, lapisan)
        return
    tanda = getattr(sambungan, "_lakip_tanda", None)
    terdaftar = tanda is not None and any(
        c[1] == tanda.selesai for c in sambungan.run_on_commit
    )
    baca = getattr(sambungan, "_lakip_baca", 0)
    if not terdaftar:
        # A new transaction (the last one committed or rolled back).
        tanda = sambungan._lakip_tanda = _Tanda(baca)
        transaction.on_commit(tanda.selesai)
    if tanda.baca != baca:
        tanda.segera.clear()
        tanda.baca = baca
    baru = {(i, lapisan) for i in ids}
    _ganti_semua(baru - tanda.segera)
    tanda.segera |= baru
    tanda.nanti |= baru


def _setelah_tulis(sender, instance, raw=False, **kwargs):
    model = sender if hasattr(sender, "_meta") else type(instance)
    lapisan = _LAPISAN_APLIKASI.get(model._meta.app_label, DATA)
    # loaddata (``raw``) writes rows whose owners may not be loaded yet.
    ids = {None} if raw else instansi_dari(instance)
    _tandai(ids, lapisan)


def pasang_sinyal(label_aplikasi, lapisan=DATA):
    """Connect the version change of ``lapisan`` to every write of the models
    of the app ``label_aplikasi`` (called from that app's ``ready``)."""
    _LAPISAN_APLIKASI[label_aplikasi] = lapisan
    _JALUR.clear()
    for model in apps.get_app_config(label_aplikasi).get_models():
        uid = f"versi-{lapisan}:{model._meta.label}"
        post_save.connect(_setelah_tulis, sender=model, dispatch_uid=uid + "-s")
        post_delete.connect(_setelah_tulis, sender=model, dispatch_uid=uid + "-d")
        for f in model._meta.local_many_to_many:
            m2m_changed.connect(
                _setelah_tulis,
                sender=f.remote_field.through,
                dispatch_uid=uid + f"-m-{f.name}",
            )
