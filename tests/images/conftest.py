"""The image library's tests use the ``make_image`` fixture of ``tests/conftest.py``."""
