"""Budget import from SIPD-shaped Excel: DPA and anggaran kas (this module),
realisasi (``realisasi.impor_sipd``, registered here by the realisasi app).

Every import runs in two steps. ``unggah_impor`` stores the file and checks the
whole of it: the preview lists what will be created, changed and left alone, and
every row that cannot be used, with its row number and the reason. Only a file
without such rows can be applied: ``konfirmasi_impor`` checks it again against the
data as it is then and applies it in one transaction (all or nothing). Every
upload is recorded (``ImporSIPD``: who, when, file, counts). Applying the same
file twice changes nothing the second time.
"""

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from lakip.format import format_angka, format_uang
from lakip.models import UnitKerja
from renstra import penjaga, selectors, sipd
from renstra.models import (
    AnggaranSubKegiatan,
    ImporSIPD,
    Kegiatan,
    Program,
    RincianBelanja,
    SubKegiatan,
)
from renstra.services import catat
from renstra.sipd import GalatBaris, GalatBerkas

BARU, BERUBAH, TETAP = "baru", "berubah", "tetap"


class GalatImpor(ValueError):
    """The import cannot be applied; the message says why, in Indonesian."""


@dataclass
class Butir:
    """One record of the preview and what the import does to it."""

    status: str  # BARU, BERUBAH or TETAP
    objek: str
    kode: str
    nama: str
    keterangan: str = ""


@dataclass
class Masalah:
    """A row (Excel row number; None for the whole file) and what is wrong."""

    baris: int | None
    pesan: str


@dataclass
class Pratinjau:
    """What an import would do. ``langkah`` are the writes, in order."""

    lembar: str = ""
    jumlah_baris: int = 0
    butir: list = field(default_factory=list)
    galat: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    langkah: list = field(default_factory=list)

    def hitung(self, status):
        return sum(1 for b in self.butir if b.status == status)

    @property
    def baru(self):
        return self.hitung(BARU)

    @property
    def berubah(self):
        return self.hitung(BERUBAH)

    @property
    def tetap(self):
        return self.hitung(TETAP)

    @property
    def bisa_diterapkan(self):
        return not self.galat

    @property
    def butir_berubah(self):
        return [b for b in self.butir if b.status != TETAP]


class Importir:
    """One kind of SIPD file. Subclasses set ``jenis``, ``wajib`` and
    ``kolom_nilai`` and implement ``susun`` (rows -> preview with its writes)."""

    jenis = ""
    judul = ""
    keterangan = ""
    wajib = ()
    kolom_nilai = {}
    perlu_triwulan = False
    perlu_versi = True

    def periksa(self, impor):
        """The preview of the stored file ``impor`` against the current data.
        Never writes."""
        pratinjau = Pratinjau()
        try:
            pratinjau.lembar, baris = sipd.baris_impor(
                impor, self.wajib, self.kolom_nilai
            )
        except GalatBerkas as exc:
            pratinjau.galat.append(Masalah(None, str(exc)))
            return pratinjau
        pratinjau.jumlah_baris = len(baris)
        if not baris:
            pratinjau.galat.append(Masalah(None, "Berkas tidak berisi baris data."))
            return pratinjau
        self.susun(impor, baris, pratinjau)
        return pratinjau

    def susun(self, impor, baris, pratinjau):  # pragma: no cover - abstract
        raise NotImplementedError

    def terapkan(self, pratinjau):
        for langkah in pratinjau.langkah:
            langkah()

    # helpers for subclasses

    @staticmethod
    def kode_baris(baris, impor, pratinjau):
        """The row's full sub kegiatan code, or None after recording the error."""
        try:
            return sipd.kode_lengkap(baris, impor.instansi.kode_urusan)
        except GalatBaris as exc:
            pratinjau.galat.append(Masalah(baris.nomor, _kalimat(exc)))
            return None

    @staticmethod
    def uang(baris, kolom, label, pratinjau):
        try:
            return sipd.rupiah(baris.sel.get(kolom), label)
        except GalatBaris as exc:
            pratinjau.galat.append(Masalah(baris.nomor, _kalimat(exc)))
            return None


def _kalimat(exc):
    teks = str(exc)
    return teks[:1].upper() + teks[1:] + ("" if teks.endswith(".") else ".")


IMPORTIR = {}


