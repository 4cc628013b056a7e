"""laporan's refusal: every bad input or refused document action raises a
``LaporanTidakValid`` whose message is Indonesian and shown to the user."""


class LaporanTidakValid(Exception):
    """Bad input for a report or a document; the message is Indonesian."""
