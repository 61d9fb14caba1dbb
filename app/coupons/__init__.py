"""Coupons: a fixed amount or a percentage off, once, for N periods or forever."""
