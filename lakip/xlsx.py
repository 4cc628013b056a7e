"""Writing user text into Excel exports safely (openpyxl).

openpyxl stores a string that starts with ``=`` as a formula and refuses
control characters (``IllegalCharacterError``). Every export writes its cells
through ``tulis_sel`` / ``tambah_baris``: text is stored as a text cell (a note
``=1+1`` stays the literal text ``=1+1``; ``+``, ``-`` and ``@`` are text
anyway once the cell type is text) and loses its control characters; other
values pass unchanged.
"""

from lakip.format import tanpa_kendali


def tulis_sel(sel, nilai):
    """Put ``nilai`` into ``sel``; text as a text cell without control
    characters, never a formula."""
    if isinstance(nilai, str):
        sel.value = tanpa_kendali(nilai)
        sel.data_type = "s"
    else:
        sel.value = nilai
    return sel


def tambah_baris(ws, nilai):
    """``ws.append(nilai)`` with every text value written as by ``tulis_sel``."""
    ws.append([tanpa_kendali(v) if isinstance(v, str) else v for v in nilai])
    if nilai:
        for sel in ws[ws.max_row]:
            if isinstance(sel.value, str):
                sel.data_type = "s"
