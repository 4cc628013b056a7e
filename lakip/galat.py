"""lakip's refusal: every bad input refused by lakip raises a ``LakipTidakValid``
(a ``ValueError``) whose message is Indonesian and shown to the user."""


class LakipTidakValid(ValueError):
    """Bad input refused by lakip; the message is Indonesian."""
