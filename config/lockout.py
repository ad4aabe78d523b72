"""django-axes for the admin only: the page it shows a locked-out admin login (the admin's layout, in the request's
language, saying how long the lock lasts and who can lift it), and the handler that keeps it out of buyers' sign-ins."""

import math

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {**admin.site.each_context(request), "cooloff_minutes": minutes}
    return render(request, "admin/lockout.html", context, status=429)


class AdminOnlyAxesHandler(AxesDatabaseHandler):
    """Axes' database handler that records nothing outside the admin when AXES_ONLY_ADMIN_SITE is set.

    Axes itself honours that setting only when deciding whether a login is allowed; its signal handlers still count
    every failed authenticate(), the storefront's too, where it cannot see allauth's `login` field, so all buyers
    behind one address shared one bucket and met the admin's lockout page after five typos. Buyers' sign-ins are
    limited by allauth (ACCOUNT_RATE_LIMITS) instead."""

    def _ignored(self, request) -> bool:
        return settings.AXES_ONLY_ADMIN_SITE and not (request is not None and self.is_admin_request(request))

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if not self._ignored(request):
            super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        if not self._ignored(request):
            super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        if not self._ignored(request):
            super().user_logged_out(sender, request, user, **kwargs)
