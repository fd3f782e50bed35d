"""Independent pure-Python reference implementations (oracles for differential tests)."""
