import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from renstra.models import Indikator, Program, SubKegiatan


def test_indicator_has_exactly_the_owner_of_its_level(instansi):
    sub = SubKegiatan.objects.first()
    program = Program.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(
            tingkat="program", sub_kegiatan=sub, nama="x", satuan="%"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(
            tingkat="program", program=program, sub_kegiatan=sub, nama="x", satuan="%"
        )
    ind = Indikator.objects.create(
        tingkat="sub_kegiatan", sub_kegiatan=sub, nama="x", satuan="%"
    )
    assert ind.induk == sub


def test_ratio_indicator_needs_components(instansi):
    ind = Indikator(
        tingkat="sub_kegiatan",
        sub_kegiatan=SubKegiatan.objects.first(),
        nama="Persentase x",
        satuan="%",
        jenis="rasio",
    )
    with pytest.raises(ValidationError, match="komponen pembilang dan penyebut"):
        ind.full_clean()
