"""What every document of one quarter reads: the report data, built once, and
the quarter's units, evaluated officials, attachments, meeting documents and
signed records. One ``Konteks`` serves the package, the signing list and the
PDF of one document."""

from dataclasses import dataclass
from functools import cached_property

from lakip.models import UnitKerja
from laporan.data_tersimpan import data_laporan
from laporan.kalender import susun_kalender
from laporan.lampiran import rapat
from laporan.lampiran.susun import pejabat_dievaluasi, susun_lampiran, terbit_periode

KELOMPOK_LAIN = "Lainnya"


@dataclass
class Konteks:
    """Everything is read when first needed: a document that does not print the
    report data (the invitation) does not build it."""

    instansi: object
    tahun: int
    triwulan: int
    data_awal: object = None  # the report data when the caller has it

    @cached_property
    def data(self):
        return self.data_awal or data_laporan(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def kalender(self):
        """The quarter's dates (``laporan.kalender``): the kinds' date rules
        read them."""
        return susun_kalender(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def terbit(self):
        """``(jenis, kunci) -> DokumenTerbit`` of the period (PDFs not loaded),
        read once."""
        return terbit_periode(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def lampiran(self):
        return susun_lampiran(
            self.instansi, self.tahun, self.triwulan, data=self.data, terbit=self.terbit
        )

    @cached_property
    def unit(self):
        return list(
            UnitKerja.objects.filter(instansi=self.instansi)
            .select_related("kepala")
            .order_by("urutan", "nama")
        )

    @cached_property
    def unit_per_pk(self):
        return {u.pk: u for u in self.unit}

    def unit_akar(self, unit_id):
        """The top-level unit ``unit_id`` belongs to (itself if top-level)."""
        unit = self.unit_per_pk.get(unit_id)
        while unit is not None and unit.induk_id is not None:
            unit = self.unit_per_pk.get(unit.induk_id)
        return unit

    def kelompok(self, unit):
        """The package group (bookmark) of a top-level ``unit`` (``None``: the
        last group)."""
        return unit.nama if unit is not None else KELOMPOK_LAIN

    def kelompok_pegawai(self, pegawai):
        return self.kelompok(self.unit_akar(pegawai.unit_id))

    @cached_property
    def pejabat(self):
        """Evaluated officials, hierarchy order."""
        return pejabat_dievaluasi(self.instansi, self.data)

    def pejabat_unit(self, unit):
        """The evaluated officials of ``unit`` (or of no unit when ``None``):
        the head first, then hierarchy order."""
        milik = [p for p in self.pejabat if self.unit_akar(p.unit_id) == unit]
        if unit is not None:
            milik.sort(key=lambda p: p.pk != unit.kepala_id)
        return milik

    @cached_property
    def sub_kegiatan(self):
        """The year's sub kegiatan in budget (Tabel 3.25) order."""
        return [
            s.objek for p in self.data.anggaran.anak for k in p.anak for s in k.anak
        ]

    @cached_property
    def pemilik_sub(self):
        """``pegawai pk -> [sub kegiatan]`` reported under that official, and
        ``("unit", top unit pk or None) -> [sub kegiatan]`` for the rest."""
        dievaluasi = {p.pk for p in self.pejabat}
        hasil = {}
        for sub in self.sub_kegiatan:
            pemilik = None
            if sub.pelaksana_id in dievaluasi:
                pemilik = sub.pelaksana_id
            else:
                unit = self.unit_per_pk.get(sub.unit_id)
                while unit is not None and pemilik is None:
                    if unit.kepala_id in dievaluasi:
                        pemilik = unit.kepala_id
                    unit = self.unit_per_pk.get(unit.induk_id)
            if pemilik is None:
                akar = self.unit_akar(sub.unit_id)
                pemilik = ("unit", akar.pk if akar else None)
            hasil.setdefault(pemilik, []).append(sub)
        return hasil

    @cached_property
    def undangan(self):
        return rapat.susun_undangan(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def daftar_hadir(self):
        """The general attendance list and the units' ones (empty without an
        invitation)."""
        if self.undangan is None:
            return []
        return rapat.susun_daftar_hadir(
            self.instansi, self.tahun, self.triwulan, undangan=self.undangan
        )

    @cached_property
    def rekomendasi(self):
        return rapat.susun_rekomendasi(self.instansi, self.tahun, self.triwulan)

    @cached_property
    def tabel_per_kunci(self):
        return {t.kunci: t for t in self.lampiran.tabel}

    @cached_property
    def pernyataan_per_pegawai(self):
        return {p.pegawai.pk: p for p in self.lampiran.pernyataan if p.pegawai}


def susun_konteks(instansi, tahun, triwulan, data=None, lampiran=None):
    """The context of ``instansi``'s quarter; ``data`` (and the attachments
    ``lampiran`` built from it) are reused when given."""
    if lampiran is not None:
        data = lampiran.data
    konteks = Konteks(instansi=instansi, tahun=tahun, triwulan=triwulan, data_awal=data)
    if lampiran is not None:
        konteks.lampiran = lampiran
        konteks.terbit = lampiran.terbit
    return konteks
