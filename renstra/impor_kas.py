"""The anggaran kas importer: the cash plan per month, summed to quarters
(``renstra.impor_sipd`` is the core)."""

from collections import defaultdict

from lakip.format import format_angka, format_uang
from renstra import sipd
from renstra.impor_sipd import (
    BERUBAH,
    TETAP,
    Butir,
    Importir,
    Masalah,
    anggaran_versi,
    daftarkan,
    kalimat_galat,
    rincian_per_rekening,
    simpan_nanti,
    sub_kegiatan_tahun,
)
from renstra.models import (
    AnggaranSubKegiatan,
    ImporSIPD,
)
from renstra.sipd import GalatBaris


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
            pratinjau.galat.append(Masalah(b.nomor, kalimat_galat(exc)))
            return None

    def susun(self, impor, baris, pratinjau):
        versi = impor.opsi.get("versi", AnggaranSubKegiatan.Versi.MURNI)
        ada = sub_kegiatan_tahun(impor.instansi, impor.tahun)
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
