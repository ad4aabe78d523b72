"""Small site-wide views that belong to no app."""

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404
from django.views.decorators.cache import cache_control
from django.views.static import serve


def serve_media(request, path, document_root=None):
    """django.views.static.serve, but a name the file system refuses (too long, a NUL byte ...) is a 404, not a 500."""
    if "\x00" in path:
        raise Http404("No such file")
    try:
        return serve(request, path, document_root=document_root)
    except (OSError, ValueError) as exc:
        raise Http404("No such file") from exc


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links: answer it with the static icon."""
    path = finders.find("favicon.ico")
    if not path:
        raise Http404("No favicon")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")
