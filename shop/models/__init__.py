"""shop's models, split by area: catalogue and markets, carts and checkout, orders and invoices, the shop's pages,
returns and credit notes."""

from shop.models.catalog import *  # noqa: F401,F403
from shop.models.catalog import CURRENCY_CHOICES  # noqa: F401
from shop.models.checkout import *  # noqa: F401,F403
from shop.models.orders import *  # noqa: F401,F403
from shop.models.pages import *  # noqa: F401,F403
from shop.models.returns import *  # noqa: F401,F403
