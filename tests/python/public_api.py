"""cushion's public Python API, enumerated, with one valid call per callable.

Used by test_hostile_input.py (every callable, every argument, hostile values) and
test_threads.py (every callable from several threads at once).  The enumeration is
automatic: every public submodule of ``cushion`` (found with pkgutil, names without a
leading underscore), the names in its ``__all__``, and for each public class its
constructor and public methods.  Argument names and kinds come from the signatures
(pybind11's docstring signature for compiled callables, ``inspect.signature`` for Python
ones), so the only thing written by hand is BASELINES: a *valid* set of arguments for each
callable.  A callable without a baseline fails the tests with a message saying where to add
one; that is how a new public function gets its hostile-input and thread coverage.
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import pickle
import pkgutil
import re
import types
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

import cushion
import public_api_risk
from api_baseline import Baseline, Fresh, materialise  # noqa: F401 - re-exported for the tests

W = 10**18

# ---------------------------------------------------------------------------------------
# The one hand-written part: a valid call for every public callable.
#
# Keys are any public name of the callable ("cushion.exact.Linear" for a constructor,
# "cushion.exact.Linear.buy" for a method, "cushion.num.mul_div" for a function).  A method's
# instance is built from its class's baseline.  `accepts` lists, per argument, the hostile
# categories (see test_hostile_input.HOSTILE) that are valid for it (e.g. a float argument
# whose domain includes negatives: accepts={"x": {"negative"}}); `kinds` names an argument's
# kind where the signature cannot (an argument typed `object`).
# ---------------------------------------------------------------------------------------


_GDA_DELTA = cushion.sudoswap.pack_gda_delta(1_010_000_000, 100_000, 0)  # alpha 1.01, lambda 1e-4/s, t0 0
_F64_LINEAR = cushion.Linear(10.0, 0.1, fee=0.005)
_BATCH_F64 = dict(curve="linear", out=None, spot_price=np.array([10.0, 12.0, 9.0]), delta=np.array([0.1, 0.2, 0.1]),
                  n=np.array([1.0, 5.0, 3.0]), fee=0.005)
_BATCH_F64_KINDS = dict(curve="str", spot_price="array", delta="array", n="array", fee="float")
# Every batch parameter broadcasts (NumPy's rules): an extra leading dimension, or a length-1
# list for a scalar, is another valid batch.
_BATCH_F64_ACCEPTS = dict(spot_price={"one more dimension"}, delta={"one more dimension"}, n={"one more dimension"},
                          fee={"list"})
_BATCH_EXACT = dict(curve="linear", spot_price=[10 * W, 12 * W, 9 * W], delta=[W // 10, W // 5, W // 10],
                    n=[1, 5, 3], fee=5 * 10**15)
_BATCH_EXACT_KINDS = dict(curve="str", spot_price="int_column", delta="int_column", n="int_column", fee="int")

BASELINES: dict[str, Baseline] = {
    # exact primitives
    "cushion.num.mul_div": Baseline(dict(a=3 * W, b=7 * W, denominator=11, rounding="up")),
    "cushion.num.mulmod": Baseline(dict(a=3 * W, b=7 * W, denominator=11)),
    "cushion.num.solmate.mul_div_down": Baseline(dict(x=3 * W, y=7 * W, denominator=11)),
    "cushion.num.solmate.mul_div_up": Baseline(dict(x=3 * W, y=7 * W, denominator=11)),
    "cushion.num.solmate.mul_wad_down": Baseline(dict(x=3 * W, y=7 * W)),
    "cushion.num.solmate.mul_wad_up": Baseline(dict(x=3 * W, y=7 * W)),
    "cushion.num.solmate.div_wad_down": Baseline(dict(x=3 * W, y=7 * W)),
    "cushion.num.solmate.div_wad_up": Baseline(dict(x=3 * W, y=7 * W)),
    "cushion.num.solmate.rpow": Baseline(dict(x=W + 10**16, n=7, scalar=W)),
    "cushion.num.prbmath.mul": Baseline(dict(x=3 * W, y=7 * W)),
    "cushion.num.prbmath.div": Baseline(dict(x=3 * W, y=7 * W)),
    "cushion.num.prbmath.powu": Baseline(dict(x=3 * W, y=5)),
    "cushion.num.prbmath.log2": Baseline(dict(x=3 * W)),
    "cushion.num.prbmath.exp2": Baseline(dict(x=3 * W)),
    "cushion.num.prbmath.pow": Baseline(dict(x=3 * W, y=2 * W + 5 * 10**17)),
    "cushion.num.prbmath.mul_div": Baseline(dict(x=3 * W, y=7 * W, denominator=11)),
    "cushion.num.prbmath.mul_div18": Baseline(dict(x=3 * W, y=7 * W)),
    # sudoswap compatibility
    "cushion.sudoswap.get_buy_info": Baseline(dict(curve="gda", spot_price=10 * W, delta=_GDA_DELTA, num_items=5,
                                                   fee_multiplier=5 * 10**15, protocol_fee_multiplier=10**15,
                                                   timestamp=3600)),
    "cushion.sudoswap.get_sell_info": Baseline(dict(curve="gda", spot_price=10 * W, delta=_GDA_DELTA, num_items=5,
                                                    fee_multiplier=5 * 10**15, protocol_fee_multiplier=10**15,
                                                    timestamp=3600)),
    "cushion.sudoswap.pack_gda_delta": Baseline(dict(alpha=1_010_000_000, decay=100_000, t0=0)),
    "cushion.sudoswap.unpack_gda_delta": Baseline(dict(delta=_GDA_DELTA)),
    # f64 curves
    "cushion.curves.Linear": Baseline(dict(spot_price=10.0, delta=0.1, fee=0.005, protocol_fee=0.001)),
    "cushion.curves.Linear.buy": Baseline(dict(n=5)),
    "cushion.curves.Linear.sell": Baseline(dict(n=5)),
    "cushion.curves.Exponential": Baseline(dict(spot_price=10.0, delta=1.05, fee=0.005, protocol_fee=0.001)),
    "cushion.curves.Exponential.buy": Baseline(dict(n=5)),
    "cushion.curves.Exponential.sell": Baseline(dict(n=5)),
    "cushion.curves.XYK": Baseline(dict(token_reserve=500.0, nft_reserve=50.0, fee=0.005, protocol_fee=0.001)),
    "cushion.curves.XYK.buy": Baseline(dict(n=5)),
    "cushion.curves.XYK.sell": Baseline(dict(n=5)),
    "cushion.curves.GDA": Baseline(dict(spot_price=10.0, alpha=1.01, decay=0.0001, t0=0.0, now=3600.0, fee=0.005,
                                        protocol_fee=0.001)),
    "cushion.curves.GDA.buy": Baseline(dict(n=5)),
    "cushion.curves.GDA.sell": Baseline(dict(n=5)),
    "cushion.curves.GDA.at": Baseline(dict(now=7200.0)),
    "cushion.curves.GDA.decay_factor": Baseline({}),
    # exact curves
    "cushion.exact.Linear": Baseline(dict(spot_price=10 * W, delta=W // 10, fee=5 * 10**15, protocol_fee=10**15)),
    "cushion.exact.Linear.buy": Baseline(dict(n=5)),
    "cushion.exact.Linear.sell": Baseline(dict(n=5)),
    "cushion.exact.Exponential": Baseline(dict(spot_price=10 * W, delta=105 * W // 100, fee=5 * 10**15,
                                               protocol_fee=10**15)),
    "cushion.exact.Exponential.buy": Baseline(dict(n=5)),
    "cushion.exact.Exponential.sell": Baseline(dict(n=5)),
    "cushion.exact.XYK": Baseline(dict(token_reserve=500 * W, nft_reserve=50, fee=5 * 10**15, protocol_fee=10**15)),
    "cushion.exact.XYK.buy": Baseline(dict(n=5)),
    "cushion.exact.XYK.sell": Baseline(dict(n=5)),
    "cushion.exact.GDA": Baseline(dict(spot_price=10 * W, alpha=101 * W // 100, decay=10**14, t0=0, now=3600,
                                       fee=5 * 10**15, protocol_fee=10**15)),
    "cushion.exact.GDA.buy": Baseline(dict(n=5)),
    "cushion.exact.GDA.sell": Baseline(dict(n=5)),
    "cushion.exact.GDA.at": Baseline(dict(now=7200)),
    "cushion.exact.GDA.decay_factor": Baseline({}),
    # trait baskets: the weighted XYK (Caviar) and trait models
    "cushion.curves.WeightedXYK": Baseline(dict(base_reserve=100.0, nft_reserve=5.0, fee_rate_bps=200.0,
                                                protocol_fee_rate_bps=10.0)),
    "cushion.curves.WeightedXYK.buy": Baseline(dict(weight_sum=1.5)),
    "cushion.curves.WeightedXYK.sell": Baseline(dict(weight_sum=1.5)),
    "cushion.curves.WeightedXYK.buy_quote": Baseline(dict(weight_sum=1.5)),
    "cushion.curves.WeightedXYK.sell_quote": Baseline(dict(weight_sum=1.5)),
    "cushion.curves.WeightedXYK.price": Baseline({}),
    "cushion.exact.WeightedXYK": Baseline(dict(base_reserve=100 * W, nft_reserve=5 * W, fee_rate_bps=200,
                                               protocol_fee_rate_bps=10)),
    "cushion.exact.WeightedXYK.buy": Baseline(dict(weight_sum=3 * W // 2)),
    "cushion.exact.WeightedXYK.sell": Baseline(dict(weight_sum=3 * W // 2)),
    "cushion.exact.WeightedXYK.buy_quote": Baseline(dict(weight_sum=3 * W // 2)),
    "cushion.exact.WeightedXYK.sell_quote": Baseline(dict(weight_sum=3 * W // 2)),
    "cushion.exact.WeightedXYK.price": Baseline({}),
    "cushion.basket.TraitModel": Baseline(
        dict(exposure=np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), premia=np.array([0.5, 0.25]), rule="additive",
             trait_names=["gold", "laser"]),
        # more items (rows) is another valid model; premia may be negative (weights must stay > 0)
        accepts={"exposure": {"one element longer than the others"}},
        kinds={"rule": "str"}),
    "cushion.basket.TraitModel.with_premia": Baseline(dict(premia=np.array([0.1, 0.3]))),
    "cushion.basket.TraitModel.weights_wad": Baseline({}),
    "cushion.basket.TraitModel.weight_sum": Baseline(dict(items=[0, 2])),
    "cushion.basket.TraitModel.weight_sum_wad": Baseline(dict(items=[0, 2])),
    "cushion.basket.TraitModel.matching": Baseline(dict(all_of=["gold"], any_of=(), none_of=["laser"], among=None),
                                                   accepts={k: {"int"} for k in ("all_of", "any_of", "none_of")}),
    "cushion.basket.TraitModel.cheapest": Baseline(dict(k=2, all_of=(), any_of=["gold"], none_of=(), among=None),
                                                   accepts={k: {"int"} for k in ("all_of", "any_of", "none_of")}),
    "cushion.basket.TraitModel.buy_cheapest": Baseline(
        dict(curve=_F64_LINEAR, k=2, all_of=(), any_of=["gold"], none_of=(), among=None),
        accepts={k: {"int"} for k in ("all_of", "any_of", "none_of")}, kinds={"curve": "object"}),
    "cushion.basket.TraitModel.quote": Baseline(dict(curve=_F64_LINEAR, items=[0, 2], side="sell"),
                                                kinds={"curve": "object", "side": "str"}),
    "cushion.basket.buy": Baseline(dict(curve=_F64_LINEAR, weight_sum=2.7), kinds={"curve": "object"}),
    "cushion.basket.sell": Baseline(dict(curve=_F64_LINEAR, weight_sum=2.7), kinds={"curve": "object"}),
    "cushion.basket.to_wad": Baseline(dict(weight=2.3)),
    # Caviar private pools
    "cushion.caviar.buy_quote": Baseline(dict(virtual_base_reserves=100 * W, virtual_nft_reserves=5 * W, weight_sum=W,
                                              fee_rate_bps=200, protocol_fee_rate_bps=10)),
    "cushion.caviar.sell_quote": Baseline(dict(virtual_base_reserves=100 * W, virtual_nft_reserves=5 * W,
                                               weight_sum=W, fee_rate_bps=200, protocol_fee_rate_bps=10)),
    "cushion.caviar.change_fee_quote": Baseline(dict(weight_sum_in=2 * W, change_fee=25, base_token_decimals=18,
                                                     protocol_fee_rate_bps=10)),
    "cushion.caviar.change_quote": Baseline(dict(weight_sum_in=2 * W, weight_sum_out=W, change_fee=25,
                                                 base_token_decimals=18, protocol_fee_rate_bps=10)),
    # vectorised quoting
    "cushion.batch.buy": Baseline(_BATCH_F64, accepts=_BATCH_F64_ACCEPTS, kinds=_BATCH_F64_KINDS),
    "cushion.batch.sell": Baseline(_BATCH_F64, accepts=_BATCH_F64_ACCEPTS, kinds=_BATCH_F64_KINDS),
    "cushion.batch.buy_exact": Baseline(_BATCH_EXACT, accepts={"fee": {"list"}}, kinds=_BATCH_EXACT_KINDS),
    "cushion.batch.sell_exact": Baseline(_BATCH_EXACT, accepts={"fee": {"list"}}, kinds=_BATCH_EXACT_KINDS),
    "cushion.batch.parameters": Baseline(dict(curve="gda"), kinds={"curve": "str"}),
    "cushion.batch.next_fields": Baseline(dict(curve="gda"), kinds={"curve": "str"}),
    # slippage
    "cushion.slippage.sell_curve": Baseline(dict(curve=_F64_LINEAR, k_max=3, weights=np.array([1.0, 2.5, 1.2, 1.0])),
                                            kinds={"curve": "object"}),
    "cushion.slippage.buy_curve": Baseline(dict(curve=_F64_LINEAR, k_max=3, weights=np.array([1.0, 2.5, 1.2, 1.0])),
                                           kinds={"curve": "object"}),
    "cushion.slippage.depth": Baseline(dict(curve=_F64_LINEAR, drop=np.array([0.01, 0.05]), side="buy",
                                            max_items=1000, weights=np.array([1.0, 2.5, 1.2, 1.0])),
                                       # drop is a profile of any shape, independent of the weights
                                       accepts={"drop": {"one more dimension", "one element longer than the others"},
                                                "weights": {"one element longer than the others"}},
                                       kinds={"curve": "object", "side": "str"}),
    # the Foundry ffi entry point's library functions (main is the command line itself)
    "cushion.ffi.call": Baseline(dict(name="num.mul_div", args=["3", "7", "11"]), kinds={"args": "object"}),
    "cushion.ffi.encode": Baseline(dict(ok=True, returns=[("uint256", "value")], values=[5]),
                                   kinds={"returns": "object", "values": "object"}),
    "cushion.ffi.FfiFunction.usage": Baseline({}),
    # methods of returned records (instances from INSTANCES)
    "cushion.batch.BatchQuote.to_frame": Baseline({}),
    "cushion.slippage.SlippageCurve.to_frame": Baseline({}),
}

BASELINES.update(public_api_risk.BASELINES)  # issues 4 and 5: the risk machinery and the risk layer

#: Public callables that are exercised by their own tests instead, with the reason.
NOT_EXERCISED: dict[str, str] = {
    "cushion.ffi.main": "the command line itself: argv=None reads sys.argv, and malformed arguments are reported "
                        "by exit status 2 by design (tests/python/test_ffi.py)",
    **public_api_risk.NOT_EXERCISED,
}

#: Callables the many-threads test leaves out, with the reason.
NOT_THREADED: dict[str, str] = dict(public_api_risk.NOT_THREADED)

# ---------------------------------------------------------------------------------------
# Enumeration
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "int", "float", "str", "bool", "array", "object" (a class instance), "any"
    annotation: str
    optional: bool  # None is a valid value
    keyword_only: bool
    has_default: bool


@dataclass
class PublicCallable:
    names: list[str]  # every public name it is reachable under, the first one canonical
    obj: Any  # the function, the class (constructor) or the unbound method
    role: str  # "function", "constructor" or "method"
    owner: type | None  # the class, for constructors and methods
    params: list[Param] | None = None  # None: the signature could not be read
    problem: str = ""  # why not
    var_keyword: bool = False  # takes **params: its baseline's extra keywords are its arguments

    @property
    def name(self) -> str:
        return self.names[0]

    def baseline(self) -> Baseline | None:
        for n in self.names:
            if n in BASELINES:
                return BASELINES[n]
        return None

    def make_instance(self) -> Any:
        """A fresh instance of the owner class: from INSTANCES if listed there (records the
        library returns, objects that need a richer state), else from its constructor's
        baseline."""
        names = owner_names(self)
        for n in names:
            if n in INSTANCES:
                return INSTANCES[n]()
        for n in names:
            if n in BASELINES:
                return self.owner(**materialise(BASELINES[n].kwargs))
        raise LookupError(f"no baseline for the constructor of {self.name}")

    def call(self, kwargs: dict[str, Any], instance: Any = None) -> Any:
        """Calls with the parameters in signature order: positional unless keyword-only."""
        assert self.params is not None
        # Positionally up to the first parameter the call leaves out, by keyword after it.
        positional: list[Any] = []
        keywords: dict[str, Any] = {}
        for p in self.params:
            if p.name not in kwargs:
                continue
            if not p.keyword_only and len(positional) == self.params.index(p):
                positional.append(kwargs[p.name])
            else:
                keywords[p.name] = kwargs[p.name]
        if self.role == "method":
            return getattr(instance, self.name.rsplit(".", 1)[1])(*positional, **keywords)
        return self.obj(*positional, **keywords)


def owner_names(c: PublicCallable) -> list[str]:
    return [n.rsplit(".", 1)[0] for n in c.names] if c.role == "method" else list(c.names)


def public_modules() -> list[types.ModuleType]:
    """cushion and every submodule without a leading underscore in its name."""
    modules = [cushion]
    for info in pkgutil.walk_packages(cushion.__path__, "cushion."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def _is_exempt_class(cls: type) -> bool:
    """Exceptions and enums: constructed by the library or by value lookup (Python's rules)."""
    return issubclass(cls, (BaseException, enum.Enum))


#: Public classes that are records the library *returns* (frozen dataclasses of results,
#: registry entries): their constructors take already-validated results by design, so they
#: are not exercised; their methods are, on an instance from INSTANCES.  Listed by hand, with
#: the reason, so that a new public class is exercised unless it is added here.
RESULT_RECORDS: dict[str, str] = {
    "cushion.batch.BatchQuote": "the arrays batch.buy / batch.sell return",
    "cushion.batch.ExactBatchQuote": "the columns batch.buy_exact / batch.sell_exact return",
    "cushion.basket.BasketQuote": "what TraitModel.quote / buy_cheapest return",
    "cushion.slippage.SlippageCurve": "what slippage.buy_curve / sell_curve return",
    "cushion.ffi.FfiFunction": "an entry of the ffi.FUNCTIONS registry, built at import",
    **public_api_risk.RESULT_RECORDS,
}

#: How to get an instance of a class whose methods are exercised but whose constructor
#: baseline does not give a suitable one (a returned record; a buffer with money in it).
INSTANCES: dict[str, Callable[[], Any]] = {
    "cushion.batch.BatchQuote": lambda: cushion.batch.sell("linear", **{k: v for k, v in _BATCH_F64.items()
                                                                       if k != "curve"}),
    "cushion.batch.ExactBatchQuote": lambda: cushion.batch.sell_exact("linear", **{k: v for k, v in _BATCH_EXACT.items()
                                                                                   if k != "curve"}),
    "cushion.basket.BasketQuote": lambda: cushion.basket.TraitModel(np.eye(2), np.zeros(2)).quote(_F64_LINEAR, [0, 1]),
    "cushion.slippage.SlippageCurve": lambda: cushion.slippage.sell_curve(_F64_LINEAR, 3),
    "cushion.ffi.FfiFunction": lambda: cushion.ffi.FUNCTIONS["num.mul_div"],
    **public_api_risk.INSTANCES,
}


def _names_of(cls: type, name: str) -> list[str]:
    """Every public name of a class seen as `name` (a class exported under several modules)."""
    return [name] + [n for n in _ALIASES.get(id(cls), []) if n != name]


_ALIASES: dict[int, list[str]] = {}


def public_callables() -> list[PublicCallable]:
    found: dict[int, PublicCallable] = {}

    def add(obj: Any, name: str, role: str, owner: type | None, key: Any = None) -> None:
        if key is None:
            key = id(obj) if role != "method" else (id(owner), name.rsplit(".", 1)[1])
        if key in found:
            found[key].names.append(name)
        else:
            found[key] = PublicCallable([name], obj, role, owner)

    modules = public_modules()
    for module in modules:  # every public name of every class, so that RESULT_RECORDS may use any
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr)
            if isinstance(obj, type):
                _ALIASES.setdefault(id(obj), []).append(f"{module.__name__}.{attr}")
    for module in modules:
        exported = getattr(module, "__all__", None)
        if exported is None:
            raise AssertionError(f"{module.__name__} has no __all__: public names must be listed")
        for attr in sorted(exported):
            obj = getattr(module, attr)
            name = f"{module.__name__}.{attr}"
            if isinstance(obj, types.ModuleType):
                continue  # walked on its own
            if type(obj).__module__ == "typing":
                continue  # a type alias (Literal[...]), not a callable of the library
            if isinstance(obj, type):
                if _is_exempt_class(obj):
                    continue
                if not any(n in RESULT_RECORDS for n in _names_of(obj, name)):
                    add(obj, name, "constructor", obj)
                for meth_name, member in sorted(vars(obj).items()):
                    if meth_name.startswith("_") or isinstance(member, property):
                        continue
                    if not callable(member) and not isinstance(member, classmethod):  # not callable itself
                        continue
                    if isinstance(member, (staticmethod, classmethod)):
                        # keyed by class and name: getattr makes a new bound method every time
                        add(getattr(obj, meth_name), f"{name}.{meth_name}", "function", None, (id(obj), meth_name))
                    else:
                        add(member, f"{name}.{meth_name}", "method", obj)
            elif callable(obj):
                add(obj, name, "function", None)
    callables = list(found.values())
    for c in callables:
        try:
            c.params = signature_of(c)
        except ValueError as e:
            c.problem = str(e)
    return callables


