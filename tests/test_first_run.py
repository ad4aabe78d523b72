"""A newcomer's first run (issue 9, item 16): readable e-mails on the console plus .eml files, and a favicon."""

import io
from email import message_from_bytes

import pytest
from django.core.mail import EmailMultiAlternatives, get_connection

pytestmark = pytest.mark.django_db


def test_outbox_backend_prints_text_and_attachment_sizes_and_writes_eml(tmp_path):
    stream = io.StringIO()
    connection = get_connection("config.mail.OutboxConsoleBackend", stream=stream, outbox_dir=tmp_path / "outbox")
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 200  # 51 209 bytes
    message = EmailMultiAlternatives(
        "Your order CR-2026-000001", "Hello Erika,\nconfirm: https://shop.example/en/accounts/confirm-email/abc/\n",
        "shop@caravan.example", ["erika@example.com"], connection=connection,
    )
    message.attach_alternative("<p>Hello Erika</p>", "text/html")
    message.attach("invoice-2026-000001.pdf", pdf, "application/pdf")
    assert message.send() == 1
    printed = stream.getvalue()
    assert "Subject: Your order CR-2026-000001" in printed and "To: erika@example.com" in printed
    assert "https://shop.example/en/accounts/confirm-email/abc/" in printed
    assert "[attachment] invoice-2026-000001.pdf (application/pdf, 50.0 KB)" in printed
    assert "JVBERi0" not in printed and len(printed) < 2000  # no base64 of the PDF on the console
    files = list((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 1 and str(files[0]) in printed
    saved = message_from_bytes(files[0].read_bytes())
    parts = {part.get_filename(): part.get_payload(decode=True) for part in saved.walk() if part.get_filename()}
    assert parts == {"invoice-2026-000001.pdf": pdf}


def test_outbox_backend_is_the_default_without_email_backend(monkeypatch):
    import importlib

    import config.settings as project_settings

    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    try:
        assert importlib.reload(project_settings).EMAIL_BACKEND == "config.mail.OutboxConsoleBackend"
    finally:
        importlib.reload(project_settings)


def test_favicon_is_served_and_linked(client, catalog):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert '<link rel="icon"' in client.get("/en/").content.decode()
