"""Full-text search indexes for the languages PostgreSQL can stem (PostgreSQL only; SQLite searches by LIKE).

Each index is the very expression `shop.selectors._apply_search` queries with, so the planner can use it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIGS = {"en": "english", "de": "german", "fr": "french", "es": "spanish"}


def _indexes():
    for lang, config in CONFIGS.items():
        expression = SearchVector(f"name_{lang}", weight="A", config=config) + SearchVector(
            f"description_{lang}", weight="B", config=config
        )
        yield GinIndex(expression, name=f"product_search_{lang}")


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("shop", "Product")
    for index in _indexes():
        schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("shop", "Product")
    for index in _indexes():
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
