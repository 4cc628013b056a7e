"""Pickling a result with references to a result kept in the process.

A result kept in the process (``tersimpan(..., proses=True)``: what is read of
the plan) is pickled once, when it is computed, and unpickled once per process,
when another process computed it. A result computed *from* it (the year's report
data, built from the plan) holds hundreds of its model objects; pickling them
again with every new result (Django's ``Model.__reduce__`` copies each object's
state) cost more than computing the figures.

``simpan(hasil, akar)`` pickles the model objects of ``akar`` that ``hasil``
holds as references: their position among the model objects of ``akar`` in the
order ``akar``'s own pickle holds them (the order pickle meets them when
``akar`` is stored, the order they are created when it is read back: the same
in every process), with their model and primary key. ``muat(isi, akar)`` reads
each reference back as the object of this process's ``akar`` at that position,
after checking its model and key: if another object is there (``akar`` was
computed again, in another order), it raises ``AcuanBerbeda`` and the caller
computes the result again. A reference never resolves to a wrong object.
"""

import io
import pickle
from collections import OrderedDict

from django.db.models import Model
from django.db.models.base import model_unpickle

_BATAS = 256
# id(akar) -> (akar, its model objects in pickle order, {id(object): position});
# ``akar`` is held so that its id is not reused while it is listed.
_INDEKS = OrderedDict()


class AcuanBerbeda(Exception):
    """A reference does not match the object at its position in this process."""


def _acuan(posisi, label, pk):
    # What a reference unpickles to without ``muat`` (which resolves it).
    raise AcuanBerbeda("Referensi hanya dapat dibaca dengan lakip.acuan.muat.")


class _Pickler(pickle.Pickler):
    def __init__(self, berkas, posisi, catat):
        super().__init__(berkas, pickle.HIGHEST_PROTOCOL)
        self.posisi = posisi
        self.objek = [] if catat else None

    def reducer_override(self, obj):
        # Called once per object (a second meeting is a memo reference).
        i = self.posisi.get(id(obj))
        if i is not None:
            return _acuan, (i, obj._meta.label_lower, obj.pk)
        if self.objek is not None and isinstance(obj, Model):
            self.objek.append(obj)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    def __init__(self, berkas, daftar, catat):
        super().__init__(berkas)
        self.daftar = daftar
        self.objek = [] if catat else None

    def find_class(self, module, name):
        if module == __name__ and name == "_acuan":
            return self._ambil
        if (
            self.objek is not None
            and module == model_unpickle.__module__
            and name == model_unpickle.__name__
        ):
            return self._buat
        return super().find_class(module, name)

    def _buat(self, class_id):
        obj = model_unpickle(class_id)
        self.objek.append(obj)
        return obj

    def _ambil(self, posisi, label, pk):
        if posisi >= len(self.daftar):
            raise AcuanBerbeda(f"Tidak ada objek ke-{posisi} pada acuan.")
        obj = self.daftar[posisi]
        if obj._meta.label_lower != label or obj.pk != pk:
            raise AcuanBerbeda(f"Objek ke-{posisi} pada acuan bukan {label} {pk}.")
        return obj


def daftarkan(akar, objek):
    """Record ``objek``, the model objects of ``akar`` in its pickle's order
    (what ``simpan``/``muat`` with ``catat`` return), so that ``akar`` may be
    the reference of other results."""
    _INDEKS[id(akar)] = (akar, objek, {id(o): i for i, o in enumerate(objek)})
    _INDEKS.move_to_end(id(akar))
    while len(_INDEKS) > _BATAS:
        _INDEKS.popitem(last=False)


def _indeks(akar):
    ada = _INDEKS.get(id(akar))
    if ada is None or ada[0] is not akar:
        # Forgotten (or never recorded): its pickle's order, read again.
        daftarkan(akar, simpan(akar, catat=True)[1])
        ada = _INDEKS[id(akar)]
    return ada


def simpan(hasil, akar=None, catat=False):
    """``(pickled bytes, model objects)``: ``hasil`` pickled, the model objects
    of ``akar`` in it as references; with ``catat``, the model objects
    pickled with it, in the pickle's order (else None)."""
    berkas = io.BytesIO()
    posisi = _indeks(akar)[2] if akar is not None else {}
    p = _Pickler(berkas, posisi, catat)
    p.dump(hasil)
    return berkas.getvalue(), p.objek


def muat(isi, akar=None, catat=False):
    """``(result, model objects)``: what ``simpan`` pickled, its references
    resolved against ``akar`` (``AcuanBerbeda`` if one does not match); with
    ``catat``, the model objects it created, in order (else None)."""
    daftar = _indeks(akar)[1] if akar is not None else []
    u = _Unpickler(io.BytesIO(isi), daftar, catat)
    return u.load(), u.objek
