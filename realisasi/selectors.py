"""Read access to realisations, keyed for lookup. One query per function."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from lakip.perhitungan import RASIO, kas_kumulatif, nilai_rasio, terhitung
from realisasi.models import RealisasiAnggaran, RealisasiBelanja, RealisasiIndikator

# Dictionaries are built from these reads: ordered by their own columns (the
# models' default orders pass through the indicator's, sub kegiatan's or
# unit's own, a join and a sort each).
_URUT_INDIKATOR = ("indikator_id", "tahun", "triwulan")


def realisasi_indikator(indikator, tahun_tahun):
    """``{(indikator_id, tahun): {triwulan: RealisasiIndikator}}`` for the given
    indicators (objects or ids) and years."""
    hasil = defaultdict(dict)
    for r in RealisasiIndikator.objects.filter(
        indikator__in=indikator, tahun__in=tahun_tahun
    ).order_by(*_URUT_INDIKATOR):
        hasil[(r.indikator_id, r.tahun)][r.triwulan] = r
    return hasil


@dataclass(frozen=True)
class NilaiRealisasi:
    """What a report reads of one realisation of an indicator."""

    nilai: object
    pembilang: object
    penyebut: object
    keterangan: str


def nilai_realisasi_indikator(indikator, tahun_tahun):
    """``realisasi_indikator`` for reading: ``{(indikator_id, tahun): {triwulan:
    NilaiRealisasi}}``, the values only (no model rows to build)."""
    hasil = defaultdict(dict)
    for (
        ind_id,
        tahun,
        tw,
        nilai,
        pembilang,
        penyebut,
        ket,
    ) in (
        RealisasiIndikator.objects.filter(
            indikator__in=indikator, tahun__in=tahun_tahun
        )
        .order_by(*_URUT_INDIKATOR)
        .values_list(
            "indikator_id",
            "tahun",
            "triwulan",
            "nilai",
            "pembilang",
            "penyebut",
            "keterangan",
        )
    ):
        hasil[(ind_id, tahun)][tw] = NilaiRealisasi(nilai, pembilang, penyebut, ket)
    return hasil


def nilai_realisasi(indikator, realisasi):
    """The realised value of one entry: for a ratio indicator computed from its
    components (unrounded), else the stored value; None if there is no entry."""
    if realisasi is None:
        return None
    if indikator.jenis == RASIO:
        return nilai_rasio(realisasi.pembilang, realisasi.penyebut, indikator.pengali)
    return realisasi.nilai


def realisasi_anggaran(sub_kegiatan):
    """``{sub_kegiatan_id: {triwulan: jumlah}}``: money spent up to each quarter's
    end, for the given sub kegiatan (objects or ids)."""
    hasil = defaultdict(dict)
    for sub_id, tw, jumlah in (
        RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub_kegiatan)
        .order_by("sub_kegiatan_id", "triwulan")
        .values_list("sub_kegiatan_id", "triwulan", "jumlah")
    ):
        hasil[sub_id][tw] = jumlah
    return hasil


def realisasi_belanja(rincian):
    """``{rincian_id: {triwulan: jumlah}}`` for the given expenditure lines."""
    hasil = defaultdict(dict)
    for rincian_id, tw, jumlah in (
        RealisasiBelanja.objects.filter(rincian__in=rincian)
        .order_by("rincian_id", "triwulan")
        .values_list("rincian_id", "triwulan", "jumlah")
    ):
        hasil[rincian_id][tw] = jumlah
    return hasil


def entri_triwulan(instansi, tahun, triwulan):
    """``{unit_id: EntriTriwulan}`` of every unit of ``instansi`` that has a
    workflow record for the quarter; a unit without one is in Draf."""
    from realisasi.models import EntriTriwulan

    return {
        e.unit_id: e
        for e in EntriTriwulan.objects.filter(
            unit__instansi=instansi, tahun=tahun, triwulan=triwulan
        ).order_by()
    }


@dataclass
class BarisIsian:
    """One indicator on a unit's entry sheet."""

    indikator: object
    target_tw: object
    target_tahun: object
    realisasi: object  # RealisasiIndikator of the quarter, or None
    nilai_lalu: object  # the previous quarter's value, or None

    @property
    def nilai(self):
        return nilai_realisasi(self.indikator, self.realisasi)

    @property
    def terisi(self):
        return terhitung(self.nilai)


