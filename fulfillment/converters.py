"""A URL converter for row ids that never reaches the database with a number it cannot hold: 1 to 9 digits (an
integer column's range), so /…/99999999999999999999/ is a 404, not a database error."""

from django.urls import register_converter


class RowIdConverter:
    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(RowIdConverter, "row_id")
