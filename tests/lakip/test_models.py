import pytest
from django.core.exceptions import ValidationError

from lakip.models import Pegawai


def test_nip_must_be_18_digits(instansi):
    pegawai = Pegawai(
        instansi=instansi,
        nama="UJI",
        jabatan="Staf",
        jenis_jabatan=Pegawai.JenisJabatan.PELAKSANA,
        nip="19810511 199912 1001",
    )
    with pytest.raises(ValidationError) as exc:
        pegawai.full_clean()
    assert "NIP harus terdiri atas 18 angka" in str(exc.value)
    pegawai.nip = "198105111999121009"
    pegawai.full_clean()


def test_printed_name_rank_and_nip(instansi):
    kadis = Pegawai.objects.get(instansi=instansi, nama="KAMAL RASYID")
    assert kadis.nama_lengkap == "KAMAL RASYID, S.STP"
    assert kadis.pangkat == "Pembina Utama Muda"
    assert kadis.golongan == "IV/c"
    assert kadis.nip_cetak == "19810511 199912 1 001"
