"""Regression tests for the public-API bugs the reliability work (issue 8) found, one each:
the bindings, and the Python layers of the trait-basket, slippage and ffi modules (found by
test_hostile_input.py when they landed)."""

from __future__ import annotations

import math
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


# --- cushion.basket -----------------------------------------------------------------------


def _model():
    from cushion import basket

    return basket.TraitModel(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([0.5, 0.25]),
                             trait_names=["gold", "laser"])


def test_trait_model_weight_error_names_the_arguments() -> None:
    # Was: "item 0 gets weight 0.000000: every weight must be finite and > 0" -- which argument?
    from cushion import basket

    with pytest.raises(ValueError, match=r"^exposure and premia: item 0 gets weight 0"):
        basket.TraitModel(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([-1.0, 0.25]))


def test_trait_model_non_iterable_arguments_are_named() -> None:
    # Were: "'int' object is not iterable", "'NoneType' object is not iterable", ...
    from cushion import basket

    with pytest.raises(TypeError, match=r"^trait_names must be a sequence of str"):
        basket.TraitModel(np.eye(2), np.zeros(2), trait_names=1)
    m = _model()
    with pytest.raises(TypeError, match=r"^all_of must be a trait"):
        m.matching(all_of=None)
    with pytest.raises(TypeError, match=r"^none_of must be a trait"):
        m.cheapest(1, none_of=1.5)
    with pytest.raises(TypeError, match=r"^items must be a sequence of int indices, not int"):
        m.weight_sum(1)
    with pytest.raises(TypeError, match=r"^among must be a sequence of int indices"):
        m.matching(among=object())
    # Was: pybind11's "cheapest(): incompatible function arguments" for a k past int64.
    with pytest.raises(OverflowError, match=r"^k must be < 2\*\*63"):
        m.cheapest(2**256)
    assert list(m.cheapest(2, any_of="gold")) == [0, 2]  # and valid calls still work


# --- cushion.slippage ---------------------------------------------------------------------


def test_slippage_k_max_is_checked_with_weights_too() -> None:
    # Were: "slice indices must be integers ..." (1.5, nan), "'<' not supported ..." ("1"), and
    # k_max=True silently taken as 1 -- the int check ran only when no weights were given.
    from cushion import slippage

    weights = np.array([1.0, 2.5, 1.2])
    for bad in (1.5, math.nan, "1", True, np.float64(2.0)):
        with pytest.raises(TypeError, match=r"^k_max must be an int"):
            slippage.sell_curve(cushion.Linear(10.0, 0.1), bad, weights=weights)
    assert len(slippage.sell_curve(cushion.Linear(10.0, 0.1), 2, weights=weights)) == 2


def test_slippage_depth_max_items_range_is_named() -> None:
    # Was: pybind11's "depth(): incompatible function arguments" for a max_items past int64.
    from cushion import slippage

    with pytest.raises(OverflowError, match=r"^max_items must be < 2\*\*63"):
        slippage.depth(cushion.Linear(10.0, 0.1), 0.05, max_items=2**256)
    with pytest.raises(ValueError, match=r"^max_items must be >= 0"):
        slippage.depth(cushion.Linear(10.0, 0.1), 0.05, max_items=-(2**300))


# --- cushion.ffi --------------------------------------------------------------------------


def test_ffi_call_and_encode_check_their_arguments() -> None:
    # Were: MalformedArguments "unknown function None", "object of type 'int' has no len()",
    # encode(ok=None) silently encoding false, int('x') failing without a name.
    from cushion import ffi

    with pytest.raises(TypeError, match=r"^name must be a str"):
        ffi.call(None, ["1", "2", "3"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^args must be a list or tuple of str"):
        ffi.call("num.mul_div", "3 7 11")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^ok must be a bool"):
        ffi.encode(None, [("uint256", "value")], [5])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^values\[0\] must be an int"):
        ffi.encode(True, [("uint256", "value")], ["x"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match=r"^returns has 1 entries but values has 2"):
        ffi.encode(True, [("uint256", "value")], [1, 2])
    assert ffi.encode(True, [("uint256", "value")], [5]).endswith("5")


# --- interpreter shutdown -----------------------------------------------------------------


def test_interpreter_exits_cleanly_after_the_basket_bindings_ran() -> None:
    # Was: a static py::module_ (numpy, cached by the array bindings) was released by the C++
    # exit handlers after the interpreter had finalised: a use after free at exit, a SEGV in
    # module_dealloc under the ASan smoke run.  Reproduced by a pytest session of the trait
    # model's regression test in a child process (.ci/sanitize.sh runs this file; the child
    # inherits its sanitizer environment, where the old code aborted at exit).
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--capture=sys", __file__,
                           "-k", "trait_model_weight_error_names_the_arguments"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
