"""Import of the budget realisation from a SIPD-shaped Excel file.

SIPD's realisation export is flat: one row per sub kegiatan × kode rekening with
the code and name of every level and the amount spent from 1 January up to the
end of the quarter chosen at upload. The sub kegiatan's realisation is the sum of
its rows; rows whose kode rekening matches an expenditure line of the budget in
force also set that line's realisation. Registered with the import flow of
``renstra.impor_sipd`` (preview, confirm, all or nothing, recorded).

The rules of the entry forms hold here too: a unit's quarter that is not in Draf
(submitted, verified, approved and locked) is not changed; money above the pagu
or below the previous quarter's cumulative figure is an error; every change is
written to the audit trail with source "sipd".
"""

from collections import defaultdict

from lakip.format import format_uang
from lakip.triwulan import TRIWULAN
from realisasi.models import (
    EntriTriwulan,
    JejakAudit,
    RealisasiAnggaran,
    RealisasiBelanja,
    StatusEntri,
)
from realisasi.selectors import jumlah_sampai
from renstra import selectors as renstra_sel
from renstra.impor_sipd import (
    BARU,
    BERUBAH,
    TETAP,
    Butir,
    Importir,
    Masalah,
    daftarkan,
    rincian_per_rekening,
    simpan_nanti,
)
from renstra.models import ImporSIPD, SubKegiatan