def daftarkan(kelas):
    """Class decorator: make an importer available to the import screens (by
    ``jenis``). Importers keep no state between calls."""
    IMPORTIR[kelas.jenis] = kelas()
    return kelas


def importir_untuk(jenis):
    try:
        return IMPORTIR[jenis]
    except KeyError:
        raise GalatImpor(f"Jenis impor “{jenis}” tidak dikenal.") from None


def _sub_kegiatan_tahun(instansi, tahun):
    """``{kode: SubKegiatan}`` of the year, with every budget version."""
    return {
        s.kode: s
        for s in SubKegiatan.objects.filter(
            kegiatan__program__periode__instansi=instansi,
            kegiatan__program__tahun=tahun,
        )
        .select_related("kegiatan__program")
        .prefetch_related("anggaran__rincian")
    }


def anggaran_versi(sub, versi):
    """The budget row of ``versi`` among the prefetched ones, or None."""
    return next((a for a in sub.anggaran.all() if a.versi == versi), None)


def simpan_nanti(objek, **ubah):
    """A write step: set ``ubah`` on ``objek`` and save it (run at apply)."""

    def langkah():
        for nama, nilai in ubah.items():
            setattr(objek, nama, nilai)
        objek.save()

    return langkah


def _rincian_pagu(pagu_lama, pagu_baru):
    if pagu_lama == pagu_baru:
        return f"pagu {format_uang(pagu_baru)}"
    return f"pagu {format_uang(pagu_lama)} → {format_uang(pagu_baru)}"


