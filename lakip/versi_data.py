"""The data version of an agency: what lets a computed figure, table or page be
kept until the data it was computed from changes.

The version is a random token per agency and *layer*, kept in the shared cache
(the database cache in production, so every app server sees the same one). A
layer is what one group of apps writes:

- ``rencana``: the organisation and the plan (the models of ``lakip`` and
  ``renstra``);
- ``data``: what was achieved (the models of ``realisasi``);
- ``dokumen``: the records of the documents (signatures, meeting documents,
  prose, the evaluation; the models of ``laporan`` and above).

A reader names the *scope* its result depends on, a set of layers:
``RENCANA`` (the plan only: a realisation saved does not renew it), ``DATA``
(the plan and the realisations: every figure), ``DOKUMEN`` (all three) and
``DOKUMEN_RENCANA`` (the plan and the document records, not the realisations).

Every write to a model whose app connected its layer (``pasang_sinyal``, from
each app's ``AppConfig.ready``): a save, a delete, a many-to-many change,
including the admin and ``loaddata``, replaces the token of the agencies the row
belongs to at once and again when its transaction has committed; a write whose
agency cannot be told replaces the layer's global token, which is part of every
version. A reader takes the version before it computes (``tersimpan``), so a
result computed from rows older than a write is never stored under a version
taken after that write: a write is never followed by stale figures.
"""

import functools
import hashlib
import threading
import uuid
import zlib
from collections import OrderedDict, deque
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from lakip.acuan import AcuanBerbeda, daftarkan, muat, simpan

RENCANA = "rencana"
DATA = "data"
DOKUMEN = "dokumen"
DOKUMEN_RENCANA = "rencana+dokumen"
WAKTU_SIMPAN = 7 * 24 * 3600  # seconds; a version that is no longer read ages out
_KEDALAMAN_JALUR = 6
# The layers each scope's version is made of.
_CAKUPAN = {
    RENCANA: (RENCANA,),
    DATA: (RENCANA, DATA),
    DOKUMEN: (RENCANA, DATA, DOKUMEN),
    DOKUMEN_RENCANA: (RENCANA, DOKUMEN),
}


# Within one request, what this module read from the shared cache: the
# versions and the results, so a page that asks twice (the entry sheet read by
# the page and by the navbar's count) reads and unpickles once. Forgotten at
# every write of this thread (``ganti_versi``) and when the request ends; off
# outside a request.
_permintaan = threading.local()


def _memo():
    return getattr(_permintaan, "memo", None)


def _mulai_permintaan(**kwargs):
    _permintaan.memo = {}


def _akhiri_permintaan(**kwargs):
    _permintaan.memo = None


request_started.connect(_mulai_permintaan, dispatch_uid="versi-data:mulai-permintaan")
request_finished.connect(_akhiri_permintaan, dispatch_uid="versi-data:akhir-permintaan")


def _kunci_versi(lapisan, instansi_id):
    return f"lakip:versi-{lapisan}:{instansi_id}"


def versi(instansi_id, cakupan=DATA):
    """The current version of the agency ``instansi_id``'s data in the scope
    ``cakupan`` (its layers, with their global versions): a string that
    changes after every committed write to that data. Read once per request
    (until this request writes): a result computed after it is never older
    than it."""
    memo = _memo()
    if memo is not None and ("versi", instansi_id, cakupan) in memo:
        return memo[("versi", instansi_id, cakupan)]
    kunci = [
        _kunci_versi(lap, i)
        for lap in _CAKUPAN[cakupan]
        for i in (instansi_id, "semua")
    ]
    ada = cache.get_many(kunci)
    for k in kunci:
        if k not in ada:
            ada[k] = uuid.uuid4().hex
            cache.add(k, ada[k], None)
            ada[k] = cache.get(k, ada[k])
    hasil = ".".join(ada[k] for k in kunci)
    if memo is not None:
        memo[("versi", instansi_id, cakupan)] = hasil
    return hasil


def versi_data(instansi_id):
    """``versi(instansi_id, DATA)``."""
    return versi(instansi_id, DATA)


def ganti_versi(instansi_ids, lapisan=DATA):
    """Replace the ``lapisan`` version of each agency id in ``instansi_ids``
    (``None`` in it: the layer's global version, hence every agency's)."""
    memo = _memo()
    if memo is not None:
        memo.clear()
    cache.set_many(
        {
            _kunci_versi(lapisan, "semua" if i is None else i): uuid.uuid4().hex
            for i in set(instansi_ids)
        },
        None,
    )