@dataclass
class BlokSubKegiatan:
    """A sub kegiatan on the entry sheet: its budget and its indicators."""

    sub_kegiatan: object
    anggaran: object  # AnggaranSubKegiatan in force, or None
    kas_kumulatif: int
    realisasi_anggaran: object  # int up to the quarter's end, or None
    realisasi_lalu: object  # int up to the previous quarter's end, or None
    rincian: list  # [(RincianBelanja, realisasi int or None)]
    indikator: list  # [BarisIsian]


@dataclass
class LembarEntri:
    unit: object
    tahun: int
    triwulan: int
    entri: object  # EntriTriwulan (unsaved, in Draf, when none exists yet)
    blok: list
    indikator_unit: list  # program/kegiatan indicators owned by the unit's staff

    def semua_indikator(self):
        per_blok = [b for blok in self.blok for b in blok.indikator]
        return [*self.indikator_unit, *per_blok]

    @property
    def jumlah_indikator(self):
        return len(self.semua_indikator())

    @property
    def jumlah_terisi(self):
        return sum(1 for b in self.semua_indikator() if b.terisi)


def _baris_isian(ind, tahun, triwulan, realisasi):
    target = next((t for t in ind.target_dipilih if t.tahun == tahun), None)
    per_tw = realisasi.get((ind.pk, tahun), {})
    lalu = per_tw.get(triwulan - 1) if triwulan > 1 else None
    return BarisIsian(
        indikator=ind,
        target_tw=target.per_triwulan[triwulan] if target else None,
        target_tahun=target.target if target else None,
        realisasi=per_tw.get(triwulan),
        nilai_lalu=nilai_realisasi(ind, lalu),
    )


def entri_atau_draf(unit, tahun, triwulan):
    """The workflow record of ``unit``'s quarter, or an unsaved one in Draf
    when the quarter has none yet."""
    from realisasi.models import EntriTriwulan

    return EntriTriwulan.objects.filter(
        unit=unit, tahun=tahun, triwulan=triwulan
    ).first() or EntriTriwulan(unit=unit, tahun=tahun, triwulan=triwulan)


def lembar_entri(unit, tahun, triwulan, rencana=None):
    """Everything one unit fills in for one quarter, with targets, budget,
    the previous quarter's figures and the workflow record. A fixed number of
    queries. ``rencana`` is ``rencana_lembar([unit], tahun)`` when the caller
    has it (read otherwise)."""
    return lembar_entri_banyak([unit], tahun, triwulan, rencana)[unit.pk]


@dataclass
class RencanaLembar:
    """What the entry sheets of some units read of the plan for a year:
    nothing of what was achieved, so it may be kept until the plan changes
    (``realisasi.ringkasan``)."""

    sub_kegiatan: list  # in plan order, with the budget versions and lines
    indikator: list  # in sheet order, each with ``target_dipilih``


def _satu_instansi(daftar_unit):
    instansi_id = {u.instansi_id for u in daftar_unit}
    if len(instansi_id) != 1:
        raise ValueError("Lembar entri dibaca untuk unit satu instansi.")
    return instansi_id.pop()


