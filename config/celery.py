"""Celery application. Tasks run in-process (eager) when REDIS_URL is unset.

When the broker cannot be reached, `.delay()` runs the task in the calling process instead of failing the caller (an
order is committed before its tasks are queued: a dead broker must not turn a placed order into an error page, and
the buyer should still get the confirmation e-mail). Tasks are thin and idempotent wrappers over services, so running
one here instead of on a worker is safe; a warning is logged at most once a minute.
"""

import logging
import os
import time

from celery import Celery, Task
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

logger = logging.getLogger("caravan.celery")
WARN_EVERY_SECONDS = 60.0
_last_warning = [None]


class InProcessWhenBrokerDownTask(Task):
    def apply_async(self, args=None, kwargs=None, task_id=None, producer=None, link=None, link_error=None, shadow=None, **options):
        try:
            return super().apply_async(args, kwargs, task_id=task_id, producer=producer, link=link, link_error=link_error, shadow=shadow, **options)
        except OperationalError as exc:
            now = time.monotonic()
            if _last_warning[0] is None or now - _last_warning[0] >= WARN_EVERY_SECONDS:
                _last_warning[0] = now
                logger.warning("Celery broker unavailable (%s): running %s in this process", exc, self.name)
            return self.apply(args, kwargs, task_id=task_id, link=link, link_error=link_error, **options)


app = Celery("caravan", task_cls=InProcessWhenBrokerDownTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