@daftarkan
class ImporDPA(Importir):
    """The DPA: pagu per sub kegiatan and per kode rekening.

    Programs, kegiatan and sub kegiatan not yet in the year's plan are created
    (names from the file; new sub kegiatan go to the unit chosen at upload); the
    budget of the chosen version (murni or perubahan) is set to the file's sums,
    expenditure lines are created or updated by kode rekening. Existing names,
    and lines or sub kegiatan the file does not mention, are left alone.
    """

    jenis = ImporSIPD.Jenis.DPA
    judul = "DPA (pagu per sub kegiatan dan rincian belanja)"
    keterangan = (
        "Satu baris per sub kegiatan × kode rekening, dengan kode dan nama tiap "
        "tingkat (program, kegiatan, sub kegiatan, rekening) dan pagu."
    )
    wajib = ("kode_sub_kegiatan", "nama_sub_kegiatan", "pagu")
    kolom_nilai = {
        "pagu": [
            "pagu",
            "nilai",
            "jumlah",
            "anggaran",
            "pagu anggaran",
            "nilai anggaran",
            "nilai rincian",
            "total",
        ]
    }

    def susun(self, impor, baris, pratinjau):
        instansi, tahun = impor.instansi, impor.tahun
        versi = impor.opsi.get("versi", AnggaranSubKegiatan.Versi.MURNI)
        per_sub = {}  # kode -> {"nama", "baris", "rekening": {kode: [uraian, pagu]}}
        for b in baris:
            kode = self.kode_baris(b, impor, pratinjau)
            pagu = self.uang(b, "pagu", "pagu", pratinjau)
            if kode is None or pagu is None:
                continue
            data = per_sub.setdefault(
                kode,
                {"baris": b, "rekening": {}, "tanpa_rekening": None, "pagu": 0},
            )
            data["pagu"] += pagu
            rekening = b.teks("kode_rekening")
            if rekening:
                uraian_pagu = data["rekening"].setdefault(
                    rekening, [b.teks("nama_rekening") or rekening, 0]
                )
                uraian_pagu[1] += pagu
            else:
                data["tanpa_rekening"] = b.nomor
            if data["rekening"] and data["tanpa_rekening"]:
                pratinjau.galat.append(
                    Masalah(
                        b.nomor,
                        f"Sub kegiatan {kode} memiliki baris dengan dan tanpa kode "
                        "rekening; gunakan salah satu bentuk saja.",
                    )
                )
        if pratinjau.galat:
            return
        ada = _sub_kegiatan_tahun(instansi, tahun)
        struktur = _Struktur(impor, pratinjau, ada.values())
        for kode, data in per_sub.items():
            sub = ada.get(kode) or struktur.sub_kegiatan_baru(kode, data["baris"])
            if sub is None:
                continue
            self._anggaran(sub, versi, data, impor, pratinjau)
        if versi == AnggaranSubKegiatan.Versi.PERUBAHAN:
            for kode, sub in ada.items():
                if kode not in per_sub and anggaran_versi(sub, versi) is None:
                    pratinjau.peringatan.append(
                        Masalah(
                            None,
                            f"Sub kegiatan {kode} tidak ada dalam berkas DPA "
                            "perubahan; anggaran murninya tetap berlaku.",
                        )
                    )
        else:
            for kode in ada.keys() - per_sub.keys():
                pratinjau.peringatan.append(
                    Masalah(
                        None,
                        f"Sub kegiatan {kode} tidak ada dalam berkas; anggarannya "
                        "tidak diubah.",
                    )
                )

    def _anggaran(self, sub, versi, data, impor, pratinjau):
        anggaran = None if sub.pk is None else anggaran_versi(sub, versi)
        pagu_lama = None if anggaran is None else anggaran.pagu
        if anggaran is None:
            anggaran = AnggaranSubKegiatan(sub_kegiatan=sub, versi=versi, pagu=0)
        ubah = {}
        tanggal = impor.opsi.get("tanggal")
        if tanggal and str(anggaran.tanggal) != tanggal:
            ubah["tanggal"] = datetime.date.fromisoformat(tanggal)
        alasan = impor.opsi.get("alasan")
        if alasan and anggaran.alasan != alasan:
            ubah["alasan"] = alasan
        if anggaran.pk is None:
            status = BARU
        else:
            status = BERUBAH if anggaran.pagu != data["pagu"] or ubah else TETAP
        rincian_lama = (
            {r.kode_rekening: r for r in anggaran.rincian.all()} if anggaran.pk else {}
        )
        rincian_langkah, jumlah = [], defaultdict(int)
        for urutan, (rekening, (uraian, pagu)) in enumerate(
            data["rekening"].items(), start=1
        ):
            lama = rincian_lama.get(rekening)
            if lama is None:
                jumlah[BARU] += 1
                baru = RincianBelanja(
                    anggaran=anggaran,
                    kode_rekening=rekening,
                    uraian=uraian[:300],
                    pagu=pagu,
                    urutan=urutan,
                )
                rincian_langkah.append(baru.save)
            elif lama.pagu != pagu:
                jumlah[BERUBAH] += 1
                rincian_langkah.append(simpan_nanti(lama, pagu=pagu))
        if jumlah and status == TETAP:
            status = BERUBAH
        keterangan = _rincian_pagu(pagu_lama, data["pagu"])
        if jumlah:
            keterangan += "; rincian belanja: " + ", ".join(
                f"{n} {s}" for s, n in jumlah.items()
            )
        pratinjau.butir.append(
            Butir(status, f"Anggaran ({versi})", sub.kode, sub.nama, keterangan)
        )
        if status != TETAP:
            pratinjau.langkah.append(simpan_nanti(anggaran, pagu=data["pagu"], **ubah))
            pratinjau.langkah.extend(rincian_langkah)