def rencana_lembar(daftar_unit, tahun):
    """The ``RencanaLembar`` of the units ``daftar_unit`` (of one agency) for
    ``tahun``: their sub kegiatan and every indicator they fill (of their sub
    kegiatan, the program and kegiatan indicators their staff own, and the
    IKU for a unit that fills them)."""
    from django.db.models import Prefetch, Q

    from renstra.models import Indikator, SubKegiatan, TargetIndikator

    daftar_unit = list(daftar_unit)
    instansi_id = _satu_instansi(daftar_unit)
    sub_kegiatan = list(
        SubKegiatan.objects.filter(unit__in=daftar_unit, kegiatan__program__tahun=tahun)
        .select_related("kegiatan__program")
        .prefetch_related("anggaran__rincian")
        .order_by("kegiatan__program__urutan", "kegiatan__urutan", "urutan")
    )
    target = Prefetch(
        "target",
        queryset=TargetIndikator.objects.filter(tahun=tahun),
        to_attr="target_dipilih",
    )
    kondisi = (
        Q(sub_kegiatan__in=sub_kegiatan)
        | Q(pemilik__unit__in=daftar_unit, tingkat="program", program__tahun=tahun)
        | Q(
            pemilik__unit__in=daftar_unit,
            tingkat="kegiatan",
            kegiatan__program__tahun=tahun,
        )
    )
    if any(u.mengisi_iku for u in daftar_unit):
        kondisi |= Q(
            tingkat="sasaran",
            sasaran__tujuan__periode__instansi_id=instansi_id,
            sasaran__tujuan__periode__tahun_awal__lte=tahun,
            sasaran__tujuan__periode__tahun_akhir__gte=tahun,
        )
    indikator = list(
        Indikator.objects.filter(kondisi)
        .select_related("program", "kegiatan", "pemilik")
        .prefetch_related(target)
        .order_by("tingkat", "urutan", "pk")
    )
    return RencanaLembar(sub_kegiatan=sub_kegiatan, indikator=indikator)


def lembar_entri_banyak(daftar_unit, tahun, triwulan, rencana=None):
    """``{unit_id: LembarEntri}`` of every unit of ``daftar_unit`` (units of one
    agency) for the quarter: each equal to ``lembar_entri`` of that unit, all
    read with the queries of one. ``rencana`` is ``rencana_lembar`` of these
    units and year when the caller has it (read otherwise)."""
    from realisasi.models import EntriTriwulan
    from renstra.selectors import anggaran_berlaku

    daftar_unit = list(daftar_unit)
    if not daftar_unit:
        return {}
    _satu_instansi(daftar_unit)
    per_id = {u.pk: u for u in daftar_unit}
    entri = {
        e.unit_id: e
        for e in EntriTriwulan.objects.filter(
            unit__in=daftar_unit, tahun=tahun, triwulan=triwulan
        ).order_by()
    }
    if rencana is None:
        rencana = rencana_lembar(daftar_unit, tahun)
    sub_kegiatan, indikator = rencana.sub_kegiatan, rencana.indikator
    realisasi = realisasi_indikator(indikator, [tahun])
    anggaran = {s.pk: anggaran_berlaku(s) for s in sub_kegiatan}
    uang = realisasi_anggaran(sub_kegiatan)
    rincian = [r for a in anggaran.values() if a for r in a.rincian.all()]
    uang_rincian = realisasi_belanja(rincian)

    def baris(i):
        return _baris_isian(i, tahun, triwulan, realisasi)

    def blok(sub):
        a = anggaran[sub.pk]
        return BlokSubKegiatan(
            sub_kegiatan=sub,
            anggaran=a,
            kas_kumulatif=kas_kumulatif(a.kas_per_triwulan, triwulan) if a else 0,
            realisasi_anggaran=uang.get(sub.pk, {}).get(triwulan),
            realisasi_lalu=jumlah_sampai(uang.get(sub.pk, {}), triwulan - 1),
            rincian=[
                (r, uang_rincian.get(r.pk, {}).get(triwulan))
                for r in (a.rincian.all() if a else [])
            ],
            indikator=[baris(i) for i in indikator if i.sub_kegiatan_id == sub.pk],
        )

    def milik_unit(i, unit):
        if i.sub_kegiatan_id is not None:
            return False
        if i.tingkat == "sasaran":
            return unit.mengisi_iku
        return i.pemilik is not None and i.pemilik.unit_id == unit.pk

    return {
        unit.pk: LembarEntri(
            unit=unit,
            tahun=tahun,
            triwulan=triwulan,
            entri=entri.get(unit.pk)
            or EntriTriwulan(unit=unit, tahun=tahun, triwulan=triwulan),
            blok=[blok(s) for s in sub_kegiatan if s.unit_id == unit.pk],
            indikator_unit=[baris(i) for i in indikator if milik_unit(i, unit)],
        )
        for unit in per_id.values()
    }


def jumlah_sampai(per_tw, triwulan):
    """The latest cumulative amount entered for a quarter ≤ ``triwulan`` in
    ``per_tw`` (``{triwulan: amount}``); ``None`` when none is. Money is entered
    cumulative, so a quarter not yet entered keeps the last figure."""
    for t in range(triwulan, 0, -1):
        if per_tw.get(t) is not None:
            return per_tw[t]
    return None


