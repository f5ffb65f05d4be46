"""The test suite's shared fixtures (tests/fixtures.py) for the kernel's tests in tests/ and each addon's
tests beside it in addons/<name>/tests/."""
pytest_plugins = ["tests.fixtures"]
