"""Charts say the same without colour, and their text alternative tells the trend."""

import re

from django.utils import translation

from perhekeskus.insight.charts import DASHES, MARKERS, Series, line_chart
from perhekeskus.insight.definitions import get
from perhekeskus.insight.formatting import trend_text
from perhekeskus.insight.tables import Cell


def test_every_series_has_its_own_marker_dash_and_name():
    series = [Series(f"Kunta {n}", [n, n + 1, None, n + 3]) for n in range(4)]
    svg = str(
        line_chart(
            chart_id="c", title="Otsikko", description="Kuvaus", labels=list("abcd"), series=series
        )
    )
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<desc id="c-desc">Kuvaus</desc>' in svg
    for n in range(4):
        assert f">Kunta {n}</text>" in svg  # named at the end of its line
    assert len(set(MARKERS[:4])) == 4 and len(set(DASHES[:4])) == 4
    # A hidden point breaks the line: two pieces per series.
    assert len(re.findall(r"<polyline", svg)) == 4  # only the first piece has two points
    assert "style=" not in svg  # the Content Security Policy forbids inline styles


def test_names_in_the_chart_are_escaped():
    svg = str(
        line_chart(
            chart_id="c",
            title="<b>",
            description="&",
            labels=["<i>"],
            series=[Series("<script>", [1])],
        )
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_the_trend_text_tells_direction_peak_and_hidden_figures():
    cells = [Cell(10, 10), Cell(3, 3, hidden=True), Cell(25, 25), Cell(20, 20)]
    with translation.override("en"):
        text = trend_text(get("contacts"), "Testimaa", ["1/25", "2/25", "3/25", "4/25"], cells)
    assert "was 10 in 1/25" in text
    assert "rose to 20 in 4/25" in text
    assert "highest was 25 in 3/25" in text
    assert "1 of 4 figures are hidden" in text
    assert "3" not in text.replace("3/25", "")
