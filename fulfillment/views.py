"""Staff downloads of the warehouse's documents (PDF, made on request, never stored or served as media).

Only signed-in staff get through (`admin.site.admin_view`: anyone else is sent to the admin's sign-in), and only
with the permission to view consignments (pick lists: to view pick lists); a staff member without it gets a
403. A consignment whose customs facts are incomplete gets a page listing what to fix (409), not a broken PDF.
`consignment_document_url` and `pick_list_document_url` give the links for the admin desk."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from fulfillment.documents import CONSIGNMENT_DOCUMENTS, CustomsDataMissing, DocumentError, pick_list_pdf
from fulfillment.models import Consignment, PickList

FILE_NAMES = {"packing_slip": "packing-slip", "label": "label", "commercial_invoice": "commercial-invoice", "cn23": "cn23"}


def consignment_document_url(consignment: Consignment | int, kind: str) -> str:
    """Where staff download one of a consignment's documents: kind is packing_slip, label, commercial_invoice or cn23."""
    if kind not in CONSIGNMENT_DOCUMENTS:
        raise ValueError(f"unknown consignment document {kind!r}")
    pk = consignment.pk if isinstance(consignment, Consignment) else consignment
    return reverse("fulfillment:consignment-document", kwargs={"pk": pk, "kind": kind})


def pick_list_document_url(pick_list: PickList | int) -> str:
    pk = pick_list.pk if isinstance(pick_list, PickList) else pick_list
    return reverse("fulfillment:pick-list-document", kwargs={"pk": pk})


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    """A PDF shown in the browser, which no shared cache (proxy, CDN) may keep."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _problems_page(request, title: str, problems: list[str], back: str = ""):
    context = {**admin.site.each_context(request), "title": title, "problems": problems, "back": back}
    return TemplateResponse(request, "fulfillment/documents/problems.html", context, status=409)


def consignment_document(request, pk: int, kind: str):
    if not request.user.has_perm("fulfillment.view_consignment"):
        raise PermissionDenied
    render = CONSIGNMENT_DOCUMENTS.get(kind)
    if render is None:
        raise Http404
    consignment = get_object_or_404(Consignment.objects.only("pk", "number"), pk=pk)
    try:
        data = render(consignment)
    except CustomsDataMissing as missing:
        return _problems_page(request, gettext("The customs papers of %(number)s cannot be made yet") % {"number": consignment.number},
                              missing.problems, request.headers.get("referer", ""))
    except DocumentError as error:
        return _problems_page(request, gettext("This document of %(number)s cannot be made yet") % {"number": consignment.number},
                              [str(error)], request.headers.get("referer", ""))
    return pdf_response(data, f"{FILE_NAMES[kind]}-{consignment.number}.pdf")


def pick_list_document(request, pk: int):
    if not request.user.has_perm("fulfillment.view_picklist"):
        raise PermissionDenied
    pick_list = get_object_or_404(PickList, pk=pk)
    return pdf_response(pick_list_pdf(pick_list), f"pick-list-{pick_list}.pdf")
