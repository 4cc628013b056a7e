"""The PDF module fetches only the app's own static files and data: URLs."""

import base64
import http.server
import io
import threading

from pypdf import PdfReader

from laporan import pdf


class _Penghitung(http.server.BaseHTTPRequestHandler):
    permintaan = []

    def do_GET(self):  # noqa: N802 - the standard library's name
        self.permintaan.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


PNG_1PX = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    "awAAAABJRU5ErkJggg=="
)


def test_only_static_files_and_data_urls_are_fetched(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Penghitung)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rahasia = tmp_path / "rahasia.css"
    rahasia.write_text("body { color: red }")
    try:
        port = server.server_address[1]
        html = f"""<html><head>
        <link rel="stylesheet" href="http://127.0.0.1:{port}/gaya.css">
        <link rel="stylesheet" href="{rahasia.as_uri()}">
        <style>@font-face {{ font-family: Uji;
          src: url("fonts/dejavu/DejaVuSans.ttf") }}
          body {{ font-family: Uji }}</style></head><body>
        <p>Halo dokumen</p>
        <img src="http://127.0.0.1:{port}/x.png">
        <img src="http://127.0.0.1:1/x">
        <img src="file:///etc/passwd">
        <img src="../../../../../etc/passwd">
        <img src="data:image/png;base64,{PNG_1PX}">
        </body></html>"""
        dokumen = pdf.render_dokumen(html)
        isi = dokumen.write_pdf()
    finally:
        server.shutdown()
    assert _Penghitung.permintaan == []
    pengambil = pdf.pekerja.pengambil(pdf.BASE_URL)
    for url in [
        f"http://127.0.0.1:{port}/x",
        "file:///etc/passwd",
        rahasia.as_uri(),
        pdf.BASE_URL + "../manage.py",
        "ftp://127.0.0.1/x",
    ]:
        try:
            pengambil(url)
        except ValueError as exc:
            assert "tidak diizinkan" in str(exc)
        else:
            raise AssertionError(url)
    # the app's own font and the data: image are served
    assert pengambil(pdf.BASE_URL + "fonts/dejavu/DejaVuSans.ttf").read(4)
    assert pengambil(f"data:image/png;base64,{PNG_1PX}").read() == base64.b64decode(
        PNG_1PX
    )
    teks = PdfReader(io.BytesIO(isi)).pages[0].extract_text()
    assert "Halo dokumen" in teks
    fonts = {
        f["/BaseFont"]
        for f in PdfReader(io.BytesIO(isi)).pages[0]["/Resources"]["/Font"].values()
    }
    # the @font-face font (from static/fonts) is embedded under its CSS name
    assert any(str(f).endswith("+Uji") for f in fonts), fonts
