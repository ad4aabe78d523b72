"""One buyer, one e-mail identity: the normalised form that once-per-customer rules count by.

Mailboxes ignore case, `+tag` sub-addresses reach the same inbox, and Gmail also ignores dots and answers at
googlemail.com too — so `A.B+1@Gmail.com`, `ab+2@googlemail.com` and `ab@gmail.com` are one customer."""

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def normalized_email(email: str) -> str:
    """Lower-case, `+tag` stripped; for Gmail dots removed and the domain unified to gmail.com. '' stays ''."""
    email = (email or "").strip().lower()
    local, at, domain = email.rpartition("@")
    if not at:
        return email
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}" if local else email
