"""Session engine: Django's cached_db store, minus a query, and never dependent on the cache alone.

- A new session's key is 32 random characters; Django first asks the database whether it exists, then inserts it with
  must_create=True, which already fails (and retries with a new key) on a duplicate primary key. The first question
  is redundant, and new guests (every first add to cart) pay for it.
- Every session is written to the database; the cache only saves reads. When the cache cannot be reached, loading
  falls back to the database and cache writes/deletes are skipped (the database row is what counts).
- A session cookie that cannot be one of our keys (wrong length or characters, e.g. a NUL byte that PostgreSQL
  refuses in text) is treated as no session, before it reaches the cache or the database.
"""

import logging

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBSessionStore
from django.utils.crypto import get_random_string

logger = logging.getLogger("caravan.sessions")

KEY_LENGTH = 32
_VALID = frozenset(VALID_KEY_CHARS)


class SessionStore(CachedDBSessionStore):
    def _get_new_session_key(self):
        return get_random_string(KEY_LENGTH, VALID_KEY_CHARS)

    def _validate_session_key(self, key):
        return bool(key) and len(key) == KEY_LENGTH and _VALID.issuperset(key)

    def exists(self, session_key):
        try:
            if session_key and (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception as exc:  # noqa: BLE001 - any cache failure: the database answers
            logger.warning("session cache unavailable (%s): asking the database", exc.__class__.__name__)
        return super(CachedDBSessionStore, self).exists(session_key)

    def delete(self, session_key=None):
        super(CachedDBSessionStore, self).delete(session_key)
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        try:
            self._cache.delete(self.cache_key_prefix + session_key)
        except Exception as exc:  # noqa: BLE001 - the row is gone; a stale cache entry expires on its own
            logger.warning("session cache unavailable (%s): cached copy not deleted", exc.__class__.__name__)