class _Struktur:
    """Creates (in the preview: plans) programs, kegiatan and sub kegiatan that
    the year's plan does not have yet."""

    def __init__(self, impor, pratinjau, sub_kegiatan):
        self.impor = impor
        self.pratinjau = pratinjau
        instansi, tahun = impor.instansi, impor.tahun
        self.program = {
            p.kode: p
            for p in Program.objects.filter(periode__instansi=instansi, tahun=tahun)
        }
        self.kegiatan = {
            k.kode: k
            for k in Kegiatan.objects.filter(
                program__periode__instansi=instansi, program__tahun=tahun
            ).select_related("program")
        }
        # the last position under each parent, so that new records go last
        self.urutan = defaultdict(int)
        self.urutan[""] = max((p.urutan for p in self.program.values()), default=0)
        for anak in [*self.kegiatan.values(), *sub_kegiatan]:
            induk = anak.kode.rsplit(".", 2 if isinstance(anak, Kegiatan) else 1)[0]
            self.urutan[induk] = max(self.urutan[induk], anak.urutan)
        self._periode = self._unit = None

    def periode(self, nomor):
        if self._periode is None:
            self._periode = selectors.periode_untuk_tahun(
                self.impor.instansi, self.impor.tahun
            )
            if self._periode is None:
                self.pratinjau.galat.append(
                    Masalah(
                        nomor,
                        f"Belum ada periode Renstra yang mencakup tahun "
                        f"{self.impor.tahun}; buat periode Renstra terlebih dahulu.",
                    )
                )
        return self._periode

    def unit(self, nomor):
        if self._unit is None:
            pk = self.impor.opsi.get("unit")
            self._unit = UnitKerja.objects.filter(
                instansi=self.impor.instansi, pk=pk
            ).first()
            if self._unit is None:
                self.pratinjau.galat.append(
                    Masalah(
                        nomor,
                        "Ada sub kegiatan baru, tetapi unit kerja penanggung "
                        "jawabnya belum dipilih.",
                    )
                )
        return self._unit

    def _nama(self, baris, kolom, label, kode):
        nama = baris.teks(kolom)
        if not nama:
            self.pratinjau.galat.append(
                Masalah(baris.nomor, f"Nama {label} {kode} (baru) kosong.")
            )
        return nama

    def sub_kegiatan_baru(self, kode, baris):
        kode_program, kode_kegiatan = sipd.kode_induk(kode)
        program = self.program.get(kode_program)
        if program is None:
            nama = self._nama(baris, "nama_program", "program", kode_program)
            periode = self.periode(baris.nomor)
            if not nama or periode is None:
                return None
            self.urutan[""] += 1
            program = Program(
                periode=periode,
                tahun=self.impor.tahun,
                kode=kode_program,
                nama=nama[:300],
                urutan=self.urutan[""],
            )
            self._baru(program, "Program", baris)
            self.program[kode_program] = program
        kegiatan = self.kegiatan.get(kode_kegiatan)
        if kegiatan is None:
            nama = self._nama(baris, "nama_kegiatan", "kegiatan", kode_kegiatan)
            if not nama:
                return None
            self.urutan[kode_program] += 1
            kegiatan = Kegiatan(
                program=program,
                kode=kode_kegiatan,
                nama=nama[:400],
                urutan=self.urutan[kode_program],
            )
            self._baru(kegiatan, "Kegiatan", baris)
            self.kegiatan[kode_kegiatan] = kegiatan
        nama = self._nama(baris, "nama_sub_kegiatan", "sub kegiatan", kode)
        unit = self.unit(baris.nomor)
        if not nama or unit is None:
            return None
        self.urutan[kode_kegiatan] += 1
        sub = SubKegiatan(
            kegiatan=kegiatan,
            kode=kode,
            nama=nama[:400],
            unit=unit,
            urutan=self.urutan[kode_kegiatan],
        )
        self._baru(sub, "Sub kegiatan", baris)
        return sub

    def _baru(self, objek, label, baris):
        self.pratinjau.butir.append(
            Butir(BARU, label, objek.kode, objek.nama, f"baris {baris.nomor}")
        )
        self.pratinjau.langkah.append(objek.save)


def rincian_per_rekening(anggaran, sub, rekening_berkas, pratinjau):
    """``{kode rekening: RincianBelanja}`` of ``anggaran`` (None: no lines); warns
    for every code of ``rekening_berkas`` that has no line there."""
    rincian = {r.kode_rekening: r for r in anggaran.rincian.all()} if anggaran else {}
    for rekening in rekening_berkas:
        if rekening not in rincian:
            pratinjau.peringatan.append(
                Masalah(
                    None,
                    f"Sub kegiatan {sub.kode}: kode rekening {rekening} tidak ada "
                    "dalam rincian belanja DPA; hanya dijumlahkan ke sub kegiatan.",
                )
            )
    return rincian


def _kas_kosong():
    return [0, 0, 0, 0]


