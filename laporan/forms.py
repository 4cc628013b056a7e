"""Forms of the report pages (rendered with crispy-forms, Bootstrap 5)."""

from dataclasses import dataclass, field

from django import forms

from lakip.format import batas_field, format_persen, format_triwulan
from lakip.triwulan import TRIWULAN_CHOICES
from laporan.models import DataDukung, TeksLaporan
from laporan.services import (
    BAGIAN_DOKUMEN,
    BAGIAN_SASARAN,
    LaporanTidakValid,
    baca_tabel,
)
from laporan.templatetags.dokumen import nilai_satuan

Bagian = TeksLaporan.Bagian
URUTAN_MAKS = int(batas_field(DataDukung._meta.get_field("urutan")).terbesar)
TINGKAT_LABEL = {
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub kegiatan",
}


class PeriodeForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    triwulan = forms.TypedChoiceField(
        label="Triwulan", choices=TRIWULAN_CHOICES, coerce=int
    )


@dataclass
class Bidang:
    bagian: str
    kode: str
    label: str
    bantuan: str = ""

    @property
    def nama(self):
        return f"{self.bagian}|{self.kode}"


@dataclass
class Grup:
    """A set of prose sections edited on one page."""

    kunci: str
    judul: str
    bidang: list = field(default_factory=list)
    dengan_tanggal: bool = False


def _ringkasan_indikator(narasi):
    """The computed figures shown beside a narrative box (not editable)."""
    return "; ".join(
        f"{i.nama}: target {nilai_satuan(i.target_tahun, i.satuan)}, realisasi "
        f"{nilai_satuan(i.realisasi_kumulatif, i.satuan)}, capaian "
        f"{format_persen(i.capaian_tahun)}%"
        for i in narasi.indikator
    )


def _bidang_narasi(narasi, hasil):
    hasil.append(
        Bidang(
            Bagian.NARASI,
            narasi.kode,
            f"{TINGKAT_LABEL[narasi.tingkat]} {narasi.kode} {narasi.nama}",
            _ringkasan_indikator(narasi),
        )
    )
    for anak in narasi.anak:
        _bidang_narasi(anak, hasil)


def daftar_grup(dok):
    """The editing pages of a document: its own sections (with the signing
    date), one page per sasaran, and one per program's narratives."""
    grup = [
        Grup(
            "umum",
            "Bagian umum (Kata Pengantar, BAB I, BAB II, pengantar BAB III, BAB IV)",
            [Bidang(b.value, "", b.label) for b in BAGIAN_DOKUMEN],
            dengan_tanggal=True,
        )
    ]
    for bs in dok.sasaran:
        kode = bs.sasaran.kode
        grup.append(
            Grup(
                f"sasaran-{kode}",
                f"Sasaran {bs.nomor}: {bs.sasaran.nama}",
                [Bidang(b.value, kode, b.label) for b in BAGIAN_SASARAN],
            )
        )
    for bs in dok.sasaran:
        for program in bs.program:
            bidang = []
            _bidang_narasi(program, bidang)
            grup.append(
                Grup(
                    f"narasi-{program.kode}",
                    f"Narasi {program.nama} (Sasaran {bs.nomor})",
                    bidang,
                )
            )
    return grup


class TeksForm(forms.Form):
    """One textarea per prose section of a ``Grup``."""

    def __init__(self, *args, grup, awal, tanggal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.grup = grup
        if grup.dengan_tanggal:
            self.fields["tanggal"] = forms.DateField(
                label="Tanggal penandatanganan",
                initial=tanggal,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                help_text="Tanggal di atas tanda tangan Kepala Dinas.",
            )
        for b in grup.bidang:
            self.fields[b.nama] = forms.CharField(
                label=b.label,
                required=False,
                initial=awal.get((b.bagian, b.kode), ""),
                help_text=b.bantuan,
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def perubahan(self):
        """``{(bagian, kode): teks}`` of the submitted form."""
        return {
            (b.bagian, b.kode): self.cleaned_data.get(b.nama, "")
            for b in self.grup.bidang
        }


def pilihan_pemilik(dok):
    """Choices for the owner of a supporting table: the sasaran, then every
    indicator of the report, by level."""
    pilihan = [
        (f"sasaran:{bs.sasaran.pk}", f"Sasaran {bs.nomor}: {bs.sasaran.nama}")
        for bs in dok.sasaran
    ]
    for i in dok.data.indikator:
        tingkat = "IKU" if i.tingkat == "sasaran" else TINGKAT_LABEL[i.tingkat]
        pilihan.append(
            (f"indikator:{i.objek.pk}", f"{tingkat}: {i.nama} ({i.pemilik})")
        )
    return pilihan


class DataDukungForm(forms.Form):
    judul = forms.CharField(label="Judul tabel", max_length=300)
    pemilik = forms.ChoiceField(
        label="Melekat pada",
        help_text="Tabel dicetak di bagian sasaran atau indikator ini.",
    )
    tabel = forms.CharField(
        label="Isi tabel",
        widget=forms.Textarea(attrs={"rows": 10, "class": "font-monospace"}),
        help_text=(
            "Baris pertama: judul kolom. Setiap baris berikutnya: satu baris data. "
            "Pisahkan sel dengan tab (tempel dari Excel) atau dengan “|”. "
            "Isi sel dicetak apa adanya."
        ),
    )
    keterangan = forms.CharField(
        label="Keterangan/sumber data", max_length=300, required=False
    )
    urutan = forms.IntegerField(
        label="Urutan",
        min_value=0,
        max_value=URUTAN_MAKS,
        initial=0,
        required=False,
    )

    def __init__(self, *args, dok, **kwargs):
        super().__init__(*args, **kwargs)
        self.dok = dok
        self.fields["pemilik"].choices = pilihan_pemilik(dok)

    def clean_tabel(self):
        try:
            baca_tabel(self.cleaned_data["tabel"])
        except LaporanTidakValid as exc:
            raise forms.ValidationError(str(exc)) from None
        return self.cleaned_data["tabel"]

    def pemilik_objek(self):
        from renstra.models import Indikator, Sasaran

        jenis, _, pk = self.cleaned_data["pemilik"].partition(":")
        model = Sasaran if jenis == "sasaran" else Indikator
        return model.objects.get(pk=int(pk))


def judul_periode(tahun, triwulan):
    return f"LAKIP Triwulan {format_triwulan(triwulan)} Tahun {tahun}"
