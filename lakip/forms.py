"""Forms of the organisation that the admin uses."""

from django import forms

from lakip.logo import LogoTidakValid, baca_logo
from lakip.models import Instansi


class FormInstansi(forms.ModelForm):
    """The agency's admin form with the logo upload (and a box to remove it)."""

    berkas_logo = forms.FileField(
        label="Logo",
        required=False,
        help_text=(
            "Gambar PNG/JPEG, maksimal 1 MB; dicetak pada sampul LAKIP dan kop "
            "dokumen. Kosongkan untuk mempertahankan logo yang ada."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    hapus_logo = forms.BooleanField(
        label="Hapus logo (pakai lambang netral)", required=False
    )

    class Meta:
        model = Instansi
        fields = [
            "kode",
            "nama",
            "singkatan",
            "pemda",
            "alamat",
            "kota",
            "kode_pos",
            "kop",
            "kode_urusan",
        ]

    def clean_berkas_logo(self):
        berkas = self.cleaned_data.get("berkas_logo")
        if not berkas:
            return None
        try:
            return baca_logo(berkas)
        except LogoTidakValid as galat:
            raise forms.ValidationError(str(galat)) from None

    def save(self, commit=True):
        instansi = super().save(commit=False)
        if self.cleaned_data.get("berkas_logo"):
            instansi.logo = self.cleaned_data["berkas_logo"]
            instansi.logo_tipe = "image/png"
        elif self.cleaned_data.get("hapus_logo"):
            instansi.logo, instansi.logo_tipe = None, ""
        if commit:
            instansi.save()
        return instansi
