"""Writes to quarterly entries: saving realisations and the workflow.

Guarantees of this module:

- ``simpan_realisasi`` validates everything first and saves nothing if any value
  is wrong (``IsianTidakValid`` lists every error in Indonesian); it refuses a
  closed quarter, a unit's entry that is not in Draf, a unit outside the user's
  own, and a stale form (``KonflikPerubahan`` names who changed the data since);
  every changed field is recorded in ``JejakAudit``.
- ``ubah_status`` is the one function that moves an entry through the workflow;
  it checks role, unit and state, requires the notes the rules require, and
  records every transition in ``RiwayatStatus`` and notifies those concerned
  (``realisasi.tugas.beri_tahu_transisi``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from lakip import perhitungan as hitung
from lakip.format import (
    BATAS_ANGKA,
    BATAS_UANG,
    AngkaTidakValid,
    format_angka,
    format_triwulan,
    format_uang,
    format_waktu,
    parse_angka,
    tanpa_kendali,
)
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import PeriodeTidakValid, periksa_periode
from realisasi.akses import boleh_mengisi
from realisasi.models import (
    EntriTriwulan,
    JejakAudit,
    PeriodeEntri,
    RealisasiAnggaran,
    RealisasiBelanja,
    RealisasiIndikator,
    RiwayatStatus,
    StatusEntri,
)
from realisasi.selectors import lembar_entri, perubahan_terakhir
from realisasi.tugas import beri_tahu_transisi

# The longest note of a realisation, typed or uploaded.
PANJANG_KETERANGAN_MAKS = 2000


class GagalEntri(Exception):
    """A refused action; ``str(exc)`` is the Indonesian message for the user."""


class AksesDitolak(GagalEntri):
    pass


class KonflikPerubahan(GagalEntri):
    pass


class IsianTidakValid(GagalEntri):
    """``kesalahan`` maps a key (``("indikator", id, "nilai")``,
    ``("anggaran", sub_kegiatan_id, "jumlah")``, ``("belanja", rincian_id,
    "jumlah")``) to its message."""

    def __init__(self, kesalahan):
        self.kesalahan = kesalahan
        super().__init__(
            f"{len(kesalahan)} isian tidak valid; tidak ada yang disimpan."
        )


@dataclass
class HasilSimpan:
    jumlah_perubahan: int = 0
    entri: object = None
    perubahan: list = field(default_factory=list)


def _angka(nilai, kesalahan, kunci, batas=BATAS_ANGKA):
    try:
        angka = parse_angka(nilai, batas)
    except AngkaTidakValid as exc:
        kesalahan[kunci] = str(exc)
        return None
    if angka is not None and angka < 0:
        kesalahan[kunci] = "Nilai tidak boleh negatif."
        return None
    return angka


def _uang(nilai, kesalahan, kunci):
    angka = _angka(nilai, kesalahan, kunci, BATAS_UANG)
    return None if angka is None else int(angka)


def _periksa_indikator(baris, isian, kesalahan):
    """Validate one indicator's input; return (nilai, pembilang, penyebut, ket)."""
    ind = baris.indikator
    kunci = ("indikator", ind.pk)
    ket = tanpa_kendali(isian.get("keterangan") or "").strip()
    if len(ket) > PANJANG_KETERANGAN_MAKS:
        kesalahan[(*kunci, "keterangan")] = (
            f"Keterangan paling banyak {PANJANG_KETERANGAN_MAKS} karakter "
            f"(berisi {format_angka(len(ket))})."
        )
    if ind.jenis == hitung.RASIO:
        pembilang = _angka(isian.get("pembilang"), kesalahan, (*kunci, "pembilang"))
        penyebut = _angka(isian.get("penyebut"), kesalahan, (*kunci, "penyebut"))
        if (pembilang is None) != (penyebut is None) and not any(
            k[:2] == kunci for k in kesalahan
        ):
            kosong = "penyebut" if penyebut is None else "pembilang"
            kesalahan[(*kunci, kosong)] = "Isi kedua komponen (pembilang dan penyebut)."
            return None
        if penyebut == 0:
            kesalahan[(*kunci, "penyebut")] = "Penyebut tidak boleh nol."
            return None
        nilai = hitung.nilai_rasio(pembilang, penyebut, ind.pengali)
        kolom_nilai = "pembilang"
    else:
        pembilang = penyebut = None
        nilai = _angka(isian.get("nilai"), kesalahan, (*kunci, "nilai"))
        kolom_nilai = "nilai"
    if any(k[:2] == kunci for k in kesalahan) or not hitung.terhitung(nilai):
        return (None, pembilang, penyebut, ket)
    persen = ind.satuan.strip().lower() in {"%", "persen"}
    if persen and not ind.boleh_lebih_100_persen and nilai > 100:
        kesalahan[(*kunci, kolom_nilai)] = (
            f"Persentase harus antara 0 dan 100 (hasil: {format_angka(nilai, 2)})."
        )
        return None
    if not ket:
        alasan = _alasan_wajib_catatan(baris.target_tw, nilai, ind.polaritas)
        if alasan:
            kesalahan[(*kunci, "keterangan")] = f"{alasan}: wajib diberi keterangan."
    return (
        None if ind.jenis == hitung.RASIO else nilai,
        pembilang,
        penyebut,
        ket,
    )


