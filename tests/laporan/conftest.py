"""Fixtures of the report tests."""

import pytest
