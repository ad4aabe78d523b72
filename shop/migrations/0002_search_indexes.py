"""GIN indexes on the stored search documents (PostgreSQL only; SQLite searches with LIKE)."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

LANGUAGES = ("en", "de", "fr", "es")


def _indexes():
    return [GinIndex(fields=[f"search_{lang}"], name=f"product_search_{lang}") for lang in LANGUAGES]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        model = apps.get_model("shop", "Product")
        for index in _indexes():
            schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        model = apps.get_model("shop", "Product")
        for index in _indexes():
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
