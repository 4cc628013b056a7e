"""The DPA importer: pagu per sub kegiatan and per kode rekening, with the
program → kegiatan → sub kegiatan structure (``renstra.impor_sipd`` is the
core)."""

import datetime
from collections import defaultdict

from lakip.format import format_uang
from lakip.models import UnitKerja
from renstra import selectors, sipd
from renstra.impor_sipd import (
    BARU,
    BERUBAH,
    TETAP,
    Butir,
    Importir,
    Masalah,
    anggaran_versi,
    daftarkan,
    simpan_nanti,
    sub_kegiatan_tahun,
)
from renstra.models import (
    AnggaranSubKegiatan,
    ImporSIPD,
    Kegiatan,
    Program,
    RincianBelanja,
    SubKegiatan,
)


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
        ada = sub_kegiatan_tahun(instansi, tahun)
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
