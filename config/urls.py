from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from config.views import favicon, serve_media
from shop.sitemaps import sitemaps
from shop.views import health

# Error pages in the shop's layout and the request's language (shop/page_views.py).
handler400 = "shop.views.pages.bad_request"
handler403 = "shop.views.pages.permission_denied"
handler404 = "shop.views.pages.page_not_found"
handler500 = "shop.views.pages.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("bench/floor", health.floor, name="bench-floor"),
    path("admin/", admin.site.urls),
    path("staff/fulfillment/", include("fulfillment.urls")),  # staff-only document downloads (fulfillment/views.py)
    path("payments/", include("payments.urls")),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap-section"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}))

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),  # sign up, sign in, e-mail confirmation, password reset
    path("", include("shop.urls")),
    prefix_default_language=True,
)
