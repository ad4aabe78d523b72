"""Session engine: Django's cached_db store, minus a query. A new session's key is 32 random characters; Django
first asks the database whether it exists, then inserts it with must_create=True, which already fails (and
retries with a new key) on a duplicate primary key. The first question is redundant, and new guests (every
first add to cart) pay for it."""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBSessionStore
from django.utils.crypto import get_random_string


class SessionStore(CachedDBSessionStore):
    def _get_new_session_key(self):
        return get_random_string(32, VALID_KEY_CHARS)
