"""Forms of the evaluation meeting's screens (crispy-forms, Bootstrap 5): the
invitation with its schedule (a formset), and a unit's recommendations (one
formset of items per subordinate official)."""

from django import forms

from lakip.models import UnitKerja
from laporan.models import UndanganRapat
from laporan.rapat.services import BIDANG_SURAT, BarisJadwal

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
JAM = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
ISIAN_BANTUAN = (
    "Isian: {tahun}, {triwulan}, {instansi}, {wilayah}, {bulan_triwulan}, "
    "{akhir_triwulan}, {triwulan_berikut}."
)


class UndanganForm(forms.ModelForm):
    class Meta:
        model = UndanganRapat
        fields = list(BIDANG_SURAT)
        widgets = {
            "tanggal": TANGGAL,
            "kepada": forms.Textarea(attrs={"rows": 4}),
            "pembuka": forms.Textarea(attrs={"rows": 6}),
            "data_dibawa": forms.Textarea(attrs={"rows": 3}),
            "penutup": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "pembuka": "Paragraf dipisah baris kosong; **tebal**. " + ISIAN_BANTUAN,
            "perihal": ISIAN_BANTUAN,
        }

    def validate_unique(self):
        """The service checks and saves; the form only reads input."""


class JadwalForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Unit kerja", queryset=UnitKerja.objects.none(), required=False
    )
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL, required=False)
    jam_mulai = forms.TimeField(label="Mulai", widget=JAM, required=False)
    jam_selesai = forms.TimeField(label="Selesai", widget=JAM, required=False)
    tempat = forms.CharField(
        label="Tempat (kosong = tempat undangan)", max_length=200, required=False
    )

    def __init__(self, *args, instansi=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.filter(instansi=instansi)

    def clean(self):
        data = super().clean()
        if data.get("unit") and not all(
            data.get(k) for k in ("tanggal", "jam_mulai", "jam_selesai")
        ):
            raise forms.ValidationError("Tanggal, jam mulai, dan jam selesai wajib.")
        return data


class BaseJadwalFormSet(forms.BaseFormSet):
    def baris(self):
        """The filled rows in order (deleted and empty rows left out)."""
        return [
            BarisJadwal(
                unit=f.cleaned_data["unit"],
                tanggal=f.cleaned_data["tanggal"],
                jam_mulai=f.cleaned_data["jam_mulai"],
                jam_selesai=f.cleaned_data["jam_selesai"],
                tempat=f.cleaned_data.get("tempat") or "",
            )
            for f in self.forms
            if f.cleaned_data.get("unit") and not f.cleaned_data.get("DELETE")
        ]


JadwalFormSet = forms.formset_factory(
    JadwalForm, formset=BaseJadwalFormSet, extra=1, can_delete=True
)


def jadwal_formset(instansi, data=None, awal=()):
    return JadwalFormSet(
        data,
        prefix="jadwal",
        initial=[
            {
                "unit": b.unit,
                "tanggal": b.tanggal,
                "jam_mulai": b.jam_mulai,
                "jam_selesai": b.jam_selesai,
                "tempat": b.tempat,
            }
            for b in awal
        ],
        form_kwargs={"instansi": instansi},
    )


class RekomendasiForm(forms.Form):
    tanggal = forms.DateField(
        label="Tanggal",
        widget=TANGGAL,
        required=False,
        help_text="Kosong = hanya bulan dan tahun yang dicetak.",
    )
    pembuka = forms.CharField(
        label="Pembuka",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=ISIAN_BANTUAN + " {unit}: nama unit.",
    )
    penutup = forms.CharField(label="Penutup", widget=forms.Textarea(attrs={"rows": 2}))


class ButirForm(forms.Form):
    teks = forms.CharField(
        label="Rekomendasi",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NomorForm(forms.Form):
    nomor = forms.IntegerField(
        label="Nomor urut", min_value=1, max_value=99, required=False
    )


ButirFormSet = forms.formset_factory(ButirForm, extra=2)


class BlokPejabat:
    """One subordinate official on the recommendations page: their number in
    the document and a formset of their items (a., b., ...)."""

    def __init__(self, pegawai, data=None, nomor=None, teks=()):
        self.pegawai = pegawai
        awalan = f"p{pegawai.pk}"
        self.nomor = NomorForm(data, prefix=awalan, initial={"nomor": nomor})
        self.butir = ButirFormSet(
            data, prefix=f"{awalan}-butir", initial=[{"teks": t} for t in teks]
        )

    def is_valid(self):
        return self.nomor.is_valid() & self.butir.is_valid()

    def teks(self):
        return [
            f.cleaned_data["teks"].strip()
            for f in self.butir.forms
            if (f.cleaned_data.get("teks") or "").strip()
        ]


def blok_pejabat(calon, rekomendasi, data=None):
    """A block per candidate: those already recommended to first (in their
    order), then the others (by rank)."""
    teks = {}
    if rekomendasi.pk:
        for b in rekomendasi.butir.all():
            teks.setdefault(b.pegawai_id, []).append(b.teks)
    urutan = list(teks)
    calon = sorted(
        calon,
        key=lambda p: urutan.index(p.pk) if p.pk in urutan else len(urutan),
    )
    return [
        BlokPejabat(
            p,
            data,
            nomor=urutan.index(p.pk) + 1 if p.pk in urutan else None,
            teks=teks.get(p.pk, ()),
        )
        for p in calon
    ]


def butir_terurut(blok):
    """``[(pegawai, [teks, ...])]`` of the blocks with text, ordered by their
    number (blocks without a number after, in page order)."""
    isi = [(i, b) for i, b in enumerate(blok) if b.teks()]
    isi.sort(key=lambda ib: (ib[1].nomor.cleaned_data.get("nomor") or 999, ib[0]))
    return [(b.pegawai, b.teks()) for _, b in isi]
