"""The form renderer: Django's, with the plain input widgets written directly.

A page of entry rows renders a hundred text inputs; through the widget
templates each costs a template render. ``RendererCepat`` writes the inputs and
textareas as Django's own templates would (the same markup, the same escaping,
the same stripped result) and leaves every other template to Django.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _atribut(attrs):
    """``django/forms/widgets/attrs.html``."""
    bagian = []
    for nama, nilai in attrs.items():
        if nilai is False:
            continue
        bagian.append(f" {conditional_escape(nama)}")
        if nilai is not True:
            bagian.append(f'="{conditional_escape(str(nilai))}"')
    return "".join(bagian)


def _input(widget):
    """``django/forms/widgets/input.html``."""
    nilai = widget["value"]
    isi = "" if nilai is None else f' value="{conditional_escape(str(nilai))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{isi}'
        f"{_atribut(widget['attrs'])}>"
    )


def _textarea(widget):
    """``django/forms/widgets/textarea.html``."""
    nilai = widget["value"]
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"'
        f"{_atribut(widget['attrs'])}>\n"
        f"{conditional_escape(nilai) if nilai else ''}</textarea>"
    )


_LANGSUNG = {
    f"django/forms/widgets/{jenis}.html": _input
    for jenis in ("input", "text", "number", "hidden", "email", "url", "password")
}
_LANGSUNG["django/forms/widgets/textarea.html"] = _textarea


class RendererCepat(DjangoTemplates):
    """``DjangoTemplates`` that writes the plain inputs and textareas itself."""

    def render(self, template_name, context, request=None):
        tulis = _LANGSUNG.get(template_name)
        if tulis is None:
            return super().render(template_name, context, request)
        return mark_safe(tulis(context["widget"]))
