"""Product pictures drawn locally with Pillow: a soft background tinted with the product colour and a simple
silhouette per kind of product. Each (shape, colour) is drawn once and shared by every product that needs it.
The pictures carry no text: a caption would be in one language on a shop that speaks six (the alt text, translated,
names the product).
"""

import io
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 600
SS = 2  # supersampling factor for smooth edges
FOLDER = "products/demo"


def _hex(colour: str) -> tuple:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Pen:
    """Draws in a 0..100 coordinate space mapped onto the middle of the (supersampled) canvas."""

    def __init__(self, draw: ImageDraw.ImageDraw, canvas: int, fill: tuple, line: tuple, accent: tuple):
        self.d = draw
        self.fill = fill
        self.line = line
        self.accent = accent
        self.k = canvas * 0.8 / 100  # the drawing spans 80 % of the canvas
        self.ox = canvas * 0.1
        self.oy = canvas * 0.08
        self.w = max(2, round(1.1 * self.k))

    def _p(self, pts):
        return [(self.ox + x * self.k, self.oy + y * self.k) for x, y in pts]

    def _box(self, x0, y0, x1, y1):
        return [self.ox + x0 * self.k, self.oy + y0 * self.k, self.ox + x1 * self.k, self.oy + y1 * self.k]

    def _outline(self, outline):
        return {"outline": self.line, "width": self.w} if outline else {"outline": None, "width": 0}

    def poly(self, pts, fill=None, outline=True):
        self.d.polygon(self._p(pts), fill=fill or self.fill, **self._outline(outline))

    def rect(self, x0, y0, x1, y1, r=0, fill=None, outline=True):
        self.d.rounded_rectangle(self._box(x0, y0, x1, y1), radius=r * self.k, fill=fill or self.fill, **self._outline(outline))

    def ellipse(self, x0, y0, x1, y1, fill=None, outline=True):
        self.d.ellipse(self._box(x0, y0, x1, y1), fill=fill or self.fill, **self._outline(outline))

    def chord(self, x0, y0, x1, y1, start, end, fill=None):
        self.d.chord(self._box(x0, y0, x1, y1), start, end, fill=fill or self.fill, **self._outline(True))

    def arc(self, x0, y0, x1, y1, start, end, width=1.0, colour=None):
        self.d.arc(self._box(x0, y0, x1, y1), start, end, fill=colour or self.line, width=max(2, round(width * self.k)))

    def line_(self, pts, width=1.0, colour=None):
        self.d.line(self._p(pts), fill=colour or self.line, width=max(2, round(width * self.k)), joint="curve")


def _top(p: Pen, sleeves="long", collar="v", zip_=False, hood=False, rib=False):
    if sleeves == "long":
        p.poly([(30, 22), (14, 34), (8, 74), (18, 76), (24, 44), (30, 40)])
        p.poly([(70, 22), (86, 34), (92, 74), (82, 76), (76, 44), (70, 40)])
    else:
        p.poly([(30, 22), (14, 32), (20, 46), (31, 41)])
        p.poly([(70, 22), (86, 32), (80, 46), (69, 41)])
    p.poly([(30, 22), (42, 18), (58, 18), (70, 22), (72, 82), (28, 82)])
    if hood:
        p.poly([(40, 19), (38, 10), (50, 6), (62, 10), (60, 19), (50, 25)])
    if collar == "v":
        p.poly([(42, 18), (50, 32), (58, 18)], fill=p.accent)
    elif collar == "round":
        p.chord(41, 13, 59, 25, 0, 180, fill=p.accent)
    elif collar == "shirt":
        p.poly([(42, 18), (50, 28), (44, 31), (38, 22)], fill=p.fill)
        p.poly([(58, 18), (50, 28), (56, 31), (62, 22)], fill=p.fill)
        for y in (36, 46, 56, 66, 76):
            p.ellipse(49, y, 51.4, y + 2.4, fill=p.accent)
    if zip_:
        p.line_([(50, 20), (50, 82)], 0.9)
    if rib:
        p.rect(28, 76, 72, 82, fill=p.accent)


def shirt(p):
    _top(p, "long", "shirt")


def tshirt(p):
    _top(p, "short", "round")


def sweater(p):
    _top(p, "long", "round", rib=True)


def jacket(p):
    _top(p, "long", "none", zip_=True, hood=True)
    p.rect(31, 56, 43, 64, r=1)
    p.rect(57, 56, 69, 64, r=1)


