"""Shipped model files (installed as the package ``screener.models``)."""
