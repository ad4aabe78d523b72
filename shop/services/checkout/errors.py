"""The checkout's refusals: their message is for the buyer."""


class CheckoutError(ValueError):
    """A checkout step refused; the message is for the buyer."""


class VoucherError(CheckoutError):
    pass