@daftarkan
class ImporKas(Importir):
    """The anggaran kas: per sub kegiatan × kode rekening × month, summed to
    quarters. Months may be columns (Januari … Desember) or rows (a Bulan
    column). The budget version chosen at upload must already exist (DPA first);
    lines are matched by kode rekening."""

    jenis = ImporSIPD.Jenis.KAS
    judul = "Anggaran kas (rencana per bulan)"
    keterangan = (
        "Satu baris per sub kegiatan × kode rekening, dengan kolom Januari … "
        "Desember, atau satu baris per bulan dengan kolom Bulan dan Nilai."
    )
    wajib = ("kode_sub_kegiatan", ("bulan_1", "bulan"))
    kolom_nilai = {"nilai_kas": ["nilai", "jumlah", "anggaran kas", "nilai kas"]}

    def _bulan_baris(self, b, pratinjau):
        """``{bulan: rupiah}`` of one row, or None after recording the error."""
        try:
            if "bulan" in b.sel and b.teks("bulan"):
                return {sipd.bulan(b.sel["bulan"]): sipd.rupiah(b.sel.get("nilai_kas"))}
            return {
                i: sipd.rupiah(b.sel.get(f"bulan_{i}"), f"anggaran kas bulan {i}")
                for i in range(1, 13)
            }
        except GalatBaris as exc:
            pratinjau.galat.append(Masalah(b.nomor, _kalimat(exc)))
            return None

    def susun(self, impor, baris, pratinjau):
        versi = impor.opsi.get("versi", AnggaranSubKegiatan.Versi.MURNI)
        ada = _sub_kegiatan_tahun(impor.instansi, impor.tahun)
        if baris[0].sel.keys() >= {"bulan"} and "nilai_kas" not in baris[0].sel:
            pratinjau.galat.append(
                Masalah(None, "Ada kolom “Bulan” tetapi tidak ada kolom “Nilai”.")
            )
            return
        per_sub = defaultdict(_kas_kosong)
        per_rekening = defaultdict(lambda: defaultdict(_kas_kosong))
        for b in baris:
            kode = self.kode_baris(b, impor, pratinjau)
            per_bulan = self._bulan_baris(b, pratinjau)
            if kode is None or per_bulan is None:
                continue
            sub = ada.get(kode)
            if sub is None:
                pratinjau.galat.append(
                    Masalah(
                        b.nomor,
                        f"Kode sub kegiatan {kode} tidak ada dalam rencana "
                        f"{impor.tahun}; impor DPA terlebih dahulu.",
                    )
                )
                continue
            if anggaran_versi(sub, versi) is None:
                pratinjau.galat.append(
                    Masalah(
                        b.nomor,
                        f"Sub kegiatan {kode} belum memiliki DPA {versi}; impor "
                        "DPA terlebih dahulu.",
                    )
                )
                continue
            for nomor_bulan, nilai in per_bulan.items():
                tw = sipd.triwulan_bulan(nomor_bulan) - 1
                per_sub[kode][tw] += nilai
                rekening = b.teks("kode_rekening")
                if rekening:
                    per_rekening[kode][rekening][tw] += nilai
        if pratinjau.galat:
            return
        for kode, kas in per_sub.items():
            self._anggaran(ada[kode], versi, kas, per_rekening[kode], pratinjau)

    def _anggaran(self, sub, versi, kas, per_rekening, pratinjau):
        anggaran = anggaran_versi(sub, versi)
        lama = [anggaran.kas_per_triwulan[t] for t in range(1, 5)]
        langkah = []
        if lama != kas:
            langkah.append(simpan_nanti(anggaran, **_kolom_kas(kas)))
        rincian = rincian_per_rekening(anggaran, sub, per_rekening, pratinjau)
        for rekening, kas_rekening in per_rekening.items():
            baris = rincian.get(rekening)
            if baris is None:
                continue
            if [baris.kas_per_triwulan[t] for t in range(1, 5)] != kas_rekening:
                langkah.append(simpan_nanti(baris, **_kolom_kas(kas_rekening)))
        if sum(kas) != anggaran.pagu:
            pratinjau.peringatan.append(
                Masalah(
                    None,
                    f"Sub kegiatan {sub.kode}: jumlah anggaran kas setahun "
                    f"{format_uang(sum(kas))} tidak sama dengan pagu "
                    f"{format_uang(anggaran.pagu)}.",
                )
            )
        teks = "/".join(format_angka(k) for k in kas)
        if lama != kas:
            teks = "/".join(format_angka(k) for k in lama) + " → " + teks
        pratinjau.butir.append(
            Butir(
                BERUBAH if langkah else TETAP,
                f"Anggaran kas ({versi})",
                sub.kode,
                sub.nama,
                f"TW I/II/III/IV: {teks}",
            )
        )
        pratinjau.langkah.extend(langkah)


def _kolom_kas(kas):
    return {f"kas_tw{t}": kas[t - 1] for t in range(1, 5)}


# The import flow: upload (check, preview), confirm (apply), cancel.


