from __future__ import annotations

import os
from pathlib import Path

import pytest

import aiforecasts


def _seeds() -> Path:
    """The source documents' folder: $AIFORECASTS_SEEDS, or ../shared/seeds beside the checkout."""
    configured = os.environ.get("AIFORECASTS_SEEDS")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared" / "seeds"


SEEDS = _seeds()


def pytest_configure(config: pytest.Config) -> None:
    # Here rather than in pyproject.toml: CI also runs these tests against the installed wheel,
    # outside the checkout, where only this file configures them.
    config.addinivalue_line("markers", "slow: reads or writes tens of megabytes (still run)")


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The seed documents; tests needing them skip on a machine without them, never in CI."""
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the source documents at {SEEDS}")
        pytest.skip(f"source documents not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def dataset() -> aiforecasts.Dataset:
    return aiforecasts.load()