def _alasan_wajib_catatan(target, nilai, polaritas):
    target = hitung.desimal(target)
    if target is None:
        return None
    if target == 0:
        return "Target triwulan nol tetapi ada realisasi" if nilai > 0 else None
    if nilai > target * settings.LAKIP_CATATAN_KELIPATAN_TARGET:
        kali = settings.LAKIP_CATATAN_KELIPATAN_TARGET
        return f"Realisasi lebih dari {kali} kali target triwulan"
    capaian = hitung.capaian(target, nilai, polaritas)
    if capaian < settings.LAKIP_CATATAN_CAPAIAN_MIN:
        batas = settings.LAKIP_CATATAN_CAPAIAN_MIN
        return f"Capaian {format_angka(capaian, 2)} % di bawah {batas} %"
    return None


def _periksa_anggaran(blok, nilai, kesalahan):
    kunci = ("anggaran", blok.sub_kegiatan.pk, "jumlah")
    jumlah = _uang(nilai, kesalahan, kunci)
    if jumlah is None:
        return None
    pagu = blok.anggaran.pagu if blok.anggaran else 0
    if jumlah > pagu:
        kesalahan[kunci] = f"Realisasi melebihi pagu ({format_uang(pagu)})."
    elif blok.realisasi_lalu is not None and jumlah < blok.realisasi_lalu:
        kesalahan[kunci] = (
            "Realisasi kumulatif tidak boleh lebih kecil dari triwulan sebelumnya "
            f"({format_uang(blok.realisasi_lalu)})."
        )
    return jumlah


def _periksa_belanja(rincian, nilai, kesalahan):
    kunci = ("belanja", rincian.pk, "jumlah")
    jumlah = _uang(nilai, kesalahan, kunci)
    if jumlah is not None and rincian.pagu is not None and jumlah > rincian.pagu:
        kesalahan[kunci] = (
            f"Realisasi melebihi pagu rincian ({format_uang(rincian.pagu)})."
        )
    return jumlah


def _teks(nilai):
    if nilai is None:
        return ""
    if isinstance(nilai, Decimal):
        return format(nilai.normalize(), "f")
    return str(nilai)


def _sama(lama, baru):
    if isinstance(lama, Decimal) or isinstance(baru, Decimal):
        return (lama is None and baru is None) or (
            lama is not None and baru is not None and Decimal(lama) == Decimal(baru)
        )
    return (lama or None) == (baru or None)


def periksa_boleh_mengubah(user, unit, tahun, triwulan, entri=None):
    """Raise ``GagalEntri`` unless ``user`` may change the unit's quarter now."""
    if not boleh_mengisi(user, unit):
        raise AksesDitolak("Anda tidak berhak mengisi realisasi unit ini.")
    if not PeriodeEntri.objects.filter(
        instansi_id=unit.instansi_id, tahun=tahun, triwulan=triwulan, dibuka=True
    ).exists():
        raise GagalEntri(
            f"Triwulan {format_triwulan(triwulan)} tahun {tahun} belum dibuka atau "
            "sudah ditutup "
            "untuk entri."
        )
    if entri is not None and entri.status != StatusEntri.DRAF:
        if entri.terkunci:
            raise GagalEntri(
                "Triwulan ini sudah disahkan dan terkunci. Perubahan hanya dapat "
                "dilakukan setelah Perencanaan membuka kunci."
            )
        raise GagalEntri(
            f"Entri berstatus {entri.get_status_display()}; hanya entri berstatus "
            "Draf yang dapat diubah."
        )


