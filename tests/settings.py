"""Settings for the test suite: the project's settings with a test-only secret key (DJANGO_DEBUG is off in tests, and
the shop refuses to start on its built-in development key). The key goes into the environment, so servers and
management commands that tests start in subprocesses get it too."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "caravan-test-suite-only-" + "x" * 40)

from config.settings import *  # noqa: E402,F403

# Hashing passwords at production strength costs seconds per sign-in on a busy CI machine; the tests check who may
# sign in, not the hash's cost.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
