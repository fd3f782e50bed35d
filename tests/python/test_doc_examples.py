"""The examples in the docstrings run and print what they say; every public name is documented."""

from __future__ import annotations

import doctest
import inspect
import typing

import numpy as np
import pytest

import cushion

MODULES = [cushion.caviar, cushion.basket, cushion.batch, cushion.slippage]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    with np.printoptions(legacy=False):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_public_names_are_documented(module):
    assert module.__doc__
    for name in module.__all__:
        obj = getattr(module, name)
        if typing.get_origin(obj) is not None:  # a type alias (Literal[...]): type information itself
            continue
        if inspect.isclass(obj) or callable(obj):
            assert obj.__doc__, f"{module.__name__}.{name} has no docstring"
    for cls in (cushion.WeightedXYK, cushion.exact.WeightedXYK):
        for attr in ("buy", "sell", "buy_quote", "sell_quote", "price", "base_reserve", "nft_reserve"):
            assert getattr(cls, attr).__doc__, f"{cls.__name__}.{attr}"
