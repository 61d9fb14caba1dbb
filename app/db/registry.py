"""Imports every domain's models so that ``Base.metadata`` is complete (migrations, tests)."""

from __future__ import annotations

from app.addons import models as _addons  # noqa: F401
from app.api_keys import models as _api_keys  # noqa: F401
from app.audit import models as _audit  # noqa: F401
from app.coupons import models as _coupons  # noqa: F401
from app.credit_notes import models as _credit_notes  # noqa: F401
from app.customers import models as _customers  # noqa: F401
from app.db.base import Base
from app.events import models as _events  # noqa: F401
from app.integrations import models as _integrations  # noqa: F401
from app.invoices import models as _invoices  # noqa: F401
from app.invoicing import models as _invoicing  # noqa: F401
from app.members import models as _members  # noqa: F401
from app.metrics import models as _metrics  # noqa: F401
from app.organizations import models as _organizations  # noqa: F401
from app.plans import models as _plans  # noqa: F401
from app.roles import models as _roles  # noqa: F401
from app.subscriptions import models as _subscriptions  # noqa: F401
from app.taxes import models as _taxes  # noqa: F401
from app.users import models as _users  # noqa: F401
from app.wallets import models as _wallets  # noqa: F401
from app.webhooks import models as _webhooks  # noqa: F401

metadata = Base.metadata
