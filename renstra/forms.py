"""Forms of the plan screens. Numbers are typed the Indonesian way
(``1.250.000``, ``63,57``) and shown the same way; every choice of a related
record is limited to the user's agency."""

from decimal import Decimal

from django import forms
from django.db.models import Case, When

from lakip.format import (
    BATAS_ANGKA,
    BATAS_UANG,
    AngkaTidakValid,
    batas_field,
    format_angka,
    parse_angka,
)
from lakip.models import Pegawai, UnitKerja
from renstra import selectors
from renstra.impor_sipd import IMPORTIR
from renstra.models import (
    AnggaranSubKegiatan,
    ImporSIPD,
    Indikator,
    Kegiatan,
    Misi,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    Tujuan,
)
from renstra.sipd import BATAS_UKURAN


class AngkaField(forms.CharField):
    """A number typed as ``1.250.000,50`` or ``63.57`` within ``batas`` (default:
    the range of the plan's decimal fields); cleaned to ``Decimal``."""

    batas = BATAS_ANGKA

    def __init__(self, *args, batas=None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.batas = batas or self.batas
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("class", "text-end")

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            return format_angka(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_angka(value, self.batas)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(str(exc)) from None


class RupiahField(AngkaField):
    """Whole rupiah, not negative, within ``BATAS_UANG``; cleaned to ``int``."""

    batas = BATAS_UANG

    def to_python(self, value):
        nilai = super().to_python(value)
        if nilai is None:
            return None
        if nilai < 0 or nilai != nilai.to_integral_value():
            raise forms.ValidationError("Isi rupiah bulat yang tidak negatif.")
        return int(nilai)


class _FormInstansi(forms.ModelForm):
    """A model form whose related-record choices are limited to one agency."""

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi = instansi
        for nama, field in self.fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is Pegawai:
                field.queryset = Pegawai.objects.filter(instansi=instansi, aktif=True)
            elif model is UnitKerja:
                field.queryset = UnitKerja.objects.filter(instansi=instansi)
            elif model is not None:
                field.queryset = selectors.milik_instansi(model, instansi)
            if nama == "misi" and self.instance.periode_id:
                field.queryset = Misi.objects.filter(periode=self.instance.periode)

    def data_model(self):
        """The cleaned values of the model's own fields."""
        return {f: self.cleaned_data[f] for f in self._meta.fields}


class PeriodeForm(_FormInstansi):
    class Meta:
        model = PeriodeRenstra
        fields = ["nama", "tahun_awal", "tahun_akhir", "visi"]


class TujuanForm(_FormInstansi):
    class Meta:
        model = Tujuan
        fields = ["kode", "nama", "misi", "urutan"]
        widgets = {"nama": forms.Textarea(attrs={"rows": 2})}


class SasaranForm(_FormInstansi):
    class Meta:
        model = Sasaran
        fields = ["kode", "nama", "urutan"]
        widgets = {"nama": forms.Textarea(attrs={"rows": 2})}


class ProgramForm(_FormInstansi):
    class Meta:
        model = Program
        fields = ["kode", "nama", "sasaran", "sasaran_program", "urutan"]
        widgets = {"sasaran_program": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(
            tujuan__periode=self.instance.periode
        )


class KegiatanForm(_FormInstansi):
    class Meta:
        model = Kegiatan
        fields = ["kode", "nama", "pptk", "urutan"]


class SubKegiatanForm(_FormInstansi):
    class Meta:
        model = SubKegiatan
        fields = ["kode", "nama", "unit", "pptk", "pelaksana", "urutan"]


class IndikatorForm(_FormInstansi):
    """An indicator with its targets for one year (``tahun``)."""

    pengali = AngkaField(
        label="Pengali (rasio)",
        required=True,
        batas=batas_field(Indikator._meta.get_field("pengali")),
    )
    target_renstra = AngkaField(label="Target akhir Renstra")
    target = AngkaField(label="Target tahunan")
    target_tw1 = AngkaField(label="Target TW I")
    target_tw2 = AngkaField(label="Target TW II")
    target_tw3 = AngkaField(label="Target TW III")
    target_tw4 = AngkaField(label="Target TW IV")

    KOLOM_TARGET = ["target", "target_tw1", "target_tw2", "target_tw3", "target_tw4"]

    class Meta:
        model = Indikator
        fields = [
            "nama",
            "satuan",
            "polaritas",
            "jenis",
            "pemilik",
            "definisi",
            "formula",
            "label_pembilang",
            "label_penyebut",
            "pengali",
            "target_renstra",
            "boleh_lebih_100_persen",
            "urutan",
        ]
        widgets = {
            "definisi": forms.Textarea(attrs={"rows": 2}),
            "formula": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, tahun, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun = tahun
        for kolom in self.KOLOM_TARGET:
            self.fields[kolom].label += f" {tahun}"
            if target is not None and not self.is_bound:
                self.initial[kolom] = getattr(target, kolom)

    def data_target(self):
        return {k: self.cleaned_data[k] for k in self.KOLOM_TARGET}


class PerubahanDPAForm(forms.Form):
    pagu = RupiahField(label="Pagu DPA perubahan", required=True)
    kas_tw1 = RupiahField(label="Anggaran kas TW I", required=True)
    kas_tw2 = RupiahField(label="Anggaran kas TW II", required=True)
    kas_tw3 = RupiahField(label="Anggaran kas TW III", required=True)
    kas_tw4 = RupiahField(label="Anggaran kas TW IV", required=True)
    tanggal = forms.DateField(
        label="Tanggal penetapan", widget=forms.DateInput(attrs={"type": "date"})
    )
    alasan = forms.CharField(
        label="Alasan perubahan", widget=forms.Textarea(attrs={"rows": 3})
    )

    def kas(self):
        return [self.cleaned_data[f"kas_tw{t}"] for t in range(1, 5)]


class ImporForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis berkas")
    tahun = forms.IntegerField(label="Tahun anggaran", min_value=2000, max_value=2100)
    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)",
        help_text=f"Ekspor SIPD dalam format .xlsx, paling besar "
        f"{format_angka(BATAS_UKURAN // 1024)} KB.",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet"
            }
        ),
    )
    versi = forms.ChoiceField(
        label="Versi DPA (DPA dan anggaran kas)",
        choices=AnggaranSubKegiatan.Versi.choices,
        initial=AnggaranSubKegiatan.Versi.MURNI,
    )
    tanggal = forms.DateField(
        label="Tanggal penetapan DPA",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    alasan = forms.CharField(
        label="Alasan perubahan (DPA perubahan)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    triwulan = forms.TypedChoiceField(
        label="Realisasi s.d. akhir triwulan (realisasi)",
        choices=[("", "—"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
        coerce=int,
        required=False,
        empty_value=None,
    )
    unit = forms.ModelChoiceField(
        label="Unit kerja untuk sub kegiatan baru (DPA)",
        queryset=UnitKerja.objects.none(),
        required=False,
        help_text="Sub kegiatan yang belum ada dalam rencana dibuat di unit ini; "
        "ubah unitnya nanti pada halaman rencana.",
    )

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [(j, i.judul) for j, i in IMPORTIR.items()]
        unit = UnitKerja.objects.filter(instansi=instansi)
        self.fields["unit"].queryset = unit
        self.fields["unit"].initial = (
            unit.filter(jenis=UnitKerja.Jenis.SEKRETARIAT).first() or unit.first()
        )

    def clean(self):
        data = super().clean()
        jenis = data.get("jenis")
        if jenis == ImporSIPD.Jenis.REALISASI and not data.get("triwulan"):
            self.add_error("triwulan", "Pilih triwulan realisasi.")
        if (
            jenis == ImporSIPD.Jenis.DPA
            and data.get("versi") == AnggaranSubKegiatan.Versi.PERUBAHAN
            and not (data.get("alasan") or "").strip()
        ):
            self.add_error("alasan", "Alasan wajib diisi untuk DPA perubahan.")
        return data

    def opsi(self):
        """The options stored with the import (JSON-safe)."""
        data = self.cleaned_data
        importir = IMPORTIR[data["jenis"]]
        opsi = {}
        if importir.perlu_versi:
            opsi["versi"] = data["versi"]
        if data["jenis"] == ImporSIPD.Jenis.DPA:
            if data.get("tanggal"):
                opsi["tanggal"] = data["tanggal"].isoformat()
            if (data.get("alasan") or "").strip():
                opsi["alasan"] = data["alasan"].strip()
            if data.get("unit"):
                opsi["unit"] = data["unit"].pk
        if importir.perlu_triwulan:
            opsi["triwulan"] = data["triwulan"]
        return opsi


class SalinForm(forms.Form):
    tahun_asal = forms.TypedChoiceField(label="Salin rencana tahun", coerce=int)
    tahun_tujuan = forms.IntegerField(
        label="ke tahun",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="Kosongkan untuk tahun berikutnya.",
    )

    def __init__(self, *args, tahun, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun_asal"].choices = [(t, t) for t in tahun]


class PerjanjianKinerjaForm(forms.Form):
    pihak_pertama = forms.ModelChoiceField(
        label="Pihak pertama", queryset=Pegawai.objects.none()
    )
    tanggal = forms.DateField(
        label="Tanggal penandatanganan", widget=forms.DateInput(attrs={"type": "date"})
    )
    tempat = forms.CharField(label="Tempat", required=False)
    pihak_kedua = forms.ModelChoiceField(
        label="Pihak kedua (atasan)",
        queryset=Pegawai.objects.none(),
        required=False,
        help_text="Kosongkan untuk memakai atasan pihak pertama.",
    )
    nama_pihak_kedua = forms.CharField(
        label="Nama pihak kedua bila bukan pegawai (mis. Bupati)", required=False
    )
    jabatan_pihak_kedua = forms.CharField(
        label="Jabatan pihak kedua bila bukan pegawai", required=False
    )
    indikator = forms.ModelMultipleChoiceField(
        label="Indikator yang diperjanjikan",
        queryset=Indikator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kosongkan untuk memakai semua indikator milik pihak pertama.",
    )

    def __init__(self, *args, instansi, tahun, **kwargs):
        super().__init__(*args, **kwargs)
        pegawai = Pegawai.objects.filter(instansi=instansi, aktif=True)
        self.fields["pihak_pertama"].queryset = pegawai
        self.fields["pihak_kedua"].queryset = pegawai
        indikator = selectors.indikator_tahun(instansi, tahun, [tahun])
        urutan = Case(
            *[When(tingkat=t, then=n) for n, t in enumerate(Indikator.Tingkat.values)]
        )
        self.fields["indikator"].queryset = (
            Indikator.objects.filter(pk__in=[i.pk for i in indikator])
            .select_related("program", "kegiatan", "sub_kegiatan", "pemilik")
            .order_by(urutan, "urutan", "pk")
        )
        self.fields["indikator"].label_from_instance = _label_indikator


def _label_indikator(indikator):
    kode = "" if indikator.tingkat == "sasaran" else f" {indikator.induk.kode}"
    pemilik = f" ({indikator.pemilik})" if indikator.pemilik else ""
    return f"{indikator.get_tingkat_display()}{kode}: {indikator.nama}{pemilik}"
