from django import forms

from lakip.format import format_triwulan


class PilihPeriodeForm(forms.Form):
    """The year and quarter the dashboard shows (GET parameters)."""

    tahun = forms.TypedChoiceField(label="Tahun", coerce=int)
    triwulan = forms.TypedChoiceField(
        label="Triwulan",
        coerce=int,
        choices=[(t, f"TW {format_triwulan(t)}") for t in range(1, 5)],
    )

    def __init__(self, *args, tahun_pilihan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [(t, str(t)) for t in tahun_pilihan]
        self.fields["tahun"].error_messages["invalid_choice"] = (
            "Tahun %(value)s tidak tersedia."
        )
        self.fields["triwulan"].error_messages["invalid_choice"] = (
            "Triwulan harus I, II, III, atau IV."
        )
