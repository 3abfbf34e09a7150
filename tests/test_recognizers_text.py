"""The outside yardstick may only rise: each spec file's pass rate stays at or above its recorded floor."""

import pytest

from benchmarks.recognizers_text import SPECS, evaluate

# Raise these when the rates rise (benchmarks/README.md keeps the history).
FLOORS = {
    "Number/English/NumberModel.json": 52.5,
    "Number/English/PercentModel.json": 58.0,
    "Number/English/NumberRangeModel.json": 56.4,
    "NumberWithUnit/English/CurrencyModel.json": 72.0,
    "NumberWithUnit/English/DimensionModel.json": 57.5,
    "DateTime/English/DateTimeModel.json": 23.2,
}


@pytest.mark.skipif(not SPECS.exists(), reason="shared/eval/recognizers-text is not beside the project")
def test_pass_rates_do_not_fall_below_their_floors():
    rates = {result.name: result.rate for result in evaluate()}
    assert set(rates) == set(FLOORS)
    below = {name: (round(rate, 1), FLOORS[name]) for name, rate in rates.items() if rate < FLOORS[name]}
    assert below == {}
