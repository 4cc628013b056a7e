"""WSGI entry point (gunicorn lakip.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lakip.settings")

application = get_wsgi_application()

# Every view is imported now, and what start-up loaded (Django, the apps, the
# URL patterns: objects that live as long as the process) is moved out of the
# garbage collector's sweeps (``gc.freeze``). A page that builds or unpickles
# thousands of objects, the report data after a save, then no longer pays for
# sweeping the whole program again at every full collection.
get_resolver().url_patterns  # noqa: B018 - imported for its side effect
gc.freeze()
