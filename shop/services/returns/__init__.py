"""Returns, by step: status.py (the state machine: every move one locked call with an event row), receiving.py
(the warehouse books what arrived: restocked or written off). The buyer's
request, the rules per market, receiving at the warehouse and the refund build on it."""

from shop.services.returns.receiving import LineReceipt, receive_return
from shop.services.returns.status import ReturnError, move_return

__all__ = ["LineReceipt", "ReturnError", "move_return", "receive_return"]