# ---------------------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------------------

_INT = {"int", "typing.SupportsInt", "typing.SupportsIndex", "SupportsInt", "SupportsIndex"}
_FLOAT = {"float", "typing.SupportsFloat", "SupportsFloat"}
_ARRAY_MARKERS = ("NDArray", "ndarray", "ArrayLike", "Buffer", "array_t")


def classify(annotation: str) -> tuple[str, bool]:
    """(kind, optional) of an annotation string."""
    text = annotation.replace(" ", "")
    optional = False
    if text.startswith("Optional[") or text.startswith("typing.Optional["):
        text, optional = text[text.index("[") + 1:-1], True
    parts = [p for p in text.split("|")]
    if "None" in parts:
        optional = True
        parts = [p for p in parts if p != "None"]
    core = "|".join(parts)
    if any(marker in core for marker in _ARRAY_MARKERS):
        return "array", optional
    if parts and all(p in _INT | _FLOAT for p in parts):  # float, or a float | int union
        return ("float" if any(p in _FLOAT for p in parts) else "int"), optional
    if core == "str":
        return "str", optional
    if core == "bool":
        return "bool", optional
    if core in ("", "object", "typing.Any", "Any", "inspect._empty"):
        return "any", optional
    return "object", optional


def _pybind_params(doc: str, name: str) -> list[Param]:
    if not doc.strip():
        raise ValueError(f"{name} has no docstring signature")
    first = doc.strip().splitlines()[0]
    if "Overloaded function." in doc:
        raise ValueError(f"{name} is overloaded: the hostile-input test cannot derive one signature")
    match = re.match(r"^\w+\((.*)\)(\s*->.*)?$", first)
    if not match:
        raise ValueError(f"cannot read the signature of {name} from its docstring: {first!r}")
    text = re.sub(r"=\s*<[^>]*>", "= ...", match.group(1))  # defaults pybind11 prints as <...>
    try:
        fn = ast.parse(f"def _f({text}): pass").body[0]
    except SyntaxError as e:
        raise ValueError(f"cannot parse the signature of {name}: {text!r} ({e})") from None
    assert isinstance(fn, ast.FunctionDef)
    a = fn.args
    params: list[Param] = []
    positional = a.posonlyargs + a.args
    n_defaults = len(a.defaults)
    defaults = [None] * (len(positional) - n_defaults) + list(a.defaults)

    def none_default(default: ast.expr | None) -> bool:  # "= None": None is a valid value
        return isinstance(default, ast.Constant) and default.value is None

    for i, arg in enumerate(positional):
        ann = ast.unparse(arg.annotation) if arg.annotation else ""
        kind, optional = classify(ann)
        params.append(Param(arg.arg, kind, ann, optional or none_default(defaults[i]), False,
                            i >= len(positional) - n_defaults))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        ann = ast.unparse(arg.annotation) if arg.annotation else ""
        kind, optional = classify(ann)
        params.append(Param(arg.arg, kind, ann, optional or none_default(default), True, default is not None))
    return params