@transaction.atomic
def simpan_realisasi(
    user, unit, tahun, triwulan, isian, versi, sumber="formulir", lembar=None
):
    """Validate and save a unit's quarter in one transaction.

    ``isian`` = ``{"indikator": {id: {"nilai"|"pembilang"|"penyebut"|"keterangan"}},
    "anggaran": {sub_kegiatan_id: amount}, "belanja": {rincian_id: amount}}``, values
    as typed (strings in Indonesian or plain format) or numbers; keys absent are
    left alone. ``versi`` is the entry's version when the form was opened.

    ``lembar`` is the unit's sheet (``lembar_entri``) the caller read in this
    request, after the form was opened: it is used instead of reading the sheet
    again only when ``versi`` equals the entry's version under the lock, that
    is when no save came between (a later one would have raised the version).
    """
    entri, _ = EntriTriwulan.objects.select_for_update().get_or_create(
        unit=unit, tahun=tahun, triwulan=triwulan
    )
    periksa_boleh_mengubah(user, unit, tahun, triwulan, entri)
    if versi is not None and int(versi) != entri.versi:
        lembar = lembar_entri(unit, tahun, triwulan)
        raise KonflikPerubahan(_pesan_konflik(user, entri, lembar, sumber))
    if versi is None or lembar is None:
        lembar = lembar_entri(unit, tahun, triwulan)
    kesalahan, rencana = {}, []
    baris_indikator = {b.indikator.pk: b for b in lembar.semua_indikator()}
    for ind_id, nilai in (isian.get("indikator") or {}).items():
        baris = baris_indikator.get(int(ind_id))
        if baris is None:
            kesalahan[("indikator", ind_id, "nilai")] = (
                "Indikator bukan milik unit ini."
            )
            continue
        hasil = _periksa_indikator(baris, nilai, kesalahan)
        if hasil is not None:
            rencana.append(("indikator", baris, hasil))
    blok_sub = {b.sub_kegiatan.pk: b for b in lembar.blok}
    rincian = {r.pk: (r, uang) for b in lembar.blok for r, uang in b.rincian}
    for sub_id, nilai in (isian.get("anggaran") or {}).items():
        blok = blok_sub.get(int(sub_id))
        if blok is None:
            kesalahan[("anggaran", sub_id, "jumlah")] = (
                "Sub kegiatan bukan milik unit ini."
            )
            continue
        rencana.append(("anggaran", blok, _periksa_anggaran(blok, nilai, kesalahan)))
    for rincian_id, nilai in (isian.get("belanja") or {}).items():
        if int(rincian_id) not in rincian:
            kesalahan[("belanja", rincian_id, "jumlah")] = (
                "Rincian bukan milik unit ini."
            )
            continue
        r, uang = rincian[int(rincian_id)]
        rencana.append(("belanja", (r, uang), _periksa_belanja(r, nilai, kesalahan)))
    if kesalahan:
        raise IsianTidakValid(kesalahan)
    hasil = HasilSimpan(entri=entri)
    for jenis, objek, nilai in rencana:
        hasil.perubahan += {
            "indikator": _terapkan_indikator,
            "anggaran": _terapkan_anggaran,
            "belanja": _terapkan_belanja,
        }[jenis](user, objek, nilai, tahun, triwulan, sumber)
    hasil.jumlah_perubahan = len(hasil.perubahan)
    if hasil.perubahan:
        entri.versi += 1
        entri.diubah_oleh = user
        entri.save()
    return hasil


