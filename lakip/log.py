"""Structured logging: one JSON object per line, for log collectors."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed as ``extra``.
_BAWAAN = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class FormatJSON(logging.Formatter):
    """Format a record as one JSON line: ``waktu`` (UTC, ISO 8601), ``level``,
    ``logger``, ``pesan``, the ``extra`` fields, and ``exc`` for a traceback.
    The request object Django attaches is reduced to method and path."""

    def format(self, record):
        data = {
            "waktu": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
        }
        for kunci, nilai in vars(record).items():
            if kunci in _BAWAAN or kunci.startswith("_"):
                continue
            if kunci == "request":
                nilai = f"{getattr(nilai, 'method', '')} {getattr(nilai, 'path', '')}"
            data[kunci] = nilai
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)
