"""Splitting a whole number in proportion to weights, with an exact sum."""

from __future__ import annotations


def apportion(total: int, weights: list[int]) -> list[int]:
    """Whole shares of ``total`` in proportion to ``weights`` that add up to ``total``.

    Largest-remainder rounding; ties go to the earlier item. All-zero weights count
    as equal weights.
    """
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("cannot apportion negative amounts")
    if not weights:
        if total:
            raise ValueError("nothing to apportion to")
        return []
    weight_sum = sum(weights)
    if weight_sum == 0:
        weights = [1] * len(weights)
        weight_sum = len(weights)
    shares = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    left = total - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[i] += 1
    return shares
