"""shop's models, split by area: catalogue and markets, carts and checkout, orders and invoices, the shop's pages."""

from .catalog import *  # noqa: F401,F403
from .catalog import CURRENCY_CHOICES  # noqa: F401
from .checkout import *  # noqa: F401,F403
from .orders import *  # noqa: F401,F403
from .pages import *  # noqa: F401,F403
