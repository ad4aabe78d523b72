"""Returns, by step: status.py (the state machine: every move one locked call with an event row). The buyer's
request, the rules per market, receiving at the warehouse and the refund build on it."""

from shop.services.returns.status import ReturnError, move_return

__all__ = ["ReturnError", "move_return"]
