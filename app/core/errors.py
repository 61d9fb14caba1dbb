"""Domain errors. Services raise these; the GraphQL layer maps each to one code of the error contract."""

from __future__ import annotations

from collections.abc import Iterable


class DomainError(Exception):
    """Base of every error that is part of the API contract."""

    code = "INTERNAL_ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Authentication required") -> None:
        super().__init__(message)


class Forbidden(DomainError):
    code = "FORBIDDEN"

    def __init__(
        self, required: Iterable[str], message: str | None = None, *, roles: Iterable[str] = ()
    ) -> None:
        self.required = sorted(required)
        self.roles = sorted(roles)
        super().__init__(message or f"Missing permission: {', '.join(self.required)}")


class NotFound(DomainError):
    """The object does not exist or belongs to another organization (never say which)."""

    code = "NOT_FOUND"

    def __init__(self, resource: str) -> None:
        super().__init__(f"{resource} not found")
        self.resource = resource


class ValidationFailed(DomainError):
    """Input breaks a rule. ``fields`` maps each offending input path to what is wrong with it."""

    code = "VALIDATION_ERROR"

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        summary = "; ".join(f"{path}: {problem}" for path, problem in self.fields.items())
        super().__init__(f"Invalid input: {summary}")

    @classmethod
    def one(cls, path: str, problem: str) -> ValidationFailed:
        return cls({path: problem})


class AmountOutOfRange(ValidationFailed):
    """Billing computed an amount past the largest one (``validation.MAX_AMOUNT_CENTS``): usage times
    price beyond anything billable. Nothing is billed; the invoice's ``id`` (or the subscription) is named."""

    def __init__(self, amount: object, maximum: int) -> None:
        super().__init__({"id": f"a fee of {amount} minor units passes the largest amount, {maximum}"})


class QueryRejected(DomainError):
    code = "QUERY_REJECTED"


class RateLimited(DomainError):
    """Too many requests, or too many failed logins: try again in ``retry_after`` seconds."""

    code = "RATE_LIMITED"

    def __init__(self, retry_after: int, message: str = "Too many requests") -> None:
        super().__init__(f"{message}; retry in {retry_after} s")
        self.retry_after = retry_after


class Collector:
    """Gathers every validation problem of an input before raising them together."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}

    def add(self, path: str, problem: str) -> None:
        self.fields.setdefault(path, problem)

    def check(self, condition: bool, path: str, problem: str) -> bool:
        if not condition:
            self.add(path, problem)
        return condition

    def raise_if_any(self) -> None:
        if self.fields:
            raise ValidationFailed(self.fields)