def _pesan_konflik(user, entri, lembar, sumber):
    """Why a stale form or sheet is refused: the change that came in between
    (who, when, what; "Anda sendiri" when it was the same user) and the
    remedy (download a fresh sheet, or reload the form)."""
    terakhir = perubahan_terakhir(entri, lembar)
    if terakhir is None:
        perubahan = "data unit ini telah berubah"
    else:
        nama, pada, apa = terakhir
        if entri.diubah_oleh_id == user.pk:
            nama = f"Anda sendiri ({nama})"
        perubahan = f"data unit ini telah diubah oleh {nama} pada {format_waktu(pada)}"
        perubahan += f" ({apa})"
    if sumber == "excel":
        return (
            f"Lembar Excel ini sudah usang: {perubahan} sesudah lembar ini diunduh. "
            "Tidak ada yang disimpan. Unduh lembar entri yang baru, salin isian Anda "
            "ke lembar itu, lalu unggah kembali."
        )
    return (
        f"{perubahan[0].upper()}{perubahan[1:]} sejak formulir Anda buka. Tidak ada "
        "yang disimpan; muat ulang halaman lalu isi kembali."
    )


def _jejak(user, sumber, tahun, triwulan, **kwargs):
    return JejakAudit.objects.create(
        oleh=user, sumber=sumber, tahun=tahun, triwulan=triwulan, **kwargs
    )


def _terapkan_indikator(user, baris, nilai_baru, tahun, triwulan, sumber):
    ind = baris.indikator
    nilai, pembilang, penyebut, ket = nilai_baru
    lama = baris.realisasi
    baru = {"nilai": nilai, "pembilang": pembilang, "penyebut": penyebut}
    baru["keterangan"] = ket
    berubah = [k for k, v in baru.items() if not _sama(getattr(lama, k, None), v)]
    if not berubah:
        return []
    if lama is None:
        lama = RealisasiIndikator(indikator=ind, tahun=tahun, triwulan=triwulan)
    jejak = []
    for kolom in berubah:
        jejak.append(
            _jejak(
                user,
                sumber,
                tahun,
                triwulan,
                objek=JejakAudit.Objek.INDIKATOR,
                indikator=ind,
                sub_kegiatan=ind.sub_kegiatan,
                kolom=kolom,
                nilai_lama=_teks(getattr(lama, kolom, None)),
                nilai_baru=_teks(baru[kolom]),
            )
        )
        setattr(lama, kolom, baru[kolom])
    lama.diperbarui_oleh = user
    lama.save()
    return jejak


def _terapkan_anggaran(user, blok, jumlah, tahun, triwulan, sumber):
    if _sama(blok.realisasi_anggaran, jumlah):
        return []
    jejak = _jejak(
        user,
        sumber,
        tahun,
        triwulan,
        objek=JejakAudit.Objek.ANGGARAN,
        sub_kegiatan=blok.sub_kegiatan,
        kolom="jumlah",
        nilai_lama=_teks(blok.realisasi_anggaran),
        nilai_baru=_teks(jumlah),
    )
    if jumlah is None:
        RealisasiAnggaran.objects.filter(
            sub_kegiatan=blok.sub_kegiatan, triwulan=triwulan
        ).delete()
    else:
        RealisasiAnggaran.objects.update_or_create(
            sub_kegiatan=blok.sub_kegiatan,
            triwulan=triwulan,
            defaults={"jumlah": jumlah, "diperbarui_oleh": user},
        )
    return [jejak]


def _terapkan_belanja(user, rincian_uang, jumlah, tahun, triwulan, sumber):
    rincian, lama = rincian_uang
    if _sama(lama, jumlah):
        return []
    jejak = _jejak(
        user,
        sumber,
        tahun,
        triwulan,
        objek=JejakAudit.Objek.BELANJA,
        rincian=rincian,
        sub_kegiatan=rincian.anggaran.sub_kegiatan,
        kolom="jumlah",
        nilai_lama=_teks(lama),
        nilai_baru=_teks(jumlah),
    )
    if jumlah is None:
        RealisasiBelanja.objects.filter(rincian=rincian, triwulan=triwulan).delete()
    else:
        RealisasiBelanja.objects.update_or_create(
            rincian=rincian, triwulan=triwulan, defaults={"jumlah": jumlah}
        )
    return [jejak]


# -- workflow ---------------------------------------------------------------

A = RiwayatStatus.Aksi
S = StatusEntri
KATA_KERJA = {
    A.AJUKAN: "mengajukan",
    A.KEMBALIKAN: "mengembalikan",
    A.VERIFIKASI: "memverifikasi",
    A.SAHKAN: "mengesahkan",
    A.BUKA_KUNCI: "membuka kunci",
}


@dataclass(frozen=True)
class Transisi:
    dari: tuple
    ke: str
    peran: frozenset
    unit_sendiri: bool = False
    wajib_catatan: str = ""


