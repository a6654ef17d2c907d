"""Charts drawn on the server as SVG: no chart library in the browser, nothing to download, and
the same numbers are always in a table beside each chart (for screen readers and print)."""

from __future__ import annotations

from markupsafe import Markup

from portal import disclosure

WIDTH, HEIGHT, TOP, BOTTOM = 340, 150, 18, 24
BASE = HEIGHT - BOTTOM


def bars(title: str, labels: list[str], figures: list[disclosure.Figure],
         hidden_mark: str) -> Markup:
    """A bar for each figure, in order (time runs left to right in every language); a hidden
    figure is an outlined stub marked ``hidden_mark``, never a height that would tell it.
    Every text is escaped by Markup.format."""
    shown = [figure.value for figure in figures if figure.shown]
    most = max(shown, default=0) or 1
    step = WIDTH / max(len(figures), 1)
    width = step * 0.7
    room = HEIGHT - TOP - BOTTOM
    parts = [Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
                    'dir="ltr" focusable="false">').format(WIDTH, HEIGHT, title),
             Markup('<line class="chart__axis" x1="0" y1="{}" x2="{}" y2="{}"/>').format(
                 BASE, WIDTH, BASE)]
    for index, (label, figure) in enumerate(zip(labels, figures, strict=True)):
        x = round(index * step + (step - width) / 2, 1)
        middle = round(index * step + step / 2, 1)
        if figure.shown:
            height = round(room * figure.value / most, 1)
            parts.append(Markup('<rect class="chart__bar" x="{}" y="{}" width="{}" '
                                'height="{}"/>').format(x, round(BASE - height, 1),
                                                        round(width, 1), height))
            value, y = str(figure.value), round(BASE - height - 4, 1)
        else:
            parts.append(Markup('<rect class="chart__hidden" x="{}" y="{}" width="{}" '
                                'height="8"/>').format(x, BASE - 8, round(width, 1)))
            value, y = hidden_mark, BASE - 12
        parts.append(Markup('<text class="chart__value" x="{}" y="{}">{}</text>').format(
            middle, y, value))
        parts.append(Markup('<text class="chart__label" x="{}" y="{}">{}</text>').format(
            middle, HEIGHT - 8, label))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
