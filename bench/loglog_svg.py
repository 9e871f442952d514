"""The frame of the bench scripts' log-log SVG figures (standard library only): a white canvas
with a title, grid lines with tick labels on both axes, and the axis titles.

  chart = LogLogChart(760, 480, margins=(70, 270, 34, 56), x_exponents=(0, 10), y_exponents=(-2, 4), x_base=2)
  lines = chart.frame("title", x_ticks=[(2 ** k, f"{2 ** k:,}") for k in range(11)], x_title="ranks", y_title="s")
  ... lines.append(f'<circle cx="{chart.px(8)}" cy="{chart.py(0.5)}" r="4"/>') ...
  lines.append("</svg>")

x runs over x_base ** x_exponents[0] ... x_base ** x_exponents[1], y over powers of 10; the y
grid has a line at every power of 10 between its exponents.
"""
import math


class LogLogChart:
    def __init__(self, width, height, margins, x_exponents, y_exponents, x_base=10):
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = margins
        self.x0, self.x1 = x_exponents
        self.y0, self.y1 = y_exponents
        self.log_x = math.log2 if x_base == 2 else math.log10

    def px(self, x):
        """The horizontal position of x."""
        return self.left + (self.log_x(x) - self.x0) / (self.x1 - self.x0) * (self.width - self.left - self.right)

    def py(self, y):
        """The vertical position of y."""
        return self.height - self.bottom - (math.log10(y) - self.y0) / (self.y1 - self.y0) * (
            self.height - self.top - self.bottom)

    def frame(self, title, x_ticks, x_title, y_title):
        """The SVG's opening lines: canvas, title, a grid line and label at each (x, label) of
        x_ticks and at each power of 10 on y, and the axis titles."""
        w, h, left, right, top, bottom = self.width, self.height, self.left, self.right, self.top, self.bottom
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
               f'font-family="sans-serif" font-size="12">',
               f'<rect width="{w}" height="{h}" fill="white"/>',
               f'<text x="{left}" y="20" font-size="14">{title}</text>']
        for value, label in x_ticks:
            x = self.px(value)
            out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{h - bottom}" stroke="#e4e4e4"/>')
            out.append(f'<text x="{x:.1f}" y="{h - bottom + 16}" text-anchor="middle">{label}</text>')
        for decade in range(self.y0, self.y1 + 1):
            y = self.py(10.0 ** decade)
            out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#e4e4e4"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10.0 ** decade:g}</text>')
        out.append(f'<text x="{(left + w - right) / 2}" y="{h - 16}" text-anchor="middle">{x_title}</text>')
        out.append(f'<text transform="translate(18 {(top + h - bottom) / 2}) rotate(-90)" '
                   f'text-anchor="middle">{y_title}</text>')
        return out
