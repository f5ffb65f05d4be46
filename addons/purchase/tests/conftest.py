import pytest

from addons.purchase.tests.helpers import make_stage


@pytest.fixture
def stage(ctx, demo):
    return make_stage(demo["P1"])
