"""Orders' refusals (a CheckoutError: the message is for the buyer)."""




from shop.services.checkout import CheckoutError


class OrderError(CheckoutError):
    pass


class StockShortError(CheckoutError):
    def __init__(self, messages: list[str], shortages):
        self.messages = messages
        self.shortages = shortages
        super().__init__(" ".join(messages))


class PriceChangedError(CheckoutError):
    pass
