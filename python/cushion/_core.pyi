"""The compiled core (private).  Public names are typed in the modules that re-export them."""

from typing import Any

from .curves import CurveError as CurveError

def __getattr__(name: str) -> Any: ...