@functools.cache
def sidik_kode():
    """A fingerprint of the templates and the project's apps' code (read once
    per process): a result of an older deployment is never read by a newer
    one."""
    akar = Path(settings.BASE_DIR)
    aplikasi = sorted(p.parent.name for p in akar.glob("*/apps.py"))
    h = hashlib.sha256()
    for pola in ["templates/**/*.html", *(f"{a}/**/*.py" for a in aplikasi)]:
        for berkas in sorted(akar.glob(pola)):
            h.update(berkas.read_bytes())
    return h.hexdigest()[:12]


# Results kept in this process too (``tersimpan(..., proses=True)``): what is
# read of the plan, which many pages of every request rebuild the figures from
# and no caller changes. Keyed by the version, so a write is never followed
# by a stale one; the oldest is forgotten first.
_PROSES = OrderedDict()
_BATAS_PROSES = 256


def _ingat(kunci, hasil, objek):
    """Remember ``hasil`` of ``kunci`` (key and version) for the rest of the
    request and, given its model objects ``objek`` (``proses``), in the process,
    where other results may refer to them (``lakip.acuan``)."""
    memo = _memo()
    if memo is not None:
        memo[kunci] = hasil
    if objek is not None:
        _PROSES[kunci] = hasil
        _PROSES.move_to_end(kunci)
        daftarkan(hasil, objek)
        while len(_PROSES) > _BATAS_PROSES:
            _PROSES.popitem(last=False)


def tersimpan(kunci, instansi_id, hitung, cakupan=DATA, proses=False, acuan=None):
    """``hitung()`` kept in the shared cache under ``kunci`` with the agency's
    current version of the scope ``cakupan`` and the code's fingerprint
    (``sidik_kode``): computed again only after a write to that data or a new
    deployment. ``kunci`` must name everything else the result depends on (the
    agency, the period, the options).

    One entry per ``kunci``, holding the version it was computed under: a new
    version replaces the entry, so the cache does not grow with every write.
    The result is stored pickled and compressed (the year's report data is a
    third of a megabyte pickled, a sixth of it compressed; the database cache
    writes and reads it at every change).

    ``proses``: the result is also kept in this process, and the same object
    is returned to every caller of that version: only for results no caller
    changes (what is read of the plan).

    ``acuan``: a function returning the kept (``proses``) result this one is
    computed from, whose scope ``cakupan`` includes; the objects of it that
    the result holds are stored as references to it (``lakip.acuan``), not
    copied. A reference that does not match is a miss: computed again."""
    v = versi(instansi_id, cakupan)
    k = f"lakip:simpanan:{sidik_kode()}:{kunci}"
    memo = _memo()
    if memo is not None and (k, v) in memo:
        return memo[(k, v)]
    if proses and (k, v) in _PROSES:
        _PROSES.move_to_end((k, v))
        return _PROSES[(k, v)]
    simpanan = cache.get(k)
    if simpanan is not None and simpanan[0] == v:
        try:
            hasil, objek = muat(
                zlib.decompress(simpanan[1]), acuan() if acuan else None, proses
            )
        except AcuanBerbeda:
            pass
        else:
            _ingat((k, v), hasil, objek)
            return hasil
    hasil = hitung()
    isi, objek = simpan(hasil, acuan() if acuan else None, proses)
    cache.set(k, (v, zlib.compress(isi, 1)), WAKTU_SIMPAN)
    # After hitung(), which may have written and so forgotten the memo.
    _ingat((k, v), hasil, objek)
    # A write after this in the same transaction replaces the version again
    # (``_tandai``).
    sambungan = transaction.get_connection()
    sambungan._lakip_baca = getattr(sambungan, "_lakip_baca", 0) + 1
    return hasil


# -- which agency a row belongs to ---------------------------------------------------


def _langsung(model, instansi_model):
    """``model``'s own non-null foreign key to ``Instansi``, or None."""
    for f in model._meta.concrete_fields:
        if f.is_relation and f.related_model is instansi_model and not f.null:
            return f
    return None


