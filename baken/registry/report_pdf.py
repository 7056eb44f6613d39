"""The annual report as PDF (ReportLab): the same content as the HTML report, for the national
rapporteur. Plain data in, bytes out."""

from io import BytesIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from baken.lib.charts import Chart
from baken.registry.release_presentation import ShownTable

BLUE = colors.HexColor("#1a4d8f")


def _chart(chart: Chart) -> Drawing:
    drawing = Drawing(16 * cm, 6 * cm)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 30, 30, int(14 * cm), int(4.2 * cm)
    bars.data = [[bar.value for bar in chart.bars] or [0]]
    bars.categoryAxis.categoryNames = [bar.label for bar in chart.bars] or [""]
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.bars[0].fillColor = BLUE
    drawing.add(bars)
    return drawing


def annual_report_pdf(
    *, title: str, introduction: list[str], charts: list[Chart], tables: list[ShownTable], note: str
) -> bytes:
    styles = getSampleStyleSheet()
    story: list[Flowable] = [Paragraph(title, styles["Title"])]
    story += [Paragraph(text, styles["BodyText"]) for text in introduction]
    for chart in charts:
        story += [Spacer(1, 0.3 * cm), Paragraph(chart.title, styles["Heading3"]), _chart(chart)]
    for table in tables:
        story += [Spacer(1, 0.4 * cm), Paragraph(table.title, styles["Heading3"])]
        data = [["", *[str(y) for y in table.years]]]
        data += [[label, *values] for label, values in table.rows]
        data.append([table.total_label, *table.total])
        grid = Table(data, repeatRows=1, hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ]
            )
        )
        story.append(grid)
    story += [Spacer(1, 0.4 * cm), Paragraph(note, styles["Italic"])]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title).build(story)
    return buffer.getvalue()