def perubahan_terakhir(entri, lembar):
    """What the last change of a unit's quarter was, in words: who, when, and
    what (the fields of the last save, or the workflow transition), e.g.
    ``("CHAERUDDIN", <datetime>, "unggahan Excel: 2 isian (Besaran …: 5 → 6)")``;
    None when the entry was never changed."""
    from datetime import timedelta

    from django.db.models import Q

    from realisasi.models import JejakAudit

    if not entri.pk or entri.diubah_pada is None:
        return None
    oleh = entri.diubah_oleh
    nama = (oleh.get_full_name() or oleh.username) if oleh else "pengguna lain"
    status = entri.riwayat.order_by("-pada", "-pk").first()
    jejak = list(
        JejakAudit.objects.filter(
            Q(sub_kegiatan__in=[b.sub_kegiatan for b in lembar.blok])
            | Q(indikator__in=[b.indikator for b in lembar.semua_indikator()]),
            tahun=entri.tahun,
            triwulan=entri.triwulan,
            oleh=oleh,
            pada__gte=entri.diubah_pada - timedelta(minutes=1),
        ).select_related("indikator", "sub_kegiatan", "rincian")
    )
    if status is not None and (not jejak or status.pada >= jejak[0].pada):
        apa = f"status {status.get_aksi_display().lower()}"
        return nama, status.pada, apa
    if not jejak:
        return nama, entri.diubah_pada, "perubahan isian"
    pertama = jejak[0]
    sumber = "unggahan Excel" if pertama.sumber == "excel" else "formulir entri"
    objek = pertama.indikator or pertama.rincian or pertama.sub_kegiatan
    contoh = f"{getattr(objek, 'nama', None) or getattr(objek, 'uraian', '')}"
    contoh = contoh[:60] + ("…" if len(contoh) > 60 else "")
    rincian = f"{contoh}: {pertama.nilai_lama or '-'} → {pertama.nilai_baru or '-'}"
    return nama, pertama.pada, f"{sumber}: {len(jejak)} isian ({rincian})"


def unit_belum_disahkan(instansi, tahun, triwulan):
    """The units of ``instansi`` whose entries of the quarter are not approved
    (not Disahkan), in the agency's unit order; empty when the quarter is
    approved. A unit counts when it has something to enter that year (a sub
    kegiatan, a program/kegiatan indicator owned by its staff, the IKU) or a
    workflow record for the quarter; without a record it is in Draf. One
    query: the units and what the plan asks of them are read once per version
    of the plan."""
    from lakip.selectors import unit_instansi
    from realisasi.models import EntriTriwulan, StatusEntri

    status = dict(
        EntriTriwulan.objects.filter(
            unit__instansi=instansi, tahun=tahun, triwulan=triwulan
        )
        .order_by()
        .values_list("unit_id", "status")
    )
    wajib = _unit_wajib(instansi, tahun) | set(status)
    return [
        u
        for u in unit_instansi(instansi.pk)
        if (u.pk in wajib or u.mengisi_iku)
        and status.get(u.pk, StatusEntri.DRAF) != StatusEntri.DISAHKAN
    ]


def _unit_wajib(instansi, tahun):
    """The ids of ``instansi``'s units with a sub kegiatan of ``tahun`` or
    whose staff own a program or kegiatan indicator of it (read once per
    version of the plan)."""
    from lakip.versi_data import RENCANA, tersimpan
    from renstra.models import Indikator, SubKegiatan

    def hitung():
        sub = SubKegiatan.objects.filter(
            unit__instansi=instansi, kegiatan__program__tahun=tahun
        ).order_by()
        indikator = Indikator.objects.filter(
            Q(tingkat="program", program__tahun=tahun)
            | Q(tingkat="kegiatan", kegiatan__program__tahun=tahun),
            pemilik__unit__instansi=instansi,
        ).order_by()
        return frozenset(sub.values_list("unit_id", flat=True)) | frozenset(
            indikator.values_list("pemilik__unit_id", flat=True)
        )

    return tersimpan(
        f"unit-wajib:{instansi.pk}:{tahun}", instansi.pk, hitung, RENCANA, proses=True
    )