def _jalur_ke_instansi(model):
    """Every chain of forward foreign keys from ``model`` to ``Instansi``,
    shortest first (a row may reach its agency by one of several optional
    owners, e.g. an indicator's sasaran or sub kegiatan). A chain ends at the
    first model with its own non-null key to the agency (its other owners
    belong to that same agency). Only the project's own models are walked
    (not the users or Django's tables)."""
    instansi_model = apps.get_model("lakip", "Instansi")
    sendiri = set(_LAPISAN_APLIKASI)
    jalur, antrean = [], deque([(model, ())])
    while antrean:
        m, langkah = antrean.popleft()
        langsung = _langsung(m, instansi_model)
        if langsung is not None:
            jalur.append((*langkah, langsung))
            continue
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


def _kelompok_jalur(model):
    """``model``'s chains to its agency grouped by their first step:
    ``((first foreign key, (lookup from its owner, ...)), ...)``; a lookup is
    "" for a one-step chain (the row's own key to the agency)."""
    kelompok = {}
    for j in _jalur_ke_instansi(model):
        kelompok.setdefault(j[0], []).append("__".join(f.name for f in j[1:]))
    return tuple((f, tuple(lookup)) for f, lookup in kelompok.items())


_JALUR = {}
_LAPISAN_APLIKASI = {}  # app label -> layer
# (model of the first step, its pk, the lookups) -> agency ids: the chain from
# a row's owner to its agency does not change (no screen moves a plan element
# to another agency), so it is looked up once per process.
_PEMILIK = {}
_BATAS_PEMILIK = 20000


def _instansi_lewat(obj, langkah, lookup):
    """The agency ids ``obj`` reaches by its foreign key ``langkah`` then by
    ``lookup`` from that owner: its own key when the chain is one step, else
    the first of the owner's chains (shortest first) that reaches an agency,
    one small query each (remembered), which works for a deleted row too.
    Every chain of a row reaches the same agency, so the first is enough; one
    query joining them all costs more to plan than the few it replaces."""
    nilai = getattr(obj, langkah.attname)
    if nilai is None or lookup == ("",):
        return {nilai}
    kunci = (langkah.related_model, nilai, lookup)
    if kunci not in _PEMILIK:
        if len(_PEMILIK) > _BATAS_PEMILIK:
            _PEMILIK.clear()
        pemilik = langkah.related_model._base_manager.filter(pk=nilai)
        _PEMILIK[kunci] = set()
        for jalan in lookup:
            instansi_id = pemilik.values_list(jalan, flat=True).first()
            if instansi_id is not None:
                _PEMILIK[kunci] = {instansi_id}
                break
    return _PEMILIK[kunci]


def instansi_dari(obj):
    """The ids of the agencies ``obj`` belongs to: ``{None}`` when none can be
    told (a row that belongs to every agency, or one whose owners are gone).
    Only an owner the process has not seen yet costs queries."""
    model = type(obj)
    if model is apps.get_model("lakip", "Instansi"):
        return {obj.pk}
    if model not in _JALUR:
        _JALUR[model] = _kelompok_jalur(model)
    hasil = set()
    for langkah, lookup in _JALUR[model]:
        hasil |= _instansi_lewat(obj, langkah, lookup)
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
    lapisan = _LAPISAN_APLIKASI[model._meta.app_label]
    # loaddata (``raw``) writes rows whose owners may not be loaded yet.
    ids = {None} if raw else instansi_dari(instance)
    _tandai(ids, lapisan)


def pasang_sinyal(label_aplikasi, lapisan, kecuali=()):
    """Connect the version change of ``lapisan`` to every write of the models
    of the app ``label_aplikasi`` (called from that app's ``ready``), except
    the models named in ``kecuali``: what no result is computed from (a cache
    of the app's own)."""
    _LAPISAN_APLIKASI[label_aplikasi] = lapisan
    _JALUR.clear()
    for model in apps.get_app_config(label_aplikasi).get_models():
        if model.__name__ in kecuali:
            continue
        uid = f"versi-{lapisan}:{model._meta.label}"
        post_save.connect(_setelah_tulis, sender=model, dispatch_uid=uid + "-s")
        post_delete.connect(_setelah_tulis, sender=model, dispatch_uid=uid + "-d")
        for f in model._meta.local_many_to_many:
            m2m_changed.connect(
                _setelah_tulis,
                sender=f.remote_field.through,
                dispatch_uid=uid + f"-m-{f.name}",
            )