def unggah_impor(instansi, jenis, tahun, berkas, oleh, opsi=None):
    """Store an uploaded file as an ``ImporSIPD`` and check it.

    Refuses (``GalatBerkas``, nothing stored) what is not an .xlsx file or is too
    large. Otherwise returns ``(impor, pratinjau)``; the record's status is
    ``pratinjau`` (may be confirmed) or ``ditolak`` (rows that cannot be used).
    """
    importir = importir_untuk(jenis)
    sipd.periksa_berkas(berkas.name, berkas.size)
    isi = berkas.read()
    sipd.periksa_berkas(berkas.name, len(isi), isi)
    impor = ImporSIPD(
        instansi=instansi,
        jenis=jenis,
        tahun=tahun,
        opsi=opsi or {},
        nama_file=berkas.name[:255],
        ukuran=len(isi),
        sidik=hashlib.sha256(isi).hexdigest(),
        isi=isi,
        diunggah_oleh=oleh,
    )
    pratinjau = importir.periksa(impor)
    _hitung(impor, pratinjau)
    impor.status = (
        ImporSIPD.Status.PRATINJAU
        if pratinjau.bisa_diterapkan
        else ImporSIPD.Status.DITOLAK
    )
    impor.save()
    return impor, pratinjau


def _hitung(impor, pratinjau):
    impor.jumlah_baris = pratinjau.jumlah_baris
    impor.jumlah_baru = pratinjau.baru
    impor.jumlah_berubah = pratinjau.berubah
    impor.jumlah_tetap = pratinjau.tetap
    impor.jumlah_galat = len(pratinjau.galat)


def pratinjau_impor(impor):
    """The preview of a stored import against the current data (read only)."""
    return importir_untuk(impor.jenis).periksa(impor)


def konfirmasi_impor(impor, oleh):
    """Apply a previewed import: checked again, then written in one transaction.

    Raises ``GalatImpor`` (nothing written) if the import is not waiting for
    confirmation or if its file now has rows that cannot be used. Returns the
    preview that was applied; the record holds who applied it and the counts.
    """
    importir = importir_untuk(impor.jenis)
    with transaction.atomic():
        impor = ImporSIPD.objects.select_for_update().get(pk=impor.pk)
        if impor.status != ImporSIPD.Status.PRATINJAU:
            raise GalatImpor(
                f"Impor ini berstatus “{impor.get_status_display()}” dan tidak dapat "
                "diterapkan."
            )
        impor.diterapkan_oleh = oleh  # the steps record who applied them
        pratinjau = importir.periksa(impor)
        if alasan := penjaga.tolakan(penjaga.dampak_impor(impor, pratinjau)):
            raise GalatImpor(alasan)  # it would change a Disahkan quarter
        if not pratinjau.bisa_diterapkan:
            raise GalatImpor(
                "Berkas tidak dapat diterapkan: "
                + "; ".join(_teks_masalah(m) for m in pratinjau.galat[:5])
            )
        importir.terapkan(pratinjau)
        _hitung(impor, pratinjau)
        impor.status = ImporSIPD.Status.DITERAPKAN
        impor.diterapkan_oleh = oleh
        impor.diterapkan_pada = timezone.now()
        impor.save()
        catat(
            impor.instansi,
            oleh,
            f"impor_{impor.jenis}",
            str(impor),
            {
                "baru": impor.jumlah_baru,
                "berubah": impor.jumlah_berubah,
                "tetap": impor.jumlah_tetap,
                "sidik": impor.sidik,
            },
        )
    return pratinjau


def batalkan_impor(impor, oleh):
    """Abandon an import waiting for confirmation (nothing is written)."""
    with transaction.atomic():
        impor = ImporSIPD.objects.select_for_update().get(pk=impor.pk)
        if impor.status != ImporSIPD.Status.PRATINJAU:
            raise GalatImpor(
                f"Impor ini berstatus “{impor.get_status_display()}”; tidak ada "
                "yang dibatalkan."
            )
        impor.status = ImporSIPD.Status.DIBATALKAN
        impor.diterapkan_oleh = oleh
        impor.diterapkan_pada = timezone.now()
        impor.save(update_fields=["status", "diterapkan_oleh", "diterapkan_pada"])
    return impor


def _teks_masalah(masalah):
    if masalah.baris is None:
        return masalah.pesan
    return f"baris {masalah.baris}: {masalah.pesan}"
