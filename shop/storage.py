"""Where private documents are stored (DESIGN §7): the `"private"` entry of `settings.STORAGES`, a folder that is
never served as media. Files reach people only through views that check who asks (see invoice_views.py)."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import storages


def private_storage():
    """The private storage; a callable, so migrations reference it by name and tests can point it elsewhere."""
    return storages["private"]


@checks.register(checks.Tags.security)
def check_private_root(app_configs=None, **kwargs):
    """The private folder must not sit inside a folder that is served (MEDIA_ROOT, STATIC_ROOT)."""
    private = Path(settings.STORAGES.get("private", {}).get("OPTIONS", {}).get("location", settings.CARAVAN_PRIVATE_ROOT)).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, name, None)
        if served and (private == Path(served).resolve() or Path(served).resolve() in private.parents):
            errors.append(checks.Error(f"CARAVAN_PRIVATE_ROOT ({private}) is inside {name} ({served}), which is served to anyone",
                                       hint="Point CARAVAN_PRIVATE_ROOT at a folder outside MEDIA_ROOT and STATIC_ROOT.",
                                       id="shop.E001"))
    return errors
