"""Where private documents are stored (docs/architecture.md §3): the `"private"` entry of `settings.STORAGES`, a folder that is
never served as media. Files reach people only through views that check who asks (see invoice_views.py)."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import storages


def private_storage():
    """The private storage; a callable, so migrations reference it by name and tests can point it elsewhere."""
    return storages["private"]


def _static_dirs() -> list[Path]:
    """STATICFILES_DIRS as folders (an entry is a path or a (prefix, path) pair)."""
    return [Path(entry[1] if isinstance(entry, (list, tuple)) else entry) for entry in getattr(settings, "STATICFILES_DIRS", [])]


@checks.register(checks.Tags.security)
def check_private_root(app_configs=None, **kwargs):
    """The private folder must not sit inside a folder that is served (MEDIA_ROOT, STATIC_ROOT) or published by
    collectstatic (a STATICFILES_DIRS folder is copied into STATIC_ROOT)."""
    private = Path(settings.STORAGES.get("private", {}).get("OPTIONS", {}).get("location", settings.CARAVAN_PRIVATE_ROOT)).resolve()
    served = [(name, getattr(settings, name, None)) for name in ("MEDIA_ROOT", "STATIC_ROOT")]
    served += [("STATICFILES_DIRS", folder) for folder in _static_dirs()]
    errors = []
    for name, folder in served:
        if folder and (private == Path(folder).resolve() or Path(folder).resolve() in private.parents):
            errors.append(checks.Error(f"CARAVAN_PRIVATE_ROOT ({private}) is inside {name} ({folder}), which is served to anyone",
                                       hint="Point CARAVAN_PRIVATE_ROOT at a folder outside MEDIA_ROOT, STATIC_ROOT and "
                                            "STATICFILES_DIRS.",
                                       id="shop.E001"))
    return errors
