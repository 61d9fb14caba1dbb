"""The demo catalogue of an API company: metered calls, storage and seats, three plans using every
charge model, an onboarding add-on, a welcome coupon, VAT, and a dozen customers."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.addons import service as addons
from app.auth.actor import Actor
from app.billing.charges import ChargeModel
from app.coupons import service as coupons
from app.coupons.models import CouponExpiration, CouponFrequency, CouponKind
from app.customers import service as customers
from app.metrics import service as metrics
from app.metrics.models import AggregationType
from app.plans import service as plans
from app.plans.models import PlanInterval
from app.plans.service import ChargeSpec
from app.taxes import service as taxes

CUSTOMERS = [
    ("cus_acme", "Acme Robotics", "FR", "Europe/Paris"),
    ("cus_globex", "Globex Analytics", "DE", "Europe/Berlin"),
    ("cus_initech", "Initech", "IE", "Europe/Dublin"),
    ("cus_umbrella", "Umbrella Health", "NL", "Europe/Amsterdam"),
    ("cus_hooli", "Hooli Cloud", "ES", "Europe/Madrid"),
    ("cus_stark", "Stark Logistics", "IT", "Europe/Rome"),
    ("cus_wayne", "Wayne Payments", "BE", "Europe/Brussels"),
    ("cus_tyrell", "Tyrell Genomics", "AT", "Europe/Vienna"),
    ("cus_cyberdyne", "Cyberdyne Systems", "FI", "Europe/Helsinki"),
    ("cus_soylent", "Soylent Foods", "PT", "Europe/Lisbon"),
    ("cus_oscorp", "Oscorp Labs", "SE", "Europe/Stockholm"),
    ("cus_wonka", "Wonka Retail", "FR", "Europe/Paris"),
]


def _tiers(*tiers: tuple[str, str | None, str, str]) -> list[dict[str, str | None]]:
    return [
        {"from_value": start, "to_value": end, "per_unit_amount": per_unit, "flat_amount": flat}
        for start, end, per_unit, flat in tiers
    ]


async def load(session: AsyncSession, admin: Actor) -> None:
    await taxes.create_tax(session, admin, taxes.TaxInput("VAT", "vat_20", "20", "EU standard VAT", True))
    made = {}
    for code, name, aggregation, field in (
        ("api_calls", "API calls", AggregationType.COUNT_AGG, None),
        ("storage_gb", "Storage (GB)", AggregationType.MAX_AGG, "gb"),
        ("seats", "Active seats", AggregationType.UNIQUE_COUNT_AGG, "user_id"),
        ("payment_volume", "Payment volume", AggregationType.SUM_AGG, "amount"),
    ):
        metric = await metrics.create_metric(
            session, admin, metrics.MetricInput(name, code, None, aggregation, field)
        )
        made[code] = str(metric.id)

    def charge(code: str, model: ChargeModel, **properties: object) -> ChargeSpec:
        return ChargeSpec(made[code], model, dict(properties))

    await plans.create_plan(
        session,
        admin,
        plans.PlanInput(
            name="Starter",
            code="starter",
            interval=PlanInterval.MONTHLY,
            amount_cents=2900,
            amount_currency="EUR",
            pay_in_advance=True,
            description="For side projects",
            charges=[
                charge("api_calls", ChargeModel.STANDARD, amount="0.002"),
                charge("storage_gb", ChargeModel.PACKAGE, amount="5", package_size=10, free_units=5),
            ],
        ),
    )
    await plans.create_plan(
        session,
        admin,
        plans.PlanInput(
            name="Pro",
            code="pro",
            interval=PlanInterval.MONTHLY,
            amount_cents=9900,
            amount_currency="EUR",
            pay_in_advance=True,
            trial_period=14,
            description="For growing teams",
            charges=[
                charge(
                    "api_calls",
                    ChargeModel.GRADUATED,
                    graduated_ranges=_tiers(
                        ("0", "100000", "0", "0"),
                        ("100000", "1000000", "0.001", "0"),
                        ("1000000", None, "0.0005", "50"),
                    ),
                ),
                charge(
                    "seats",
                    ChargeModel.VOLUME,
                    volume_ranges=_tiers(
                        ("0", "10", "15", "0"), ("10", "50", "12", "0"), ("50", None, "9", "0")
                    ),
                ),
                charge("payment_volume", ChargeModel.PERCENTAGE, rate="1.2", fixed_amount="0.1"),
            ],
        ),
    )
    await plans.create_plan(
        session,
        admin,
        plans.PlanInput(
            name="Enterprise",
            code="enterprise",
            interval=PlanInterval.YEARLY,
            amount_cents=1_200_000,
            amount_currency="EUR",
            description="Volume pricing, billed yearly",
            charges=[
                charge(
                    "api_calls",
                    ChargeModel.VOLUME,
                    volume_ranges=_tiers(("0", "10000000", "0.0004", "0"), ("10000000", None, "0.0002", "0")),
                ),
                charge("storage_gb", ChargeModel.STANDARD, amount="0.1"),
                charge(
                    "seats",
                    ChargeModel.GRADUATED,
                    graduated_ranges=_tiers(("0", "100", "10", "0"), ("100", None, "6", "0")),
                ),
            ],
        ),
    )
    await addons.create_add_on(
        session,
        admin,
        addons.AddOnInput(
            name="Onboarding",
            code="onboarding",
            description="Guided setup with an engineer",
            amount_cents=150_000,
            amount_currency="EUR",
        ),
    )
    await coupons.create_coupon(
        session,
        admin,
        coupons.CouponInput(
            name="Welcome",
            code="welcome",
            coupon_type=CouponKind.PERCENTAGE,
            percentage_rate="10",
            frequency=CouponFrequency.RECURRING,
            frequency_duration=3,
            reusable=False,
            expiration=CouponExpiration.NO_EXPIRATION,
        ),
    )
    for external_id, name, country, timezone in CUSTOMERS:
        domain = external_id.removeprefix("cus_")
        await customers.create_customer(
            session,
            admin,
            customers.CustomerInput(
                external_id=external_id,
                name=name,
                legal_name=f"{name} Ltd",
                email=f"billing@{domain}.example",
                currency="EUR",
                timezone=timezone,
                net_payment_term=30,
                billing_address={"address_line1": "1 Main Street", "city": "Capital", "country": country},
            ),
        )
