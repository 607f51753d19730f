"""Bar charts drawn on the server as SVG (pages, PDF and Word alike). Each chart is decorative beside its data
table: the table is what screen readers and exports read, so the SVG is aria-hidden."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

BAR_HEIGHT, GAP, LABEL_WIDTH, WIDTH = 22, 8, 150, 640


def bar_chart(rows: list[tuple[str, Decimal | None]], *, title: str) -> str:
    """Horizontal bars, one per (label, value); a row without a value shows "—" and no bar."""
    values = [value for _label, value in rows if value is not None]
    top = max(values) if values else Decimal(0)
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    span = WIDTH - LABEL_WIDTH - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="chart" role="img" '
        f'aria-hidden="true" preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>'
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT / 2 + 5
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" font-size="13" fill="#1f2933">'
            f"{escape(label[:22])}</text>"
        )
        if value is None:
            parts.append(f'<text x="{LABEL_WIDTH + 4}" y="{middle}" font-size="13" fill="#52606d">—</text>')
            continue
        length = float(value / top) * span if top else 0
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1):.1f}" height="{BAR_HEIGHT}" fill="#1d5c96"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{middle}" font-size="13" fill="#1f2933">'
            f"{escape(format(value.normalize(), 'f'))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text in it went through escape)