def trousers(p, short=False):
    bottom = 52 if short else 88
    p.poly([(30, 14), (70, 14), (74, bottom), (56, bottom), (50, 34), (44, bottom), (26, bottom)])
    p.rect(30, 14, 70, 21, fill=p.accent)
    p.line_([(50, 21), (50, 32)], 0.7)


def shorts(p):
    trousers(p, short=True)


def sneaker(p, high=False):
    top = 30 if high else 46
    p.poly([(14, 70), (14, 56), (30, top), (46, top), (60, 54), (84, 58), (90, 66), (90, 72), (14, 72)])
    p.rect(12, 70, 91, 78, r=3, fill=(245, 245, 240))
    for x in (36, 42, 48):
        p.line_([(x, top + 6), (x + 6, top + 12)], 0.8, p.accent)


def boot(p):
    p.poly([(26, 16), (50, 16), (52, 52), (82, 58), (88, 68), (88, 74), (22, 74), (24, 40)])
    p.rect(20, 72, 89, 80, r=2, fill=p.accent)
    p.rect(28, 26, 48, 44, r=2, fill=p.accent)


def sandal(p):
    p.ellipse(12, 56, 90, 74, fill=p.accent)
    p.ellipse(14, 54, 88, 70)
    p.arc(30, 34, 56, 70, 180, 360, 5, p.fill)
    p.arc(52, 38, 74, 66, 180, 360, 5, p.fill)


def mug(p):
    p.arc(58, 36, 86, 66, 270, 90, 5, p.fill)
    p.rect(20, 28, 66, 80, r=5)
    p.ellipse(20, 24, 66, 33, fill=p.accent)


def bowl(p):
    p.chord(14, 18, 86, 82, 0, 180)
    p.ellipse(14, 42, 86, 58, fill=p.accent)
    p.rect(38, 80, 62, 84, r=1)


def plate(p):
    p.ellipse(10, 26, 90, 80)
    p.ellipse(24, 36, 76, 70, fill=p.accent)


def lamp(p):
    p.poly([(30, 16), (70, 16), (80, 46), (20, 46)])
    p.rect(48, 46, 52, 78, fill=p.accent)
    p.ellipse(30, 76, 70, 86)


def pendant(p):
    p.line_([(50, 0), (50, 30)], 0.8)
    p.chord(20, 30, 80, 90, 180, 360)
    p.ellipse(42, 56, 58, 64, fill=(255, 236, 170))


def candle(p):
    p.rect(40, 30, 60, 66, r=1, fill=(250, 246, 235))
    p.poly([(50, 14), (55, 24), (50, 29), (45, 24)], fill=(247, 190, 70))
    p.poly([(36, 66), (64, 66), (58, 74), (62, 86), (38, 86), (42, 74)])


def cushion(p):
    p.poly([(16, 20), (50, 26), (84, 20), (78, 50), (84, 80), (50, 74), (16, 80), (22, 50)])
    p.ellipse(46, 46, 54, 54, fill=p.accent)


def blanket(p):
    for i, y in enumerate((58, 44, 30)):
        p.rect(16 + i * 2, y, 84 - i * 2, y + 16, r=4)
    p.line_([(18, 66), (82, 66)], 0.7, p.accent)


def towel(p):
    p.line_([(20, 14), (80, 14)], 2)
    p.rect(28, 14, 72, 86, r=1)
    for y in (26, 30, 70, 74):
        p.line_([(28, y), (72, y)], 1.2, p.accent)


def tote(p):
    p.arc(34, 10, 54, 46, 180, 360, 2.5)
    p.arc(46, 10, 66, 46, 180, 360, 2.5)
    p.poly([(22, 30), (78, 30), (84, 86), (16, 86)])


def backpack(p):
    p.rect(24, 14, 76, 86, r=14)
    p.rect(32, 52, 68, 80, r=6, fill=p.accent)
    p.arc(38, 6, 62, 22, 180, 360, 2)


def crossbody(p):
    p.line_([(24, 46), (50, 8), (76, 46)], 1.6)
    p.rect(20, 44, 80, 82, r=8)
    p.chord(20, 30, 80, 66, 0, 180, fill=p.accent)


def scarf(p):
    p.poly([(30, 12), (70, 12), (66, 30), (34, 30)])
    p.poly([(34, 28), (48, 28), (44, 88), (30, 88)])
    p.poly([(52, 28), (66, 28), (62, 78), (50, 78)])
    for x in (31, 35, 39, 43):
        p.line_([(x, 88), (x, 94)], 0.8)


def beanie(p):
    p.chord(22, 26, 78, 96, 180, 360)
    p.rect(20, 58, 80, 72, r=3, fill=p.accent)
    p.ellipse(43, 16, 57, 30)


