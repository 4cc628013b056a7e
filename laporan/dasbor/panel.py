"""Extension point of the dashboard: apps above laporan add panels here from
their ``AppConfig.ready()``. A panel is ``fungsi(request, instansi)`` returning
safe HTML (or None to show nothing); panels show above the dashboard's
sections, in the order they were registered."""

PANEL = []


def daftarkan_panel(fungsi):
    if fungsi not in PANEL:
        PANEL.append(fungsi)


def panel_dasbor(request, instansi):
    return [html for fungsi in PANEL if (html := fungsi(request, instansi))]
