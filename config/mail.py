"""The e-mail backend for running the shop without a mail server (the default when EMAIL_BACKEND is unset).

Django's console backend prints whole MIME messages, so every invoice PDF scrolls by as pages of base64 and the
sign-up link is lost in it. This one prints what a person reads — the headers, the text part, and each attachment's
name, type and size — and writes the complete message as an .eml file (opens in any mail program) into
CARAVAN_OUTBOX_DIR (default ./outbox/).
"""

import re
import secrets
import sys
import threading
from email.message import Message
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


def summarize(msg: Message) -> tuple[str, list[tuple[str, str, int]]]:
    """The message's text part and its attachments as (name, content type, size in bytes)."""
    text, attachments = "", []
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
        payload = part.get_payload(decode=True) or b""
        if filename or disposition == "attachment":
            attachments.append((filename or "(unnamed)", part.get_content_type(), len(payload)))
        elif part.get_content_type() == "text/plain" and not text:
            text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    return text, attachments


class OutboxConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, outbox_dir=None, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self.outbox = Path(outbox_dir or settings.CARAVAN_OUTBOX_DIR)
        self._lock = threading.RLock()

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        sent = 0
        with self._lock:
            for message in email_messages:
                try:
                    self._write(message)
                    sent += 1
                except Exception:
                    if not self.fail_silently:
                        raise
        return sent

    def _write(self, message) -> Path:
        msg = message.message()
        self.outbox.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", (message.subject or "message").lower()).strip("-")[:60] or "message"
        path = self.outbox / f"{timezone.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}-{slug}.eml"
        path.write_bytes(msg.as_bytes())
        text, attachments = summarize(msg)
        lines = [f"{name}: {msg[name]}" for name in HEADERS if msg[name]]
        lines += ["", text.rstrip() or "(no text part: open the .eml file)", ""]
        lines += [f"[attachment] {name} ({ctype}, {_size(size)})" for name, ctype, size in attachments]
        lines.append(f"[full message] {path}")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
        self.stream.flush()
        return path
