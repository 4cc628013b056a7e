"""The LKE's scores, computed once from the answers: a criterion's value is the
value of the answer that counts (the evaluator's over the agency's; unanswered
counts 0); a sub component's value is its weight × the mean of its criteria's
values, rounded half up to two decimals (as the worksheet prints it); a
component's value is the sum of its sub components, and the total the sum of
the components. The predikat follows the bands of PermenPAN-RB 88/2021."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from evaluasi.models import (
    BuktiKriteria,
    JawabanKriteria,
    KomponenLke,
    KriteriaLke,
    SubKomponenLke,
)
from lakip.perhitungan import bulatkan

NOL = Decimal(0)

# (lower bound, exclusive; predikat), highest first; ≤ 30 is D.
PREDIKAT = [
    (Decimal(90), "AA"),
    (Decimal(80), "A"),
    (Decimal(70), "BB"),
    (Decimal(60), "B"),
    (Decimal(50), "CC"),
    (Decimal(30), "C"),
]


def predikat(nilai):
    """The predikat of a total score: AA > 90, A > 80, BB > 70, B > 60, CC > 50,
    C > 30, D ≤ 30."""
    for batas, huruf in PREDIKAT:
        if nilai > batas:
            return huruf
    return "D"


@dataclass
class NilaiKriteria:
    kriteria: KriteriaLke
    jawaban: JawabanKriteria | None
    bobot: Decimal  # the share of the sub component's weight this criterion holds

    @property
    def pilihan(self):
        return self.jawaban.jawaban_berlaku if self.jawaban else None

    @property
    def nilai(self):
        return self.pilihan.nilai if self.pilihan else NOL

    @property
    def hilang(self):
        """Weight lost on this criterion: its share × (1 − value)."""
        return self.bobot * (1 - self.nilai)

    @property
    def bukti(self):
        return list(self.jawaban.bukti.all()) if self.jawaban else []


@dataclass
class NilaiSubKomponen:
    sub_komponen: SubKomponenLke
    kriteria: list[NilaiKriteria] = field(default_factory=list)

    @property
    def nilai(self):
        if not self.kriteria:
            return NOL
        rata = sum((k.nilai for k in self.kriteria), NOL) / len(self.kriteria)
        return bulatkan(self.sub_komponen.bobot * rata)


@dataclass
class NilaiKomponen:
    komponen: KomponenLke
    sub_komponen: list[NilaiSubKomponen] = field(default_factory=list)

    @property
    def nilai(self):
        return sum((s.nilai for s in self.sub_komponen), NOL)


@dataclass
class HasilLke:
    tahun: int
    penilaian: object
    komponen: list[NilaiKomponen]

    @property
    def nilai(self):
        return sum((k.nilai for k in self.komponen), NOL)

    @property
    def predikat(self):
        return predikat(self.nilai)

    @property
    def semua_kriteria(self):
        return [k for km in self.komponen for s in km.sub_komponen for k in s.kriteria]

    def celah(self, batas=None):
        """Criteria that lose weight, the most weight lost first ("what would
        raise the score most")."""
        daftar = [k for k in self.semua_kriteria if k.hilang > 0]
        daftar.sort(key=lambda k: (-k.hilang, k.kriteria.sub_komponen.kode))
        return daftar[:batas] if batas else daftar


def struktur(tahun):
    """The LKE components of ``tahun`` with sub components, their answer
    options and criteria prefetched (a fixed number of queries)."""
    return list(
        KomponenLke.objects.filter(tahun=tahun).prefetch_related(
            Prefetch(
                "sub_komponen",
                queryset=SubKomponenLke.objects.select_related(
                    "skala"
                ).prefetch_related("skala__pilihan", "kriteria"),
            )
        )
    )


def hitung(penilaian, tahun=None):
    """The scores of ``penilaian`` (a ``PenilaianLke``; None for an empty LKE of
    ``tahun``)."""
    tahun = penilaian.tahun if penilaian is not None else tahun
    jawaban = {}
    if penilaian is not None:
        jawaban = {
            j.kriteria_id: j
            for j in JawabanKriteria.objects.filter(penilaian=penilaian)
            .select_related("jawaban", "jawaban_evaluator")
            .prefetch_related(
                Prefetch("bukti", queryset=BuktiKriteria.objects.defer("isi"))
            )
        }
    komponen = []
    for km in struktur(tahun):
        nk = NilaiKomponen(km)
        for sub in km.sub_komponen.all():
            kriteria = list(sub.kriteria.all())
            bagian = sub.bobot / len(kriteria) if kriteria else NOL
            nk.sub_komponen.append(
                NilaiSubKomponen(
                    sub, [NilaiKriteria(k, jawaban.get(k.pk), bagian) for k in kriteria]
                )
            )
        komponen.append(nk)
    return HasilLke(tahun, penilaian, komponen)