@daftarkan
class ImporRealisasi(Importir):
    jenis = ImporSIPD.Jenis.REALISASI
    judul = "Realisasi anggaran (s.d. akhir triwulan)"
    keterangan = (
        "Satu baris per sub kegiatan × kode rekening, dengan kode dan nama tiap "
        "tingkat dan nilai realisasi kumulatif sampai akhir triwulan yang dipilih."
    )
    wajib = ("kode_sub_kegiatan", "realisasi")
    kolom_nilai = {
        "realisasi": [
            "realisasi",
            "nilai realisasi",
            "jumlah realisasi",
            "realisasi anggaran",
            "realisasi s d",
        ]
    }
    perlu_triwulan = True
    perlu_versi = False

    def susun(self, impor, baris, pratinjau):
        triwulan = int(impor.opsi.get("triwulan") or 0)
        if triwulan not in TRIWULAN:
            pratinjau.galat.append(Masalah(None, "Triwulan belum dipilih."))
            return
        ada = {
            s.kode: s
            for s in SubKegiatan.objects.filter(
                kegiatan__program__periode__instansi=impor.instansi,
                kegiatan__program__tahun=impor.tahun,
            ).prefetch_related("anggaran__rincian")
        }
        per_sub = defaultdict(int)
        per_rekening = defaultdict(lambda: defaultdict(int))
        for b in baris:
            kode = self.kode_baris(b, impor, pratinjau)
            jumlah = self.uang(b, "realisasi", "realisasi", pratinjau)
            if kode is None or jumlah is None:
                continue
            if kode not in ada:
                pratinjau.galat.append(
                    Masalah(
                        b.nomor,
                        f"Kode sub kegiatan {kode} tidak ada dalam rencana "
                        f"{impor.tahun}.",
                    )
                )
                continue
            per_sub[kode] += jumlah
            if b.teks("kode_rekening"):
                per_rekening[kode][b.teks("kode_rekening")] += jumlah
        if pratinjau.galat:
            return
        lama = _realisasi_tersimpan(ada.values())
        status = {
            e.unit_id: e
            for e in EntriTriwulan.objects.filter(
                unit__instansi=impor.instansi, tahun=impor.tahun, triwulan=triwulan
            ).select_related("unit")
        }
        for kode, jumlah in per_sub.items():
            sub = ada[kode]
            jumlah_langkah = len(pratinjau.langkah)
            self._sub(sub, triwulan, jumlah, per_rekening[kode], lama, impor, pratinjau)
            self._periksa_wajar(sub, triwulan, jumlah, lama, pratinjau)
            entri = status.get(sub.unit_id)
            berubah = len(pratinjau.langkah) > jumlah_langkah
            if berubah and entri is not None and entri.status != StatusEntri.DRAF:
                pratinjau.galat.append(
                    Masalah(
                        None,
                        f"Sub kegiatan {sub.kode}: entri {entri.unit.nama} TW "
                        f"{triwulan} berstatus {entri.get_status_display()}; hanya "
                        "entri berstatus Draf yang dapat diubah.",
                    )
                )

    def _sub(self, sub, triwulan, jumlah, per_rekening, lama, impor, pratinjau):
        tersimpan = lama["anggaran"].get((sub.pk, triwulan))
        if tersimpan is None:
            status, keterangan = BARU, format_uang(jumlah)
            objek = RealisasiAnggaran(sub_kegiatan=sub, triwulan=triwulan, jumlah=0)
        else:
            objek = tersimpan
            status = TETAP if objek.jumlah == jumlah else BERUBAH
            keterangan = format_uang(jumlah)
            if status == BERUBAH:
                keterangan = f"{format_uang(objek.jumlah)} → {keterangan}"
        if status != TETAP:
            pratinjau.langkah.append(
                simpan_nanti(
                    objek,
                    jumlah=jumlah,
                    diperbarui_oleh=impor.diterapkan_oleh or impor.diunggah_oleh,
                )
            )
            pratinjau.langkah.append(
                _catat(
                    impor,
                    triwulan,
                    objek=JejakAudit.Objek.ANGGARAN,
                    sub_kegiatan=sub,
                    nilai_lama="" if tersimpan is None else str(tersimpan.jumlah),
                    nilai_baru=str(jumlah),
                )
            )
        anggaran = renstra_sel.anggaran_berlaku(sub)
        rincian = rincian_per_rekening(anggaran, sub, per_rekening, pratinjau)
        jumlah_rincian = 0
        for rekening, nilai in per_rekening.items():
            baris = rincian.get(rekening)
            if baris is None:
                continue
            belanja = lama["belanja"].get((baris.pk, triwulan))
            nilai_lama = "" if belanja is None else str(belanja.jumlah)
            if belanja is None:
                belanja = RealisasiBelanja(rincian=baris, triwulan=triwulan, jumlah=0)
            elif belanja.jumlah == nilai:
                continue
            jumlah_rincian += 1
            pratinjau.langkah.append(simpan_nanti(belanja, jumlah=nilai))
            pratinjau.langkah.append(
                _catat(
                    impor,
                    triwulan,
                    objek=JejakAudit.Objek.BELANJA,
                    sub_kegiatan=sub,
                    rincian=baris,
                    nilai_lama=nilai_lama,
                    nilai_baru=str(nilai),
                )
            )
        if jumlah_rincian:
            keterangan += f"; {jumlah_rincian} rincian belanja diperbarui"
            if status == TETAP:
                status = BERUBAH
        pratinjau.butir.append(
            Butir(
                status,
                f"Realisasi TW {triwulan}",
                sub.kode,
                sub.nama,
                keterangan,
            )
        )

    def _periksa_wajar(self, sub, triwulan, jumlah, lama, pratinjau):
        per_tw = {
            t: r.jumlah
            for t in range(1, triwulan)
            if (r := lama["anggaran"].get((sub.pk, t))) is not None
        }
        sebelum = jumlah_sampai(per_tw, triwulan - 1)
        if sebelum is not None and jumlah < sebelum:
            pratinjau.galat.append(
                Masalah(
                    None,
                    f"Sub kegiatan {sub.kode}: realisasi s.d. TW {triwulan} "
                    f"({format_uang(jumlah)}) lebih kecil daripada triwulan "
                    f"sebelumnya ({format_uang(sebelum)}); realisasi bersifat "
                    "kumulatif.",
                )
            )
        anggaran = renstra_sel.anggaran_berlaku(sub)
        if anggaran is not None and jumlah > anggaran.pagu:
            pratinjau.galat.append(
                Masalah(
                    None,
                    f"Sub kegiatan {sub.kode}: realisasi {format_uang(jumlah)} "
                    f"melebihi pagu {format_uang(anggaran.pagu)}.",
                )
            )


def _catat(impor, triwulan, **kolom):
    """A write step recording one change in the audit trail (run at apply)."""

    def langkah():
        JejakAudit.objects.create(
            oleh=impor.diterapkan_oleh or impor.diunggah_oleh,
            sumber="sipd",
            tahun=impor.tahun,
            triwulan=triwulan,
            kolom="jumlah",
            **kolom,
        )

    return langkah


def _realisasi_tersimpan(sub_kegiatan):
    """The stored realisation rows of the given sub kegiatan, keyed for lookup."""
    anggaran = {
        (r.sub_kegiatan_id, r.triwulan): r
        for r in RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub_kegiatan)
    }
    belanja = {
        (r.rincian_id, r.triwulan): r
        for r in RealisasiBelanja.objects.filter(
            rincian__anggaran__sub_kegiatan__in=sub_kegiatan
        )
    }
    return {"anggaran": anggaran, "belanja": belanja}