TRANSISI = {
    A.AJUKAN: Transisi((S.DRAF,), S.DIAJUKAN, frozenset({Peran.KEPALA_UNIT}), True),
    A.KEMBALIKAN: Transisi(
        (S.DIAJUKAN, S.DIVERIFIKASI),
        S.DRAF,
        frozenset({Peran.PERENCANAAN}),
        wajib_catatan="Tuliskan alasan pengembalian.",
    ),
    A.VERIFIKASI: Transisi(
        (S.DIAJUKAN,), S.DIVERIFIKASI, frozenset({Peran.PERENCANAAN})
    ),
    A.SAHKAN: Transisi((S.DIVERIFIKASI,), S.DISAHKAN, frozenset({Peran.PIMPINAN})),
    A.BUKA_KUNCI: Transisi(
        (S.DISAHKAN,),
        S.DRAF,
        frozenset({Peran.PERENCANAAN}),
        wajib_catatan="Tuliskan alasan membuka kunci.",
    ),
}


def aksi_tersedia(user, entri):
    """The actions ``user`` may take on ``entri`` now (for buttons)."""
    hasil = []
    for aksi, t in TRANSISI.items():
        try:
            _periksa_transisi(user, entri, aksi, t, catatan="x")
        except GagalEntri:
            continue
        hasil.append(aksi)
    return hasil


def _periksa_transisi(user, entri, aksi, t, catatan):
    if not peran_pengguna(user) & t.peran:
        raise AksesDitolak(f"Peran Anda tidak berhak {KATA_KERJA[aksi]} entri ini.")
    if t.unit_sendiri and not boleh_mengisi(user, entri.unit):
        raise AksesDitolak("Anda hanya dapat mengajukan entri unit Anda sendiri.")
    if entri.status not in t.dari:
        raise GagalEntri(
            f"Entri berstatus {entri.get_status_display()}; tidak dapat "
            f"{KATA_KERJA[aksi]} entri ini."
        )
    if t.wajib_catatan and not (catatan or "").strip():
        raise GagalEntri(t.wajib_catatan)


@transaction.atomic
def ubah_status(user, unit, tahun, triwulan, aksi, catatan=""):
    """Perform one workflow transition; return the ``EntriTriwulan``.

    Raises ``GagalEntri`` (or ``AksesDitolak``) with an Indonesian message and
    changes nothing when the role, unit, state or note does not allow it.
    Submitting needs every indicator of the unit filled in.
    """
    aksi = A(aksi)
    t = TRANSISI[aksi]
    entri, _ = EntriTriwulan.objects.select_for_update().get_or_create(
        unit=unit, tahun=tahun, triwulan=triwulan
    )
    _periksa_transisi(user, entri, aksi, t, catatan)
    if aksi == A.AJUKAN:
        lembar = lembar_entri(unit, tahun, triwulan)
        if lembar.jumlah_terisi < lembar.jumlah_indikator:
            raise GagalEntri(
                f"Baru {lembar.jumlah_terisi} dari {lembar.jumlah_indikator} "
                "indikator yang terisi; lengkapi dulu sebelum mengajukan."
            )
    RiwayatStatus.objects.create(
        entri=entri,
        aksi=aksi,
        dari=entri.status,
        ke=t.ke,
        catatan=(catatan or "").strip(),
        oleh=user,
    )
    entri.status = t.ke
    entri.catatan = (catatan or "").strip()
    entri.diubah_oleh = user
    entri.versi += 1
    entri.save()
    beri_tahu_transisi(user, entri, aksi, entri.catatan)
    return entri


@transaction.atomic
def atur_periode_entri(user, instansi, tahun, triwulan, dibuka):
    """Open or close a quarter for entry (Perencanaan only)."""
    if Peran.PERENCANAAN not in peran_pengguna(user):
        raise AksesDitolak(
            "Hanya Perencanaan yang dapat membuka atau menutup triwulan."
        )
    try:
        periksa_periode(tahun, triwulan)
    except PeriodeTidakValid as galat:
        raise GagalEntri(str(galat)) from None
    periode, _ = PeriodeEntri.objects.update_or_create(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        defaults={"dibuka": dibuka, "diubah_oleh": user},
    )
    return periode
