from addons.purchase.tests.helpers import stage  # noqa: F401 (the fixture)
