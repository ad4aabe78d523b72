import pytest
from django.urls import reverse
from django.utils import translation
@pytest.mark.django_db
def test_probe(client, catalog):
    with translation.override("en"):
        u = reverse("shop:home")
    r = client.get(u, HTTP_ACCEPT_LANGUAGE="ja-JP")
    print(u, r.status_code, r.wsgi_request.market, r.headers)
    import re
    b = r.content.decode()
    print(re.findall(r'class="price">[^<]*', b)[:5])
    print(re.findall(r'Prices in [^<.]*', b))
