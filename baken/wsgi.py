import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baken.settings")
application = get_wsgi_application()
# Import every view now rather than on each worker's first request: with gunicorn's --preload
# (`baken serve`) workers are forked with all of Baken loaded.
get_resolver().url_patterns  # noqa: B018
