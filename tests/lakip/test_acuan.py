"""lakip.acuan: a result pickled with references to a kept one resolves them to
that one's objects, in this process or another, and never to a wrong one."""

import pickle

import pytest

from lakip import acuan
from lakip.models import UnitKerja

pytestmark = pytest.mark.django_db


def _akar(instansi):
    """A kept result as ``tersimpan`` registers it: its model objects in its
    pickle's order."""
    akar = {
        "unit": list(
            UnitKerja.objects.filter(instansi=instansi).select_related("kepala")
        )
    }
    acuan.daftarkan(akar, acuan.simpan(akar, catat=True)[1])
    return akar


def _di_proses_lain(akar):
    """``akar`` as another process reads it back from the shared cache."""
    salinan, objek = acuan.muat(acuan.simpan(akar)[0], catat=True)
    acuan.daftarkan(salinan, objek)
    return salinan


def _hasil(akar):
    unit = akar["unit"]
    return {"terpilih": [unit[2], unit[0]], "kepala": unit[0].kepala, "angka": 7}


def test_the_objects_of_the_reference_are_not_copied(instansi):
    akar = _akar(instansi)
    isi, _ = acuan.simpan(_hasil(akar), akar)
    assert b"model_unpickle" not in isi
    assert len(isi) * 5 < len(pickle.dumps(_hasil(akar)))
    hasil, _ = acuan.muat(isi, akar)
    assert hasil["terpilih"][0] is akar["unit"][2]
    assert hasil["kepala"] is akar["unit"][0].kepala
    assert hasil["angka"] == 7


def test_another_process_resolves_them_to_its_own_copy(instansi):
    akar = _akar(instansi)
    isi, _ = acuan.simpan(_hasil(akar), akar)
    lain = _di_proses_lain(akar)
    hasil, _ = acuan.muat(isi, lain)
    assert hasil["terpilih"][0] is lain["unit"][2]
    assert hasil["terpilih"][1] is lain["unit"][0]
    assert [u.pk for u in hasil["terpilih"]] == [
        akar["unit"][2].pk,
        akar["unit"][0].pk,
    ]
    assert hasil["kepala"] is lain["unit"][0].kepala


def test_a_reference_computed_in_another_order_is_refused(instansi):
    akar = _akar(instansi)
    isi, _ = acuan.simpan(_hasil(akar), akar)
    lain = {"unit": list(reversed(_di_proses_lain(akar)["unit"]))}
    acuan.daftarkan(lain, acuan.simpan(lain, catat=True)[1])
    with pytest.raises(acuan.AcuanBerbeda):
        acuan.muat(isi, lain)


def test_a_reference_is_not_read_without_its_reference(instansi):
    akar = _akar(instansi)
    isi, _ = acuan.simpan(_hasil(akar), akar)
    with pytest.raises(acuan.AcuanBerbeda):
        pickle.loads(isi)


def test_a_forgotten_reference_is_indexed_again(instansi):
    akar = _akar(instansi)
    acuan._INDEKS.clear()
    hasil, _ = acuan.muat(acuan.simpan(_hasil(akar), akar)[0], akar)
    assert hasil["terpilih"][0] is akar["unit"][2]
