"""Bar charts drawn as plain SVG by a template (no JavaScript, nothing inline that the content
security policy blocks). Template: charts/bars.html, given `chart`."""

from dataclasses import dataclass

from django.utils.formats import number_format


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    width: float  # per cent of the chart's width; the widest bar gets BAR_SPACE
    value_x: float  # where the number is written, in per cent
    label_y: int
    bar_y: int
    value_y: int


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    height: int


ROW_HEIGHT = 44  # a label line above each bar
BAR_SPACE = 80  # per cent of the width for the widest bar; the number follows it


def bar_chart(title: str, items: list[tuple[str, float | None]]) -> Chart:
    """Horizontal bars; items without a value (nobody to average over) are left out."""
    present = [(label, value) for label, value in items if value is not None]
    widest = max((value for _label, value in present), default=0) or 1
    chart_bars = []
    for index, (label, value) in enumerate(present):
        width = round(BAR_SPACE * value / widest, 1)
        chart_bars.append(
            Bar(
                label=label,
                value=value,
                shown=number_format(round(value, 1)),
                width=width,
                value_x=width + 1,
                label_y=index * ROW_HEIGHT + 14,
                bar_y=index * ROW_HEIGHT + 20,
                value_y=index * ROW_HEIGHT + 34,
            )
        )
    return Chart(title=title, bars=chart_bars, height=max(1, len(chart_bars)) * ROW_HEIGHT)
