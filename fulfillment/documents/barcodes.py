"""Barcodes made locally as SVG data addresses that WeasyPrint embeds: Code 128 (python-barcode, no text under
the bars: the documents print it themselves) and QR codes (segno)."""

import base64
import io

import segno
from barcode import Code128
from barcode.writer import SVGWriter


def code128_data_uri(value: str, *, module_width: float = 0.33, height_mm: float = 16, quiet_zone: float = 3) -> str:
    """A Code 128 barcode of `value` (bars `module_width` mm wide at the narrowest, `height_mm` tall) as a
    `data:image/svg+xml` address, sized in millimetres."""
    out = io.BytesIO()
    Code128(value, writer=SVGWriter()).write(out, options={
        "write_text": False, "module_width": module_width, "module_height": height_mm, "quiet_zone": quiet_zone,
        "margin_top": 0, "margin_bottom": 0,
    })
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def qr_data_uri(value: str, *, scale: int = 4) -> str:
    """A QR code of `value` (error correction M, four-module quiet zone) as a `data:image/svg+xml` address."""
    return segno.make(value, error="m", micro=False).svg_data_uri(scale=scale, border=4)
