"""The pure rating engine: periods, usage x price models -> fees, coupons, taxes, credits.

No database and no GraphQL: ``Decimal`` in, ``Decimal`` and integer minor units out.
"""
