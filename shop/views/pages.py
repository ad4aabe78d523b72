"""The shop's pages (imprint, terms, withdrawal, privacy, shipping and returns, contact) and its error pages."""

import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from shop.models import PageKind, ShopPage

logger = logging.getLogger(__name__)


def page(request, slug: str):
    if slug not in PageKind.values:
        raise Http404
    shop_page = ShopPage.objects.filter(kind=slug, is_published=True).first()
    if shop_page is None:
        raise Http404
    return render(request, "shop/pages/page.html", {
        "page": shop_page,
        "blocks": shop_page.blocks(),
        "seller": settings.CARAVAN_SELLER,
        "seller_address_lines": [line for line in settings.CARAVAN_SELLER["address"].splitlines() if line.strip()],
        "contact_email": settings.CARAVAN_CONTACT_EMAIL,
        "withdrawal_form": slug == PageKind.WITHDRAWAL,
    })


# --- Error pages ------------------------------------------------------------------------------------
# 400, 403 and 404 render in the shop's layout with the usual context (the database is up: the request got this
# far). The 500 page must render when nothing else works, the database included: no context processors, no query.


def _checkout_request(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.namespace == "shop" and (match.url_name or "").startswith("checkout"))


@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """The form's security token was missing or did not match: at checkout that means the session (or the page)
    expired, so say that and lead back to the cart; elsewhere ask to reload and try again."""
    logger.warning("CSRF failure on %s: %s", request.path, reason)
    return render(request, "403.html", {"csrf_failure": True, "session_expired": _checkout_request(request)}, status=403)


def server_error(request):
    language = translation.get_language_from_path(request.path_info) or translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "shop_name": settings.CARAVAN_SHOP_NAME,
        "error_reporting": bool(settings.ADMINS),
        "LANGUAGE_CODE": language,
    }
    with translation.override(language):
        try:
            body = loader.get_template("500.html").render(context)  # no request: no context processors, no query
        except Exception:  # the layout itself failed (e.g. a missing static file): a bare page still answers
            logger.exception("The 500 page could not be rendered")
            return HttpResponseServerError(_("Something went wrong on our side. Please try again in a moment."),
                                           content_type="text/plain; charset=utf-8")
    return HttpResponse(body, status=500)
