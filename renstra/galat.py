"""renstra's refusal: every bad input or refused change of the plan raises a
``RencanaTidakValid`` (a ``ValueError``) whose message is Indonesian."""


class RencanaTidakValid(ValueError):
    """Bad input or a refused change of the plan; the message is Indonesian."""
