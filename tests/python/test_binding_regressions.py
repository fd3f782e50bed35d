"""Regression tests for the binding bugs the reliability work (issue 8) found, one each."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import cushion
from cushion import exact

W = 10**18


def test_numpy_array_for_an_int_argument_names_the_argument() -> None:
    # Was: TypeError "only integer scalar arrays can be converted to a scalar index", raised by
    # numpy's __index__ and passed through without saying which argument was wrong.
    with pytest.raises(TypeError, match=r"^b must be an int, not numpy.ndarray") as e:
        cushion.num.mul_div(3, np.array([1, 2]), 5)
    assert isinstance(e.value.__cause__, TypeError)  # numpy's own message stays attached
    with pytest.raises(TypeError, match=r"^n must be an int"):
        exact.Linear(10 * W, W).buy(np.array([1, 2]))


def test_numpy_array_for_a_real_argument_names_the_argument() -> None:
    # Was: TypeError "only length-1 arrays can be converted to Python scalars" (numpy's __float__).
    with pytest.raises(TypeError, match=r"^spot_price must be a real number, not numpy.ndarray"):
        cushion.Linear(np.array([1.0, 2.0]), 1.0)
    with pytest.raises(TypeError, match=r"^n must be a real number"):
        cushion.Linear(1.0, 1.0).sell(np.array([1.0, 2.0]))
    # NumPy scalars and 0-d arrays are real numbers and stay accepted.
    assert cushion.Linear(np.float32(10.0), np.array(1.0)).spot_price == 10.0


@pytest.mark.parametrize(
    "quote",
    [
        exact.Linear(10 * W, W // 10, 5 * 10**15).buy(5),
        exact.Exponential(10 * W, 105 * W // 100).sell(3),
        exact.XYK(500 * W, 50).buy(60),  # an error quote: INVALID_NUMITEMS
        exact.GDA(10 * W, 101 * W // 100, 10**14, 0, 3600).buy(2),
        cushion.Linear(10.0, 0.1, fee=0.005).sell(5),
        cushion.GDA(10.0, 1.01, 0.0001, 0, 3600).sell(2),
    ],
    ids=lambda q: type(q).__qualname__,
)
def test_quotes_pickle(quote) -> None:
    # Was: "cannot pickle 'cushion._core.exact.LinearQuote' object", although the README says
    # curves and quotes pickle (a quote crosses to a Dask worker like a curve does).
    back = pickle.loads(pickle.dumps(quote))
    assert type(back) is type(quote)
    assert repr(back) == repr(quote)
    assert back.next == quote.next
    assert (back.error, back.value, back.trade_fee, back.protocol_fee, back.items) == (
        quote.error, quote.value, quote.trade_fee, quote.protocol_fee, quote.items)


def test_a_corrupt_pickled_quote_is_refused_by_name() -> None:
    q = exact.Linear(10 * W, W // 10).buy(5)
    _, (cls,), state, *_ = q.__reduce_ex__(2)
    with pytest.raises(ValueError, match="error code"):
        cls.__new__(cls).__setstate__((99, *state[1:]))
    with pytest.raises(OverflowError, match="^value"):
        cls.__new__(cls).__setstate__((0, -1, *state[2:]))
    with pytest.raises(ValueError, match="invalid pickled quote state"):
        cls.__new__(cls).__setstate__(state[:5])
