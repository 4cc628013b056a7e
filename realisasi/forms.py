"""The entry form of one unit and quarter, built from its entry sheet.

Fields are text inputs: numbers are typed the Indonesian way or plain and are
parsed and validated by ``realisasi.services.simpan_realisasi`` (the same rules
apply to the form and to the Excel upload).
"""

from django import forms

from lakip import perhitungan as hitung
from lakip.format import format_angka
from lakip.perhitungan import RASIO
from realisasi.services import PANJANG_KETERANGAN_MAKS


def nama_field(kunci):
    """Form field of an error key: ``("indikator", 5, "nilai")`` -> ``"i5_nilai"``,
    budget ``"a7"``, expenditure line ``"b3"``."""
    jenis, pk, kolom = kunci
    if jenis == "indikator":
        return f"i{pk}_{'ket' if kolom == 'keterangan' else kolom}"
    return f"{jenis[0]}{pk}"


def _teks_angka(nilai):
    return "" if nilai is None else format_angka(nilai)


class FormulirEntri(forms.Form):
    versi = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, lembar, *args, hanya_baca=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.lembar = lembar
        self.initial.setdefault("versi", lembar.entri.versi)
        for baris in lembar.semua_indikator():
            ind, r = baris.indikator, baris.realisasi
            kolom = ["pembilang", "penyebut"] if ind.jenis == RASIO else ["nilai"]
            for k in kolom:
                self._teks(f"i{ind.pk}_{k}", _teks_angka(getattr(r, k, None)), k)
            self.fields[f"i{ind.pk}_ket"] = forms.CharField(
                required=False,
                max_length=PANJANG_KETERANGAN_MAKS,
                label="Keterangan",
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )
            self.initial[f"i{ind.pk}_ket"] = getattr(r, "keterangan", "")
        for blok in lembar.blok:
            self._teks(
                f"a{blok.sub_kegiatan.pk}",
                _teks_angka(blok.realisasi_anggaran),
                "Realisasi anggaran s.d. triwulan",
            )
            for rincian, uang in blok.rincian:
                self._teks(f"b{rincian.pk}", _teks_angka(uang), rincian.uraian)
        if hanya_baca:
            for f in self.fields.values():
                f.disabled = True

    def _teks(self, nama, awal, label):
        self.fields[nama] = forms.CharField(
            required=False,
            label=label,
            widget=forms.TextInput(
                attrs={
                    "class": "form-control form-control-sm angka",
                    "inputmode": "decimal",
                }
            ),
        )
        self.initial[nama] = awal

    def isian(self):
        """The typed values as the service's ``isian`` structure."""
        data = self.cleaned_data
        hasil = {"indikator": {}, "anggaran": {}, "belanja": {}}
        for baris in self.lembar.semua_indikator():
            ind = baris.indikator
            kolom = ["pembilang", "penyebut"] if ind.jenis == RASIO else ["nilai"]
            isian = {k: data.get(f"i{ind.pk}_{k}") for k in kolom}
            isian["keterangan"] = data.get(f"i{ind.pk}_ket", "")
            hasil["indikator"][ind.pk] = isian
        for blok in self.lembar.blok:
            hasil["anggaran"][blok.sub_kegiatan.pk] = data.get(
                f"a{blok.sub_kegiatan.pk}"
            )
            for rincian, _ in blok.rincian:
                hasil["belanja"][rincian.pk] = data.get(f"b{rincian.pk}")
        return hasil

    def tambah_kesalahan(self, kesalahan):
        """Attach the service's errors to their inputs (marked ``is-invalid``)."""
        for kunci, pesan in kesalahan.items():
            nama = nama_field(kunci)
            if nama in self.fields:
                attrs = self.fields[nama].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
            self.add_error(nama if nama in self.fields else None, pesan)

    def label_kesalahan(self, kunci):
        """The input an error key names, in words: the indicator (and its
        component), the sub kegiatan's budget, or the expenditure line."""
        jenis, pk, kolom = kunci
        if jenis == "indikator":
            for b in self.lembar.semua_indikator():
                if b.indikator.pk == int(pk):
                    ind = b.indikator
                    if kolom in ("pembilang", "penyebut"):
                        komponen = getattr(ind, f"label_{kolom}", "") or kolom
                        return f"{ind.nama} ({komponen})"
                    return ind.nama + (" (keterangan)" if kolom == "keterangan" else "")
        for blok in self.lembar.blok:
            if jenis == "anggaran" and blok.sub_kegiatan.pk == int(pk):
                return f"Realisasi anggaran {blok.sub_kegiatan.nama}"
            for rincian, _ in blok.rincian:
                if jenis == "belanja" and rincian.pk == int(pk):
                    return f"Rincian {rincian.kode_rekening} {rincian.uraian}"
        return "Isian"

    def tampilan(self):
        """Rows for the template: each indicator with its bound inputs and its
        capaian of the quarter, each sub kegiatan with its budget inputs."""

        def baris(b):
            ind = b.indikator
            kolom = ["pembilang", "penyebut"] if ind.jenis == RASIO else ["nilai"]
            return {
                "baris": b,
                "input": [self[f"i{ind.pk}_{k}"] for k in kolom],
                "ket": self[f"i{ind.pk}_ket"],
                "capaian": hitung.capaian(b.target_tw, b.nilai, ind.polaritas),
            }

        return {
            "indikator_unit": [baris(b) for b in self.lembar.indikator_unit],
            "blok": [
                {
                    "blok": blok,
                    "anggaran": self[f"a{blok.sub_kegiatan.pk}"],
                    "rincian": [(r, u, self[f"b{r.pk}"]) for r, u in blok.rincian],
                    "indikator": [baris(b) for b in blok.indikator],
                    "persen_kas": hitung.persen_serapan(
                        blok.realisasi_anggaran, blok.kas_kumulatif
                    ),
                    "persen_pagu": hitung.persen_serapan(
                        blok.realisasi_anggaran,
                        blok.anggaran.pagu if blok.anggaran else 0,
                    ),
                }
                for blok in self.lembar.blok
            ],
        }


class FormulirAksi(forms.Form):
    aksi = forms.CharField(widget=forms.HiddenInput)
    catatan = forms.CharField(
        required=False,
        label="Catatan",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FormulirUnggah(forms.Form):
    berkas = forms.FileField(label="Berkas Excel (.xlsx)")
