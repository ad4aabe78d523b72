"""Providers' webhooks: /payments/<code>/webhook/ hands the request to the provider registered under `code`
(`PaymentProvider.handle_webhook`: it verifies, stores once and applies the notification, and answers fast)."""

from django.http import Http404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .providers import UnknownProvider, get_provider


@csrf_exempt  # authenticated by the provider's signature instead
@require_POST
def provider_webhook(request, code):
    try:
        provider = get_provider(code)
    except UnknownProvider:
        raise Http404("no such payment provider") from None
    return provider.handle_webhook(request)
