"""Deterministic demo catalogue for `manage.py seed_demo`.

* `catalogue` holds the translated vocabulary (categories, product nouns, materials, adjectives, colours, sizes and
  description sentences) and builds product names with each language's word order;
* `reference` holds markets, tax rates and warehouses;
* `images` draws product pictures locally with Pillow;
* `seed` writes everything to the database with bulk inserts.
"""
