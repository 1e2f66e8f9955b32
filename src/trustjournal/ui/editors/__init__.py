"""Entry editors: one small interface, one widget per kind."""
