"""lakip.render_formulir: the plain inputs are written exactly as Django's own
widget templates write them."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from lakip.render_formulir import RendererCepat

NILAI = [None, "", "1.234,56", "a<b>&\"c'", 0, 12.5, mark_safe("<b>aman</b>")]
ATTRS = [
    {},
    {"class": "form-control form-control-sm", "inputmode": "decimal"},
    {"required": True, "disabled": False, "data-x": 'x"y<'},
]
WIDGET = [
    forms.TextInput,
    forms.NumberInput,
    forms.HiddenInput,
    forms.EmailInput,
    forms.PasswordInput,
    forms.URLInput,
    forms.Textarea,
]


@pytest.mark.parametrize("kelas", WIDGET)
def test_same_markup_as_djangos_templates(kelas):
    cepat, django = RendererCepat(), DjangoTemplates()
    for attrs in ATTRS:
        for nilai in NILAI:
            widget = kelas(attrs=attrs)
            if kelas is forms.PasswordInput:
                widget = kelas(attrs=attrs, render_value=True)
            a = widget.render("isian", nilai, renderer=cepat)
            b = widget.render("isian", nilai, renderer=django)
            assert a == b, (kelas.__name__, attrs, nilai)


def test_other_widgets_go_through_the_templates():
    pilihan = forms.Select(choices=[("1", "Satu"), ("2", "Dua")])
    a = pilihan.render("p", "2", renderer=RendererCepat())
    assert a == pilihan.render("p", "2", renderer=DjangoTemplates())
    assert 'value="2" selected' in a


def test_the_project_renders_forms_with_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "lakip.render_formulir.RendererCepat"
    assert isinstance(get_default_renderer(), RendererCepat)