def signature_of(c: PublicCallable) -> list[Param]:
    target = c.obj.__init__ if c.role == "constructor" else c.obj
    if c.role == "constructor" and isinstance(c.obj.__dict__.get("__new__"), (staticmethod, types.FunctionType)):
        target = c.obj.__new__  # a factory class (StressedCurve, Cushion): __new__ is the constructor
    doc = getattr(target, "__doc__", None) or ""
    is_compiled = not isinstance(target, types.FunctionType) and not inspect.ismethod(target)
    if is_compiled:
        params = _pybind_params(doc, c.name)
    else:
        sig = inspect.signature(target)
        params = []
        for p in sig.parameters.values():
            if p.kind == p.VAR_KEYWORD:
                c.var_keyword = True  # the baseline's other keywords (kinds from Baseline.kinds)
                continue
            if p.kind == p.VAR_POSITIONAL:
                raise ValueError(f"{c.name} takes *args: the hostile-input test cannot name its arguments")
            ann = p.annotation if isinstance(p.annotation, str) else inspect.formatannotation(p.annotation)
            kind, optional = classify(ann)
            optional = optional or p.default is None  # "= None": None is a valid value
            params.append(Param(p.name, kind, ann, optional, p.kind == p.KEYWORD_ONLY, p.default is not p.empty))
    if c.role in ("constructor", "method") and params and params[0].name in ("self", "cls"):
        params = params[1:]
    baseline = c.baseline()
    if c.var_keyword and baseline is not None:
        declared = {p.name for p in params}
        for name in baseline.kwargs:
            if name not in declared:
                kind = baseline.kinds.get(name, "any")
                params.append(Param(name, kind, kind, False, True, False))
    return params


# ---------------------------------------------------------------------------------------
# Comparing results and object state
# ---------------------------------------------------------------------------------------


def fingerprint(value: Any) -> Any:
    """A comparable image of a result: arrays and floats bit for bit, picklable objects as their
    pickle, anything else as its repr."""
    if isinstance(value, np.ndarray):  # bit for bit, so that NaN equals NaN
        return ("ndarray", value.dtype.str, value.shape, np.ascontiguousarray(value).tobytes())
    if isinstance(value, float):
        return ("float", value.hex())
    if isinstance(value, (tuple, list)):
        return tuple(fingerprint(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, fingerprint(v)) for k, v in value.items()))
    if isinstance(value, (int, float, str, bytes, bool, type(None))):
        return value
    try:
        return ("pickle", type(value).__qualname__, pickle.dumps(value))
    except Exception:  # noqa: BLE001 - anything unpicklable is compared by its repr
        return ("repr", repr(value))


def state_of(obj: Any) -> Any:
    """An object's full state (pickle, else repr): compared before and after a call."""
    return fingerprint(obj)


Call = Callable[..., Any]
