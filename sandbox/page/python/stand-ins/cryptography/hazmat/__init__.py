"""See cryptography/__init__.py: a stand-in, not the real package."""
