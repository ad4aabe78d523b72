"""Where private documents are stored (DESIGN §7): the `"private"` entry of `settings.STORAGES`, a folder that is
never served as media. Files reach people only through views that check who asks (see invoice_views.py)."""

from django.core.files.storage import storages


def private_storage():
    """The private storage; a callable, so migrations reference it by name and tests can point it elsewhere."""
    return storages["private"]
