"""Move private documents that older versions stored under MEDIA_ROOT (served to anyone as /media/...) into the
private storage. Run by migration shop 0007; safe to run again (files already moved are skipped)."""

from django.core.files.storage import storages
from django.core.management.base import BaseCommand

# Folders of the media storage that held private documents.
PRIVATE_FOLDERS = ("invoices",)


def _walk(storage, folder):
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in dirs:
        yield from _walk(storage, f"{folder}/{sub}")


def move_private_files(stdout=None) -> list[str]:
    """Move every file under the media storage's private folders to the private storage, under the same name (the
    database keeps pointing at it). Returns the names moved."""
    media, private = storages["default"], storages["private"]
    moved = []
    for folder in PRIVATE_FOLDERS:
        for name in list(_walk(media, folder)):
            if not private.exists(name):
                with media.open(name, "rb") as fh:
                    stored = private.save(name, fh)
                if stored != name:  # never expected (the name was free): keep both rather than lose one
                    raise RuntimeError(f"{name} was stored privately as {stored}")
            media.delete(name)
            moved.append(name)
            if stdout is not None:
                stdout.write(f"moved {name}")
    return moved


class Command(BaseCommand):
    help = "Move invoices (and other private documents) out of MEDIA_ROOT into the private storage."

    def handle(self, *args, **options):
        moved = move_private_files(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{len(moved)} private file(s) moved out of the media folder"))
