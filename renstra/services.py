"""Writes to the plan. Every change goes through one of these functions: it
checks, writes in one transaction, and records who changed what
(``RiwayatRencana``). Refusals raise ``TolakRencana`` with an Indonesian message
and change nothing."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from lakip.format import BATAS_ANGKA, BATAS_UANG, AngkaTidakValid
from renstra import penjaga, selectors
from renstra.galat import RencanaTidakValid
from renstra.models import (
    AnggaranSubKegiatan,
    Indikator,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    RiwayatRencana,
    SalinanRencana,
    SubKegiatan,
    TargetIndikator,
)


class TolakRencana(RencanaTidakValid):
    """A change to the plan is refused; the message says why, in Indonesian."""


def _json(nilai):
    if isinstance(nilai, models.Model):
        return str(nilai)
    if isinstance(nilai, (Decimal, datetime.date)):
        return str(nilai)
    return nilai


def _dalam_batas(nilai, batas, label):
    """``nilai`` if None or within ``batas`` (``lakip.format``'s one range rule);
    else ``TolakRencana`` naming ``label``."""
    if nilai is None:
        return None
    try:
        batas.periksa(Decimal(nilai), nilai)
    except AngkaTidakValid as exc:
        raise TolakRencana(f"{label}: {exc}") from None
    return nilai


def _jaga(dampak):
    """Refuse (``TolakRencana``) a plan edit that a registered guard refuses,
    e.g. one that would change a Disahkan quarter's figures."""
    if alasan := penjaga.tolakan(dampak):
        raise TolakRencana(alasan)


def catat(instansi, oleh, aksi, objek, rincian=None):
    """Record one change to the plan (who, when, what)."""
    return RiwayatRencana.objects.create(
        instansi=instansi,
        oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
        aksi=aksi,
        objek=str(objek)[:300],
        rincian={k: _json(v) for k, v in (rincian or {}).items()},
    )


def _validasi(objek):
    try:
        objek.full_clean()
    except ValidationError as exc:
        pesan = (
            "; ".join(m for daftar in exc.message_dict.values() for m in daftar)
            if hasattr(exc, "error_dict")
            else "; ".join(exc.messages)
        )
        raise TolakRencana(pesan) from None


@transaction.atomic
def simpan_objek(instansi, objek, data, oleh):
    """Create or change a plan record (period, tujuan, sasaran, program,
    kegiatan, sub kegiatan, indicator) with the values in ``data``.

    The record must belong to ``instansi`` (the caller scopes its lookups; this
    checks again). Validates the model; records the fields that changed with
    their old and new values. Returns the saved record.
    """
    baru = objek.pk is None
    # compare with the stored values: a ModelForm has already set the new ones
    asli = None if baru else type(objek).objects.filter(pk=objek.pk).first()
    perubahan = {}
    for nama, nilai in data.items():
        lama = getattr(asli, nama, None)
        if baru or lama != nilai:
            perubahan[nama] = _json(nilai) if baru else [_json(lama), _json(nilai)]
        setattr(objek, nama, nilai)
    if selectors.instansi_objek(objek) != instansi or (
        asli is not None and selectors.instansi_objek(asli) != instansi
    ):
        raise TolakRencana("Data ini bukan milik instansi Anda.")
    _validasi(objek)
    if not baru and not perubahan:
        return objek
    _jaga(penjaga.dampak_objek(instansi, asli, objek))
    objek.save()
    catat(
        instansi,
        oleh,
        "tambah" if baru else "ubah",
        f"{objek._meta.verbose_name} {objek}",
        perubahan,
    )
    return objek


KOLOM_TARGET = ["target", "target_tw1", "target_tw2", "target_tw3", "target_tw4"]


@transaction.atomic
def simpan_target(instansi, indikator, tahun, nilai, oleh):
    """Set the targets of ``indikator`` for ``tahun`` (``nilai``: the year's and
    each quarter's, Decimal or None). Returns the ``TargetIndikator`` and the
    flow-target warning (``selectors.PeringatanTarget`` or None)."""
    if selectors.instansi_objek(indikator) != instansi:
        raise TolakRencana("Indikator ini bukan milik instansi Anda.")
    target = TargetIndikator.objects.filter(indikator=indikator, tahun=tahun).first()
    target = target or TargetIndikator(indikator=indikator, tahun=tahun)
    perubahan = {}
    for kolom in KOLOM_TARGET:
        baru = _dalam_batas(nilai.get(kolom), BATAS_ANGKA, kolom.replace("_", " "))
        lama = getattr(target, kolom)
        if (None if lama is None else Decimal(lama)) != baru:
            perubahan[kolom] = [_json(lama), _json(baru)]
        setattr(target, kolom, baru)
    if perubahan:
        unit, _ = penjaga.unit_tahun_indikator(indikator)
        _jaga(
            penjaga.dampak_kolom(
                instansi, unit, {tahun}, perubahan, f"Perubahan target {tahun} ini"
            )
        )
        target.save()
        catat(instansi, oleh, "target", f"target {tahun} {indikator}", perubahan)
    return target, selectors.periksa_target_alir(indikator, target)


@transaction.atomic
def simpan_indikator(instansi, indikator, data, tahun, target, oleh):
    """Save an indicator (``data``: its fields) and its targets for ``tahun``
    (``target``: see ``simpan_target``) together. Returns the indicator and the
    flow-target warning or None."""
    indikator = simpan_objek(instansi, indikator, data, oleh)
    _, peringatan = simpan_target(instansi, indikator, tahun, target, oleh)
    return indikator, peringatan


@transaction.atomic
def simpan_perubahan_dpa(instansi, sub_kegiatan, pagu, kas, tanggal, alasan, oleh):
    """Record the DPA perubahan of a sub kegiatan: its revised pagu and
    anggaran kas per quarter (``kas``: four whole-rupiah amounts), with the date
    and the reason. The DPA murni stays as it was; from now on the reports use
    the perubahan (``selectors.anggaran_berlaku``). Calling again changes the
    existing perubahan. Expenditure lines stay with the DPA murni (they come with
    a DPA perubahan imported from SIPD).
    """
    if selectors.instansi_objek(sub_kegiatan) != instansi:
        raise TolakRencana("Sub kegiatan ini bukan milik instansi Anda.")
    murni = sub_kegiatan.anggaran.filter(versi=AnggaranSubKegiatan.Versi.MURNI).first()
    if murni is None:
        raise TolakRencana(
            "Sub kegiatan ini belum memiliki DPA murni; perubahan tidak dapat dibuat."
        )
    if not (alasan or "").strip():
        raise TolakRencana("Alasan perubahan wajib diisi.")
    if tanggal is None:
        raise TolakRencana("Tanggal penetapan DPA perubahan wajib diisi.")
    if murni.tanggal and tanggal < murni.tanggal:
        raise TolakRencana("Tanggal DPA perubahan tidak boleh sebelum DPA murni.")
    if len(kas) != 4 or any(k is None or k < 0 for k in [pagu, *kas]):
        raise TolakRencana("Pagu dan anggaran kas harus diisi dan tidak negatif.")
    for label, uang in [
        ("Pagu", pagu),
        *((f"Kas TW {t}", k) for t, k in enumerate(kas, 1)),
    ]:
        _dalam_batas(uang, BATAS_UANG, label)
    if sum(kas) > pagu:
        raise TolakRencana(
            "Jumlah anggaran kas keempat triwulan melebihi pagu perubahan."
        )
    berlaku = selectors.anggaran_berlaku(sub_kegiatan)
    kolom = {"pagu": pagu, **{f"kas_tw{t}": kas[t - 1] for t in range(1, 5)}}
    _jaga(
        penjaga.dampak_kolom(
            instansi,
            {sub_kegiatan.unit_id},
            {sub_kegiatan.kegiatan.program.tahun},
            [k for k, v in kolom.items() if getattr(berlaku, k) != v],
            "DPA perubahan ini",
        )
    )
    perubahan, baru = AnggaranSubKegiatan.objects.get_or_create(
        sub_kegiatan=sub_kegiatan,
        versi=AnggaranSubKegiatan.Versi.PERUBAHAN,
        defaults={"pagu": pagu},
    )
    lama = {
        "pagu": perubahan.pagu,
        **{f"kas_tw{t}": perubahan.kas_per_triwulan[t] for t in range(1, 5)},
    }
    perubahan.pagu = pagu
    for t in range(1, 5):
        setattr(perubahan, f"kas_tw{t}", int(kas[t - 1]))
    perubahan.tanggal = tanggal
    perubahan.alasan = alasan.strip()
    perubahan.save()
    catat(
        instansi,
        oleh,
        "perubahan_dpa",
        f"DPA perubahan {sub_kegiatan}",
        {
            "pagu_murni": murni.pagu,
            "pagu": pagu if baru else [lama["pagu"], pagu],
            "kas": list(kas),
            "tanggal": tanggal,
            "alasan": perubahan.alasan,
        },
    )
    return perubahan


_KOLOM_INDIKATOR = [
    "tingkat",
    "nama",
    "satuan",
    "definisi",
    "formula",
    "label_pembilang",
    "label_penyebut",
    "pengali",
    "polaritas",
    "jenis",
    "pemilik",
    "target_renstra",
    "boleh_lebih_100_persen",
    "urutan",
]


def _salin_indikator(sumber, tahun_asal, tahun_tujuan, **pemilik):
    baru = Indikator.objects.create(
        **{k: getattr(sumber, k) for k in _KOLOM_INDIKATOR}, **pemilik
    )
    target = sumber.target_per_tahun.get(tahun_asal)
    if target is not None:
        TargetIndikator.objects.create(
            indikator=baru,
            tahun=tahun_tujuan,
            **{k: getattr(target, k) for k in KOLOM_TARGET},
        )
    return baru


@transaction.atomic
def salin_rencana(instansi, tahun_asal, oleh, tahun_tujuan=None):
    """Copy the plan of ``tahun_asal`` to ``tahun_tujuan`` (default: the next
    year) as a draft: programs, kegiatan, sub kegiatan (unit, PPTK, pelaksana),
    and their indicators with owner and with the old year's targets as the new
    year's draft targets.

    Not copied: realisations (the new year starts empty), budgets (the new
    year's pagu and anggaran kas come from its DPA, imported from SIPD), and the
    IKU of the sasaran (they span the Renstra period and already have a target
    per year). Refuses if the target year already has a plan, is outside every
    Renstra period, or the source year has none. Returns the ``SalinanRencana``.
    """
    tahun_tujuan = tahun_tujuan or tahun_asal + 1
    if tahun_tujuan <= tahun_asal:
        raise TolakRencana("Tahun tujuan harus sesudah tahun asal.")
    program_asal = selectors.program_tahun(instansi, tahun_asal)
    if not program_asal:
        raise TolakRencana(
            f"Rencana tahun {tahun_asal} belum ada; tidak ada yang disalin."
        )
    ada = Program.objects.filter(periode__instansi=instansi, tahun=tahun_tujuan)
    if ada.exists():
        raise TolakRencana(
            f"Rencana tahun {tahun_tujuan} sudah ada ({ada.count()} program); "
            "penyalinan ditolak agar tidak ada data ganda."
        )
    periode = selectors.periode_untuk_tahun(instansi, tahun_tujuan)
    if periode is None:
        raise TolakRencana(
            f"Tahun {tahun_tujuan} di luar periode Renstra; buat periode Renstra "
            "yang mencakupnya terlebih dahulu."
        )
    indikator = {}
    for ind in selectors.indikator_tahun(instansi, tahun_asal, [tahun_asal]):
        if ind.tingkat != Indikator.Tingkat.SASARAN:
            indikator.setdefault(ind.induk, []).append(ind)
    salinan = SalinanRencana(
        instansi=instansi, tahun_asal=tahun_asal, tahun_tujuan=tahun_tujuan, oleh=oleh
    )

    def salin_indikator_dari(lama, baru, tingkat):
        for ind in indikator.get(lama, []):
            _salin_indikator(ind, tahun_asal, tahun_tujuan, **{tingkat: baru})
            salinan.jumlah_indikator += 1

    for p in program_asal:
        sasaran = (
            p.sasaran
            if p.sasaran and p.sasaran.tujuan.periode_id == periode.pk
            else None
        )
        program = Program.objects.create(
            periode=periode,
            tahun=tahun_tujuan,
            kode=p.kode,
            nama=p.nama,
            sasaran=sasaran,
            sasaran_program=p.sasaran_program,
            urutan=p.urutan,
        )
        salinan.jumlah_program += 1
        salin_indikator_dari(p, program, "program")
        for k in p.kegiatan.all():
            kegiatan = Kegiatan.objects.create(
                program=program, kode=k.kode, nama=k.nama, pptk=k.pptk, urutan=k.urutan
            )
            salinan.jumlah_kegiatan += 1
            salin_indikator_dari(k, kegiatan, "kegiatan")
            for s in k.sub_kegiatan.all():
                sub = SubKegiatan.objects.create(
                    kegiatan=kegiatan,
                    kode=s.kode,
                    nama=s.nama,
                    unit=s.unit,
                    pptk=s.pptk,
                    pelaksana=s.pelaksana,
                    urutan=s.urutan,
                )
                salinan.jumlah_sub_kegiatan += 1
                salin_indikator_dari(s, sub, "sub_kegiatan")
    SalinanRencana.objects.filter(instansi=instansi, tahun_tujuan=tahun_tujuan).delete()
    salinan.save()
    catat(
        instansi,
        oleh,
        "salin_rencana",
        f"rencana {tahun_asal} → {tahun_tujuan}",
        {
            "program": salinan.jumlah_program,
            "kegiatan": salinan.jumlah_kegiatan,
            "sub_kegiatan": salinan.jumlah_sub_kegiatan,
            "indikator": salinan.jumlah_indikator,
        },
    )
    return salinan


@transaction.atomic
def tetapkan_salinan(instansi, salinan, oleh):
    """End the draft state of a copied year's plan."""
    if salinan.instansi_id != instansi.pk:
        raise TolakRencana("Salinan rencana ini bukan milik instansi Anda.")
    if not salinan.draf:
        raise TolakRencana(f"Rencana {salinan.tahun_tujuan} sudah ditetapkan.")
    salinan.ditetapkan_oleh = oleh
    salinan.ditetapkan_pada = timezone.now()
    salinan.save(update_fields=["ditetapkan_oleh", "ditetapkan_pada"])
    catat(instansi, oleh, "tetapkan_rencana", f"rencana {salinan.tahun_tujuan}")
    return salinan


@transaction.atomic
def simpan_perjanjian_kinerja(
    instansi,
    oleh,
    *,
    pihak_pertama,
    tahun,
    tanggal,
    pihak_kedua=None,
    nama_pihak_kedua="",
    jabatan_pihak_kedua="",
    tempat="",
    indikator=None,
    perjanjian=None,
):
    """Create (or, with ``perjanjian``, change) the Perjanjian Kinerja of
    ``pihak_pertama`` for ``tahun``.

    ``pihak_kedua`` defaults to the official's superior; a superior outside the
    agency is given by ``nama_pihak_kedua`` and ``jabatan_pihak_kedua``.
    ``indikator`` defaults to every indicator of the year that the official
    owns; each must belong to the agency's plan for that year. Returns the saved
    agreement.
    """
    if pihak_pertama.instansi_id != instansi.pk:
        raise TolakRencana("Pihak pertama bukan pegawai instansi Anda.")
    if pihak_kedua is None and not nama_pihak_kedua.strip():
        pihak_kedua = pihak_pertama.atasan
    if pihak_kedua is None and not nama_pihak_kedua.strip():
        raise TolakRencana(
            "Pihak kedua wajib diisi: pilih atasan dari daftar pegawai, atau tulis "
            "nama dan jabatannya bila bukan pegawai instansi."
        )
    if pihak_kedua is not None:
        if pihak_kedua.instansi_id != instansi.pk:
            raise TolakRencana("Pihak kedua bukan pegawai instansi Anda.")
        if pihak_kedua == pihak_pertama:
            raise TolakRencana("Pihak pertama dan pihak kedua tidak boleh sama.")
        nama_pihak_kedua = jabatan_pihak_kedua = ""
    elif not jabatan_pihak_kedua.strip():
        raise TolakRencana("Jabatan pihak kedua wajib diisi.")
    berlaku = {i.pk: i for i in selectors.indikator_tahun(instansi, tahun, [tahun])}
    if indikator is None:
        indikator = [i for i in berlaku.values() if i.pemilik_id == pihak_pertama.pk]
    indikator = list(indikator)
    asing = [i for i in indikator if i.pk not in berlaku]
    if asing:
        raise TolakRencana(
            f"Indikator “{asing[0].nama}” bukan indikator rencana tahun {tahun}."
        )
    if not indikator:
        raise TolakRencana(
            f"{pihak_pertama.nama_lengkap} belum memiliki indikator pada rencana "
            f"tahun {tahun}; tetapkan pemilik indikator terlebih dahulu."
        )
    ganda = PerjanjianKinerja.objects.filter(pihak_pertama=pihak_pertama, tahun=tahun)
    if perjanjian is not None:
        ganda = ganda.exclude(pk=perjanjian.pk)
    if ganda.exists():
        raise TolakRencana(
            f"Perjanjian Kinerja {tahun} untuk {pihak_pertama.nama_lengkap} sudah ada."
        )
    baru = perjanjian is None
    perjanjian = perjanjian or PerjanjianKinerja(instansi=instansi, dibuat_oleh=oleh)
    if perjanjian.instansi_id != instansi.pk:
        raise TolakRencana("Perjanjian Kinerja ini bukan milik instansi Anda.")
    perjanjian.pihak_pertama = pihak_pertama
    perjanjian.tahun = tahun
    perjanjian.tanggal = tanggal
    perjanjian.pihak_kedua = pihak_kedua
    perjanjian.nama_pihak_kedua = nama_pihak_kedua.strip()
    perjanjian.jabatan_pihak_kedua = jabatan_pihak_kedua.strip()
    perjanjian.tempat = tempat.strip() or instansi.kota
    perjanjian.diubah_oleh = oleh
    perjanjian.save()
    perjanjian.indikator.set(indikator)
    catat(
        instansi,
        oleh,
        "tambah" if baru else "ubah",
        str(perjanjian),
        {
            "pihak_kedua": pihak_kedua or nama_pihak_kedua,
            "tanggal": tanggal,
            "indikator": [i.pk for i in indikator],
        },
    )
    return perjanjian
