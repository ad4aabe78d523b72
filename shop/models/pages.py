"""The shop's own pages: imprint, terms, right of withdrawal, privacy, shipping and returns, contact.

The merchant writes them in admin, one tab per language. The body is plain text, never HTML: it is escaped when
shown, so nothing typed into admin can run in a buyer's browser. Blank lines separate paragraphs, a line break is
kept, and a line that starts with "## " is a heading.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

HEADING = "## "


class PageKind(models.TextChoices):
    # The value is the page's URL slug: /<lang>/pages/<kind>/. Order = footer order.
    IMPRINT = "imprint", _("Imprint")
    TERMS = "terms", _("Terms and conditions")
    WITHDRAWAL = "withdrawal", _("Right of withdrawal")
    PRIVACY = "privacy", _("Privacy policy")
    SHIPPING = "shipping", _("Shipping and returns")
    CONTACT = "contact", _("Contact")


class ShopPage(models.Model):
    kind = models.CharField(_("page"), max_length=20, choices=PageKind.choices, unique=True,
                            help_text=_("Which page this is; it decides the address /<language>/pages/<page>/."))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), blank=True,
        help_text=_("Plain text, shown exactly as typed (HTML is not interpreted). Leave a blank line between "
                    "paragraphs; start a line with \"## \" to make it a heading."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("shop page")
        verbose_name_plural = _("shop pages (imprint, terms, privacy …)")
        ordering = ("kind",)

    def __str__(self):
        return self.title or self.get_kind_display()

    def get_absolute_url(self):
        return reverse("shop:page", kwargs={"slug": self.kind})

    def blocks(self) -> list[tuple[str, str]]:
        """The body as ("h2" | "p", text) blocks; the template escapes the text. A line starting with "## " is a
        heading; other lines up to a blank line make one paragraph (its line breaks kept)."""
        out, lines = [], []

        def paragraph():
            if any(line.strip() for line in lines):
                out.append(("p", "\n".join(lines).strip("\n")))
            lines.clear()

        for line in self.body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if line.startswith(HEADING):
                paragraph()
                out.append(("h2", line[len(HEADING):].strip()))
            elif not line.strip():
                paragraph()
            else:
                lines.append(line)
        paragraph()
        return out