def cap(p):
    p.chord(22, 26, 78, 90, 180, 360)
    p.poly([(22, 58), (78, 58), (94, 66), (76, 68), (22, 62)], fill=p.accent)
    p.ellipse(47, 24, 53, 30, fill=p.accent)


def hat(p):
    p.ellipse(8, 56, 92, 76)
    p.chord(28, 26, 72, 90, 180, 360)
    p.rect(28, 52, 72, 58, fill=p.accent, outline=False)


def wallet(p):
    p.rect(16, 28, 84, 76, r=5)
    p.rect(50, 40, 84, 60, r=4, fill=p.accent)
    p.ellipse(68, 47, 74, 53, fill=p.fill)


def cardholder(p):
    p.rect(28, 24, 70, 52, r=3, fill=(236, 236, 232))
    p.rect(22, 36, 78, 80, r=4)
    p.line_([(26, 46), (74, 46)], 0.8, p.accent)


def bottle(p):
    p.rect(42, 10, 58, 20, r=2, fill=p.accent)
    p.poly([(44, 20), (56, 20), (64, 32), (64, 88), (36, 88), (36, 32)])
    p.rect(36, 48, 64, 66, fill=p.accent)


def lantern(p):
    p.arc(38, 6, 62, 26, 180, 360, 2)
    p.rect(34, 16, 66, 24, r=2)
    p.rect(36, 24, 64, 74, r=2, fill=(255, 240, 190))
    for x in (36, 50, 64):
        p.line_([(x, 24), (x, 74)], 1.2)
    p.rect(30, 74, 70, 84, r=2)


def socks(p):
    p.poly([(28, 10), (48, 10), (48, 60), (70, 70), (72, 86), (40, 86), (28, 70)])
    p.rect(28, 10, 48, 20, fill=p.accent)
    p.poly([(58, 66), (70, 70), (72, 86), (60, 86)], fill=p.accent)


SHAPES = {
    f.__name__: f
    for f in (shirt, tshirt, sweater, jacket, trousers, shorts, sneaker, boot, sandal, mug, bowl, plate, lamp, pendant, candle,
              cushion, blanket, towel, tote, backpack, crossbody, scarf, beanie, cap, hat, wallet, cardholder, bottle, lantern, socks)
}


def draw(shape: str, colour_hex: str) -> Image.Image:
    colour = _hex(colour_hex)
    light = sum(colour) / 3 > 200
    bg = _mix(colour, (255, 255, 255), 0.82) if not light else (232, 229, 222)
    line = _mix(colour, (0, 0, 0), 0.45) if not light else (150, 146, 138)
    if sum(colour) / 3 < 50:
        line = (90, 90, 90)
    accent = _mix(colour, (0, 0, 0), 0.25) if not light else _mix(colour, (0, 0, 0), 0.12)
    big = SIZE * SS
    image = Image.new("RGB", (big, big), bg)
    d = ImageDraw.Draw(image)
    # a soft floor shadow
    d.ellipse([big * 0.18, big * 0.86, big * 0.82, big * 0.94], fill=_mix(bg, (0, 0, 0), 0.08))
    pen = Pen(d, big, colour, line, accent)
    SHAPES[shape](pen)
    return image.resize((SIZE, SIZE), Image.Resampling.BOX)


_ENCODED: dict = {}  # (shape, colour) -> JPEG bytes, shared by every ImageCache in the process


def encoded(shape: str, colour_hex: str) -> bytes:
    key = (shape, colour_hex)
    if key not in _ENCODED:
        buffer = io.BytesIO()
        draw(shape, colour_hex).save(buffer, "JPEG", quality=85, optimize=True)
        _ENCODED[key] = buffer.getvalue()
    return _ENCODED[key]


class ImageCache:
    """Writes each (shape, colour) picture once under MEDIA_ROOT and returns its path relative to MEDIA_ROOT.

    Files already on disk are reused (the drawing is deterministic), so re-seeding does not redraw.
    """

    def __init__(self, media_root):
        self.root = Path(media_root)
        self.paths: dict = {}
        self.drawn = 0

    def path(self, shape: str, colour_slug: str, colour_hex: str) -> str:
        key = (shape, colour_slug)
        found = self.paths.get(key)
        if found:
            return found
        relative = f"{FOLDER}/{shape}-{colour_slug}-plain.jpg"  # "-plain": files drawn with an English caption are not reused
        target = self.root / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(encoded(shape, colour_hex))
            tmp.replace(target)
            self.drawn += 1
        self.paths[key] = relative
        return relative
