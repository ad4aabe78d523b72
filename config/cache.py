"""A Redis cache that degrades instead of failing the request when Redis is unreachable.

The shop keeps nothing in the cache that it cannot rebuild from the database (listing cards, config versions, cached
sessions whose rows are in the database too), so while Redis is down every read is a miss, every write is dropped and
the shop keeps serving pages and taking orders from PostgreSQL alone. A warning is logged at most once a minute, and
after a failure Redis is not asked again for a few seconds, so a Redis host that does not answer cannot add a
timeout to every cache call of every request.

One exception to "every write is dropped": allauth's sign-in rate limits take a lock with `add()` and count a lock
they cannot get as "limited", so with Redis down every sign-in, sign-up and password reset would be refused with a
429. For those lock keys (and only those) `add()` says the lock was taken while Redis is down: the limits are
skipped (logged), the shop keeps taking sign-ins, and any other `add()` still reports that nothing was stored.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("caravan.cache")

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER_SECONDS = 5.0
WARN_EVERY_SECONDS = 60.0
# Keys of allauth's rate-limit locks (allauth.core.internal.ratelimit.cache_lock: "allauth:rl:…:lock").
FAIL_OPEN_LOCK_PREFIX, FAIL_OPEN_LOCK_SUFFIX = "allauth:rl:", ":lock"


class DegradingRedisCache(RedisCache):
    """Django's RedisCache; when Redis cannot be reached, reads miss and writes are no-ops (see the module doc)."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._last_warning = None
        self._last_limits_warning = None

    # --- bookkeeping ------------------------------------------------------------------------------------------------

    def _is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self._down_until = now + RETRY_AFTER_SECONDS
            warn = self._last_warning is None or now - self._last_warning >= WARN_EVERY_SECONDS
            if warn:
                self._last_warning = now
        if warn:
            logger.warning(
                "Redis cache unavailable (%s on %s: %s): serving without the cache until it is back", exc.__class__.__name__, operation, exc
            )

    def _call(self, operation: str, fallback, *args, **kwargs):
        if self._is_down():
            return fallback()
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNAVAILABLE as exc:
            self._failed(operation, exc)
            return fallback()

    def check_health(self) -> None:
        """Ask Redis directly (no degrading): raises when it cannot be reached. Used by /healthz."""
        self._cache.get_client(write=True).ping()

    # --- the cache API ------------------------------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if isinstance(key, str) and key.startswith(FAIL_OPEN_LOCK_PREFIX) and key.endswith(FAIL_OPEN_LOCK_SUFFIX):
            return self._call("add", self._rate_limit_lock_unavailable, key, value, timeout, version)
        return self._call("add", lambda: False, key, value, timeout, version)

    def _rate_limit_lock_unavailable(self) -> bool:
        """An allauth rate-limit lock while Redis is down: taken (the limit is not enforced), said once a minute."""
        now = time.monotonic()
        with self._lock:
            warn = self._last_limits_warning is None or now - self._last_limits_warning >= WARN_EVERY_SECONDS
            if warn:
                self._last_limits_warning = now
        if warn:
            logger.warning("Redis cache unavailable: sign-in rate limits are not enforced until it is back")
        return True

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():  # what Django says for a key that is not there; callers already handle it
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)
