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


@dataclass(frozen=True)
class BandPoint:
    label: str
    x: float  # centre, per cent of the width
    registered_y: int  # top of the registered bar, in pixels from the top
    estimate_y: int | None
    low_y: int | None
    high_y: int | None
    registered: str
    estimate: str
    bar_x: float  # left edge of the registered bar, per cent
    bar_height: int


@dataclass(frozen=True)
class BandChart:
    title: str
    points: list[BandPoint]
    height: int
    baseline: int
    bar_width: float  # per cent


def band_chart(
    title: str, rows: list[tuple[str, float, float | None, float | None, float | None]]
) -> BandChart:
    """Per period: the registered number as a bar, and the estimate as a dot with its interval
    as a band. Rows: (label, registered, estimate, low, high)."""
    height, baseline = 240, 210
    top = max([r[1] for r in rows] + [r[4] or r[2] or 0 for r in rows] + [1])

    def y(value: float | None) -> int | None:
        return None if value is None else round(baseline - (baseline - 20) * value / top)

    step = 100 / max(1, len(rows))
    bar_width = round(step * 0.35, 2)
    points = [
        BandPoint(
            label=label,
            x=round(step * (index + 0.5), 2),
            bar_x=round(step * (index + 0.5) - bar_width / 2, 2),
            bar_height=baseline - (y(registered) or baseline),
            registered_y=y(registered) or baseline,
            estimate_y=y(estimate),
            low_y=y(low),
            high_y=y(high),
            registered=number_format(round(registered)),
            estimate="" if estimate is None else number_format(round(estimate)),
        )
        for index, (label, registered, estimate, low, high) in enumerate(rows)
    ]
    return BandChart(title, points, height, baseline, bar_width)
