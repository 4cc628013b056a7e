"""Helpers shared by tests: reading forms out of HTML as a browser would."""

from html.parser import HTMLParser


class _Formulir(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.di_dalam, self.data = form_id, False, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.di_dalam = self.form_id is None or a.get("id") == self.form_id
        elif self.di_dalam and tag == "input" and a.get("name"):
            if a.get("type") in ("submit", "button", "file"):
                return
            self.data[a["name"]] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.di_dalam = False


def isian_formulir(html, form_id=None):
    """``{name: value}`` of the inputs of the form with ``form_id`` in ``html``,
    as the browser would post them unchanged."""
    parser = _Formulir(form_id)
    parser.feed(html)
    return parser.data
