"""Who may see and change which unit's quarterly entries.

Operator unit and Kepala unit work on their own unit and its sub-units (the
Sekretariat's Subbagian); Perencanaan, Pimpinan and Pemeriksa see every unit of
their agency. Only Operator unit and Kepala unit change values; only the
Kepala unit submits; Perencanaan verifies, returns, opens and closes quarters and
unlocks; Pimpinan approves.
"""

from lakip.akses import instansi_pengguna, pegawai_pengguna
from lakip.peran import Peran, peran_pengguna
from lakip.selectors import unit_instansi

PERAN_SEMUA_UNIT = {Peran.PERENCANAAN, Peran.PIMPINAN, Peran.PEMERIKSA}
PERAN_PENGISI = {Peran.OPERATOR_UNIT, Peran.KEPALA_UNIT}


def _unit_dan_turunan(unit):
    hasil, antrean = [], [unit]
    semua = unit_instansi(unit.instansi_id)
    while antrean:
        u = antrean.pop()
        hasil.append(u)
        antrean.extend(a for a in semua if a.induk_id == u.pk)
    return hasil


def unit_sendiri(user):
    """The units the user fills in: their staff record's unit and its sub-units
    (empty without a staff record or an Operator/Kepala unit role)."""
    pegawai = pegawai_pengguna(user)
    if pegawai is None or pegawai.unit is None:
        return []
    if not peran_pengguna(user) & PERAN_PENGISI:
        return []
    return _unit_dan_turunan(pegawai.unit)


def unit_terlihat(user):
    """Every unit the user may see, in the agency's order."""
    instansi = instansi_pengguna(user)
    if instansi is None:
        return []
    if peran_pengguna(user) & PERAN_SEMUA_UNIT:
        return list(unit_instansi(instansi.pk))
    sendiri = {u.pk for u in unit_sendiri(user)}
    return [u for u in unit_instansi(instansi.pk) if u.pk in sendiri]


def boleh_melihat(user, unit):
    return unit.pk in {u.pk for u in unit_terlihat(user)}


def boleh_mengisi(user, unit):
    return unit.pk in {u.pk for u in unit_sendiri(user)}
