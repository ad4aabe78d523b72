"""Brute force and production settings (issue 9, items 7 and 8): admin lockouts per username and client, one
client-IP function behind the proxy, a refused built-in secret key, a clean `check --deploy`, and a
Content-Security-Policy without inline scripts."""

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


# --- Admin lockout (django-axes) -------------------------------------------------------------------------------------


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("merchant", "merchant@example.com", PASSWORD)


def admin_login(client, password, **headers):
    return client.post("/admin/login/?next=/admin/", {"username": "merchant", "password": password}, **headers)


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_sixth_admin_login_is_locked_out_even_with_the_right_password(staff):
    client = Client()
    statuses = [admin_login(client, "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    response = admin_login(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 429
    assert not signed_in(response)
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()  # the lockout page, in German
    assert "15" in response.content.decode()  # and for how long
    assert client.get("/admin/").status_code == 302  # not signed in
    # Another client (another address) is not locked out for this username.
    assert signed_in(admin_login(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD))


def test_staff_lifts_a_lockout_and_the_right_password_works_again(staff):
    client = Client()
    for _ in range(5):
        admin_login(client, "wrong")
    assert admin_login(client, PASSWORD).status_code == 429
    other_admin = get_user_model().objects.create_superuser("owner", "owner@example.com", PASSWORD)
    admin = Client(REMOTE_ADDR="192.0.2.99")
    admin.force_login(other_admin)
    attempts = admin.get("/admin/axes/accessattempt/")
    assert attempts.status_code == 200 and "merchant" in attempts.content.decode()
    attempt = AccessAttempt.objects.get(username="merchant")
    assert admin.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}).status_code == 302
    assert signed_in(admin_login(client, PASSWORD))


def test_behind_the_proxy_two_clients_are_counted_separately(settings, staff):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"  # every request reaches the shop from the TLS proxy
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(5):
        admin_login(attacker, "wrong")
    assert admin_login(attacker, PASSWORD).status_code == 429
    merchant = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert signed_in(admin_login(merchant, PASSWORD))
    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"


def test_a_spoofed_forwarded_for_changes_nothing_without_a_trusted_proxy(staff):
    client = Client(REMOTE_ADDR="203.0.113.66")
    for n in range(5):
        admin_login(client, "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert admin_login(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"


def test_storefront_sign_ins_are_not_counted_by_the_admin_lockout(settings, staff, markets):
    """Buyers sign in through allauth, whose own ACCOUNT_RATE_LIMITS limit them: axes ignores those attempts, so a
    buyer never meets the admin's lockout page, and the admin lockout still counts admin logins."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    for n in range(6):
        response = client.post("/en/accounts/login/", {"login": f"buyer{n}@example.com", "password": "wrong"})
        assert response.status_code == 200, n  # the sign-in form again, with its error
        assert "Django site admin" not in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
    statuses = [admin_login(client, "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the same client: admin logins are counted from zero


def test_allauth_429_is_in_the_shop_layout_and_language(settings, markets):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    client = Client()
    client.post("/de/accounts/login/", {"login": "erika@example.com", "password": "wrong"})
    response = client.post("/de/accounts/login/", {"login": "erika@example.com", "password": "wrong"})
    assert response.status_code == 429
    page = response.content.decode()
    assert 'lang="de"' in page and "Zu viele Versuche" in page  # the shop's layout, in German
    assert 'href="/de/"' in page  # a way back into the shop


# --- One client address for every limit ------------------------------------------------------------------------------


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    "count, remote, forwarded, expected",
    [
        (0, "203.0.113.5", "1.2.3.4", "203.0.113.5"),  # no proxy: the header is the client's own claim
        (1, "10.0.0.2", "1.2.3.4, 198.51.100.9", "198.51.100.9"),  # the proxy appended the address it saw
        (2, "10.0.0.2", "1.2.3.4, 198.51.100.9, 10.0.0.3", "198.51.100.9"),
        (1, "10.0.0.2", None, "10.0.0.2"),  # not through the proxy
        (2, "10.0.0.2", "198.51.100.9", "10.0.0.2"),  # fewer hops than proxies: not trusted
        (1, "10.0.0.2", "not-an-ip", "10.0.0.2"),
        (1, "10.0.0.2", "[2001:db8::1]:443", "2001:db8::1"),
    ],
)
def test_client_ip_takes_the_entry_the_trusted_proxies_wrote(settings, count, remote, forwarded, expected):
    from config.client_ip import client_ip

    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(remote, forwarded)) == expected


def test_allauth_and_ratelimit_count_the_same_client(settings):
    from allauth.account.adapter import get_adapter
    from django_ratelimit.core import get_usage

    settings.TRUSTED_PROXY_COUNT = 1
    first, second = request_from("10.0.0.2", "198.51.100.1"), request_from("10.0.0.2", "198.51.100.2")
    assert get_adapter().get_client_ip(first) == "198.51.100.1"
    assert get_adapter().get_client_ip(second) == "198.51.100.2"
    usage = [get_usage(first, group="sec-test", key="ip", rate="2/m", increment=True) for _ in range(3)]
    assert usage[-1]["should_limit"] is True
    assert get_usage(second, group="sec-test", key="ip", rate="2/m", increment=True)["should_limit"] is False


# --- Production settings ---------------------------------------------------------------------------------------------

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "Zx8r-" + "q7Lp2Vw9Kt4Bn6Hs3Jd5Mf8Gc1Xy0Ra" * 2,
    "DJANGO_ALLOWED_HOSTS": "shop.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://shop.example.com",
    "DJANGO_BEHIND_TLS_PROXY": "1",
    "DJANGO_TRUSTED_PROXY_COUNT": "1",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_SECURE_COOKIES": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
}


def run_django(code_or_args, env_overrides, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_SECRET_KEY_FILE=str(tmp_path / "no-key-file"),
               SQLITE_PATH=str(tmp_path / "db.sqlite3"), CARAVAN_FILE_CACHE=str(tmp_path / "cache"))
    env.update(env_overrides)
    args = [sys.executable, "-c", code_or_args] if isinstance(code_or_args, str) else [sys.executable, *code_or_args]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def test_check_deploy_is_clean_with_the_documented_production_env(tmp_path):
    done = run_django(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_check_deploy_warns_without_the_production_env(tmp_path):
    """The test above can fail: without HSTS and SSL settings Django's deploy checks speak up."""
    done = run_django(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], {"DJANGO_SECRET_KEY": PRODUCTION_ENV["DJANGO_SECRET_KEY"]}, tmp_path)
    assert done.returncode != 0
    assert "security.W004" in done.stderr + done.stdout and "security.W008" in done.stderr + done.stdout


SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.ALLAUTH_TRUSTED_PROXY_COUNT)"


def test_without_debug_the_built_in_secret_key_is_refused(tmp_path):
    for env in ({}, {"DJANGO_SECRET_KEY": "caravan-insecure-dev-key-change-me-in-production"}, {"DJANGO_DEBUG": "0"}):
        done = run_django(SETUP, env, tmp_path)
        assert done.returncode != 0
        assert "ImproperlyConfigured" in done.stderr and "DJANGO_SECRET_KEY" in done.stderr


def test_debug_or_a_key_of_its_own_starts(tmp_path):
    assert run_django(SETUP, {"DJANGO_DEBUG": "1"}, tmp_path).stdout.split() == ["True", "0"]
    key_file = tmp_path / "key"
    key_file.write_text("a-per-install-key-" + "z" * 40 + "\n")
    done = run_django(SETUP, {"DJANGO_SECRET_KEY_FILE": str(key_file), "DJANGO_TRUSTED_PROXY_COUNT": "1"}, tmp_path)
    assert done.stdout.split() == ["False", "1"], done.stderr[-2000:]


def test_local_secrets_are_random_per_install_and_kept(tmp_path):
    installs = []
    for name in ("one", "two"):
        (tmp_path / name / "scripts").mkdir(parents=True)
        script = tmp_path / name / "scripts" / "local_secrets.sh"
        script.write_text((ROOT / "scripts" / "local_secrets.sh").read_text())
        subprocess.run(["bash", str(script)], check=True, capture_output=True, timeout=60)
        key, webhook = (tmp_path / name / ".secret_key"), (tmp_path / name / ".stripe_webhook_secret")
        assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(webhook.stat().st_mode) == 0o600
        installs.append((key.read_text(), webhook.read_text()))
        subprocess.run(["bash", str(script)], check=True, capture_output=True, timeout=60)
        assert (key.read_text(), webhook.read_text()) == installs[-1]  # created once, then kept
    assert installs[0][0] != installs[1][0] and installs[0][1] != installs[1][1]
    assert len(installs[0][0].strip()) >= 50 and installs[0][1].startswith("whsec_")
    run_server = (ROOT / "scripts" / "run_server.sh").read_text()
    assert "whsec_caravan_offline" not in run_server and ".stripe_webhook_secret" in run_server
    ignored = (ROOT / ".gitignore").read_text().split()
    assert {"/.secret_key", "/.stripe_webhook_secret", "/outbox/"} <= set(ignored)


# --- Content-Security-Policy -----------------------------------------------------------------------------------------


def script_src(response):
    policy = response["Content-Security-Policy"]
    directives = {part.strip().split()[0]: part.strip().split()[1:] for part in policy.split(";") if part.strip()}
    return directives


def test_storefront_pages_carry_a_csp_without_inline_scripts(client, catalog):
    category, products = catalog
    for path in ("/en/", f"/en/c/{category.slug}/", f"/en/p/{products[0].slug}/", "/en/search/?q=x", "/en/cart/", "/en/accounts/login/"):
        response = client.get(path)
        assert response.status_code == 200, path
        directives = script_src(response)
        assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"], path
        assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'none'"]
    directives = script_src(client.get("/en/"))
    assert "https://js.stripe.com" in directives["script-src"]
    assert {"https://js.stripe.com", "https://hooks.stripe.com"} <= set(directives["frame-src"])
    assert "https://api.stripe.com" in directives["connect-src"]


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = path.read_text()
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JS_URL):
            offenders += [f"{path.relative_to(ROOT)}: {m.group(0)[:80]}" for m in pattern.finditer(text)]
    assert offenders == []


def test_the_template_scan_finds_what_it_looks_for():
    assert INLINE_SCRIPT.search('<p>x</p><script>alert(1)</script>')
    assert not INLINE_SCRIPT.search('<script src="/static/js/shop.js" defer></script>')
    assert EVENT_HANDLER.search('<button type="button" onclick="go()">')
    assert not EVENT_HANDLER.search('<button type="button" class="one">')
