"""The page django-axes shows a locked-out admin login: the admin's layout, in the request's language, saying how
long the lock lasts and who can lift it."""

import math

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {**admin.site.each_context(request), "cooloff_minutes": minutes}
    return render(request, "admin/lockout.html", context, status=429)
