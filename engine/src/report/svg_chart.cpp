#include "caseflow/report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "caseflow/report/html_text.hpp"

namespace caseflow {

namespace {

constexpr double kFontSize = 12;
constexpr double kLineHeight = 15;
constexpr double kLegendRowHeight = 20;
constexpr double kSwatchWidth = 24;
const char* kTextColour = "#1a1a1a";
const char* kAxisColour = "#4d4d4d";
const char* kGridColour = "#d4d4d4";

// Coordinates to one decimal: precise enough on screen and on paper, and keeps the page small.
std::string coordinate(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  return text == "-0.0" ? "0.0" : text;
}

// Width of a label, estimated from its length: charts are laid out before any font is known, so this
// errs on the wide side of common sans-serif fonts.
double text_width(const std::string& text, double font_size = kFontSize) {
  size_t characters = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++characters;  // count UTF-8 code points, not bytes
  return 0.58 * font_size * static_cast<double>(characters);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) lines.push_back(text.substr(start, end - start));
  lines.push_back(text.substr(start));
  return lines;
}

std::string stroke_attributes(const SeriesStyle& style) {
  std::string text = " stroke=\"" + style.stroke.hex() + "\" stroke-width=\"" + coordinate(style.stroke_width) + "\"";
  if (!style.dash.empty()) text += " stroke-dasharray=\"" + style.dash + "\"";
  return text;
}

std::string marker(double x, double y, double radius) {
  return "<circle cx=\"" + coordinate(x) + "\" cy=\"" + coordinate(y) + "\" r=\"" + coordinate(radius) + "\"/>";
}

void check_lengths(size_t expected, std::initializer_list<size_t> lengths) {
  for (size_t length : lengths)
    if (length != expected) throw std::invalid_argument("SvgChart: series of different lengths");
}

}  // namespace

SvgChart::SvgChart(std::string id, std::string title, std::string description)
    : id_(std::move(id)), title_(std::move(title)), description_(std::move(description)) {}

void SvgChart::set_size(double width, double plot_height) {
  width_ = width;
  plot_height_ = plot_height;
}

void SvgChart::set_x_axis(ChartAxis axis) { x_axis_ = std::move(axis); }
void SvgChart::set_y_axis(ChartAxis axis) { y_axis_ = std::move(axis); }

void SvgChart::add_band(std::vector<double> x, std::vector<double> low, std::vector<double> high, SeriesStyle style,
                        std::string legend) {
  check_lengths(x.size(), {low.size(), high.size()});
  if (!legend.empty()) legend_order_.push_back(series_.size());
  series_.push_back({Kind::band, std::move(x), std::move(low), std::move(high), style, std::move(legend)});
}

void SvgChart::add_line(std::vector<double> x, std::vector<double> y, SeriesStyle style, std::string legend) {
  check_lengths(x.size(), {y.size()});
  if (!legend.empty()) legend_order_.push_back(series_.size());
  series_.push_back({Kind::line, std::move(x), {}, std::move(y), style, std::move(legend)});
}

void SvgChart::add_reference_line(double y, SeriesStyle style, std::string label) {
  series_.push_back({Kind::reference, {}, {}, {y}, style, std::move(label)});
}

void SvgChart::add_stacked_areas(std::vector<double> x, std::vector<std::vector<double>> layers,
                                 std::vector<SeriesStyle> styles, std::vector<std::string> legends) {
  check_lengths(layers.size(), {styles.size(), legends.size()});
  std::vector<double> base(x.size(), 0.0);
  size_t first = series_.size();
  for (size_t k = 0; k < layers.size(); ++k) {
    check_lengths(x.size(), {layers[k].size()});
    std::vector<double> top(x.size());
    for (size_t i = 0; i < x.size(); ++i) top[i] = base[i] + layers[k][i];
    series_.push_back({Kind::area, x, base, top, styles[k], legends[k]});
    base = top;
  }
  for (size_t k = layers.size(); k-- > 0;) legend_order_.push_back(first + k);
}

void SvgChart::add_stacked_bars(std::vector<double> x, double bar_width, std::vector<std::vector<double>> layers,
                                std::vector<SeriesStyle> styles, std::vector<std::string> legends) {
  size_t first = series_.size();
  add_stacked_areas(std::move(x), std::move(layers), std::move(styles), std::move(legends));
  for (size_t k = first; k < series_.size(); ++k) {
    series_[k].kind = Kind::bar;
    series_[k].bar_width = bar_width;
  }
}

void SvgChart::add_interval_marks(std::vector<double> x, std::vector<double> low, std::vector<double> high,
                                  SeriesStyle style, std::string legend) {
  check_lengths(x.size(), {low.size(), high.size()});
  if (!legend.empty()) legend_order_.push_back(series_.size());
  series_.push_back({Kind::interval, std::move(x), std::move(low), std::move(high), style, std::move(legend)});
}

std::string SvgChart::hatching(const SeriesStyle& style, const std::string& outline, double left, double top, double right,
                               double bottom, const std::string& clip_id) const {
  if (style.pattern == FillPattern::solid || !(right > left) || !(bottom > top)) return "";
  constexpr double kSpacing = 6;
  const double diagonal_step = kSpacing * 1.41421356;
  std::string lines;
  auto forward = [&](double step) {  // "/": x + y = c, drawn across the box and clipped to the shape
    for (double c = left + top; c <= right + bottom + step; c += step)
      lines += "M" + coordinate(c - bottom) + " " + coordinate(bottom) + "L" + coordinate(c - top) + " " + coordinate(top);
  };
  auto backward = [&](double step) {  // "\": x - y = c
    for (double c = left - bottom; c <= right - top + step; c += step)
      lines += "M" + coordinate(c + top) + " " + coordinate(top) + "L" + coordinate(c + bottom) + " " + coordinate(bottom);
  };
  double width = 1.3;
  switch (style.pattern) {
    case FillPattern::diagonal: forward(diagonal_step); break;
    case FillPattern::back_diagonal: backward(diagonal_step); break;
    case FillPattern::crosshatch:
      forward(diagonal_step * 1.5);
      backward(diagonal_step * 1.5);
      width = 0.9;
      break;
    case FillPattern::horizontal:
      for (double y = top + kSpacing / 2; y < bottom; y += kSpacing * 0.75) lines += "M" + coordinate(left) + " " + coordinate(y) + "H" + coordinate(right);
      width = 1.1;
      break;
    case FillPattern::solid: break;
  }
  return "<clipPath id=\"" + clip_id + "\"><path d=\"" + outline + "\"/></clipPath><path d=\"" + lines + "\" clip-path=\"url(#" +
         clip_id + ")\" fill=\"none\" stroke=\"" + style.pattern_ink.hex() + "\" stroke-width=\"" + coordinate(width) + "\"/>\n";
}

std::string SvgChart::render() const {
  // Margins: room for the y tick labels on the left, x tick labels, the x axis label and the legend
  // below.
  double y_labels_width = 0;
  for (const auto& tick : y_axis_.ticks) y_labels_width = std::max(y_labels_width, text_width(tick.label));
  // Tick labels centred on the plot's edges stick out by half their width.
  auto edge_overhang = [&](double edge) {
    double overhang = 0;
    for (const auto& tick : x_axis_.ticks)
      if (std::abs(tick.value - edge) <= 1e-9 * std::max(1.0, std::abs(edge)))
        for (const auto& line : split_lines(tick.label)) overhang = std::max(overhang, text_width(line) / 2 + 4);
    return overhang;
  };
  double left = 8 + y_labels_width + 8;
  left = std::max(left, edge_overhang(x_axis_.min));
  double right = std::max(16.0, edge_overhang(x_axis_.max));
  double top = y_axis_.label.empty() ? 10 : 28;
  size_t x_label_lines = 1;
  for (const auto& tick : x_axis_.ticks) x_label_lines = std::max(x_label_lines, split_lines(tick.label).size());
  double x_ticks_height = 10 + kLineHeight * static_cast<double>(x_label_lines);
  double x_label_height = x_axis_.label.empty() ? 0 : kLineHeight + 6;
  double plot_left = left, plot_right = width_ - right, plot_top = top, plot_bottom = top + plot_height_;
  double plot_width = plot_right - plot_left;

  // The legend: equal columns wide enough for the longest entry, filled down each column first.
  double item_width = 0;
  for (size_t index : legend_order_) item_width = std::max(item_width, kSwatchWidth + 8 + text_width(series_[index].legend) + 12);
  size_t columns = legend_order_.empty() ? 1 : std::max<size_t>(1, static_cast<size_t>((width_ - 16) / std::max(item_width, 1.0)));
  columns = std::min(columns, std::max<size_t>(legend_order_.size(), 1));
  size_t rows = (legend_order_.size() + columns - 1) / columns;
  double legend_top = plot_bottom + x_ticks_height + x_label_height + (rows > 0 ? 10 : 0);
  double height = legend_top + static_cast<double>(rows) * kLegendRowHeight + 6;

  LinearScale sx{x_axis_.min, x_axis_.max, plot_left, plot_right};
  LinearScale sy{y_axis_.min, y_axis_.max, plot_bottom, plot_top};

  std::string svg;
  svg += "<svg class=\"chart\" role=\"img\" aria-labelledby=\"" + id_ + "-title " + id_ + "-desc\" viewBox=\"0 0 " +
         coordinate(width_) + " " + coordinate(height) + "\" width=\"" + coordinate(width_) + "\" height=\"" +
         coordinate(height) + "\" font-size=\"" + coordinate(kFontSize) + "\" fill=\"" + kTextColour + "\">\n";
  svg += "<title id=\"" + id_ + "-title\">" + escape_html(title_) + "</title>\n";
  svg += "<desc id=\"" + id_ + "-desc\">" + escape_html(description_) + "</desc>\n";

  // A clip so that nothing is drawn outside the plot.
  svg += "<defs>\n<clipPath id=\"" + id_ + "-plot\"><rect x=\"" + coordinate(plot_left) + "\" y=\"" +
         coordinate(plot_top - 1) + "\" width=\"" + coordinate(plot_width) + "\" height=\"" + coordinate(plot_height_ + 2) +
         "\"/></clipPath>\n";
  svg += "</defs>\n";

  // Grid and y tick labels under the data.
  svg += "<g class=\"grid\" stroke=\"" + std::string(kGridColour) + "\" stroke-width=\"1\">";
  for (const auto& tick : y_axis_.ticks)
    svg += "<line x1=\"" + coordinate(plot_left) + "\" x2=\"" + coordinate(plot_right) + "\" y1=\"" + coordinate(sy(tick.value)) +
           "\" y2=\"" + coordinate(sy(tick.value)) + "\"/>";
  svg += "</g>\n<g class=\"y-ticks\" text-anchor=\"end\" dominant-baseline=\"middle\">";
  for (const auto& tick : y_axis_.ticks)
    svg += "<text x=\"" + coordinate(plot_left - 8) + "\" y=\"" + coordinate(sy(tick.value)) + "\">" + escape_html(tick.label) + "</text>";
  svg += "</g>\n";
  if (!y_axis_.label.empty())
    svg += "<text class=\"axis-label\" x=\"8\" y=\"" + coordinate(top - 12) + "\" font-weight=\"600\">" + escape_html(y_axis_.label) + "</text>\n";

  // The data, in the order added; the dots on lines after them, unclipped: a dot on the plot's edge stays whole.
  std::string markers;
  svg += "<g class=\"data\" clip-path=\"url(#" + id_ + "-plot)\">\n";
  for (size_t i = 0; i < series_.size(); ++i) {
    const Series& series = series_[i];
    const SeriesStyle& style = series.style;
    switch (series.kind) {
      case Kind::band:
      case Kind::area: {
        if (series.x.empty()) break;
        std::string path = "M";
        double top = plot_bottom, bottom = plot_top;
        for (size_t j = 0; j < series.x.size(); ++j) {
          path += (j ? "L" : "") + coordinate(sx(series.x[j])) + " " + coordinate(sy(series.high[j]));
          top = std::min(top, sy(series.high[j]));
        }
        for (size_t j = series.x.size(); j-- > 0;) {
          path += "L" + coordinate(sx(series.x[j])) + " " + coordinate(sy(series.low[j]));
          bottom = std::max(bottom, sy(series.low[j]));
        }
        path += "Z";
        svg += "<path d=\"" + path + "\" fill=\"" + style.fill.hex() + "\"/>\n";
        svg += hatching(style, path, sx(series.x.front()), top, sx(series.x.back()), bottom, id_ + "-hatch-" + std::to_string(i));
        // The outline last, over the hatching, so neighbouring layers stay clearly apart.
        if (style.stroke_width > 0)
          svg += "<path d=\"" + path + "\" fill=\"none\"" + stroke_attributes(style) + " stroke-linejoin=\"round\"/>\n";
        break;
      }
      case Kind::line: {
        if (series.x.empty()) break;
        std::string path = "M";
        for (size_t j = 0; j < series.x.size(); ++j) path += (j ? "L" : "") + coordinate(sx(series.x[j])) + " " + coordinate(sy(series.high[j]));
        svg += "<path d=\"" + path + "\" fill=\"none\"" + stroke_attributes(style) + " stroke-linejoin=\"round\"/>\n";
        if (style.marker_radius > 0) {
          markers += "<g class=\"markers\" fill=\"" + style.stroke.hex() + "\" stroke=\"#ffffff\" stroke-width=\"1\">";
          for (size_t j = 0; j < series.x.size(); ++j) markers += marker(sx(series.x[j]), sy(series.high[j]), style.marker_radius);
          markers += "</g>\n";
        }
        break;
      }
      case Kind::bar: {
        std::string outline;
        double left = plot_right, right = plot_left, top = plot_bottom, bottom = plot_top;
        for (size_t j = 0; j < series.x.size(); ++j) {
          double x0 = sx(series.x[j] - series.bar_width / 2), x1 = sx(series.x[j] + series.bar_width / 2);
          double y0 = sy(series.high[j]), y1 = sy(series.low[j]);
          if (y0 > y1) std::swap(y0, y1);  // a negative bar hangs below its base
          if (y1 - y0 <= 0) continue;
          outline += "M" + coordinate(x0) + " " + coordinate(y0) + "H" + coordinate(x1) + "V" + coordinate(y1) + "H" + coordinate(x0) + "Z";
          left = std::min(left, x0);
          right = std::max(right, x1);
          top = std::min(top, y0);
          bottom = std::max(bottom, y1);
        }
        if (outline.empty()) break;
        svg += "<path d=\"" + outline + "\" fill=\"" + style.fill.hex() + "\"/>\n";
        svg += hatching(style, outline, left, top, right, bottom, id_ + "-hatch-" + std::to_string(i));
        if (style.stroke_width > 0) svg += "<path d=\"" + outline + "\" fill=\"none\"" + stroke_attributes(style) + "/>\n";
        break;
      }
      case Kind::interval: {
        std::string path;
        for (size_t j = 0; j < series.x.size(); ++j) {
          double x = sx(series.x[j]), y0 = sy(series.low[j]), y1 = sy(series.high[j]);
          path += 'M';  // appended on its own: "M" + std::string trips a false -Wrestrict in GCC 12
          path += coordinate(x) + " " + coordinate(y0) + "V" + coordinate(y1) + "M" + coordinate(x - 5) + " " + coordinate(y0) +
                  "h10M" + coordinate(x - 5) + " " + coordinate(y1) + "h10";
        }
        svg += "<path d=\"" + path + "\" fill=\"none\"" + stroke_attributes(style) + "/>\n";
        break;
      }
      case Kind::reference: {
        double y = sy(series.high[0]);
        svg += "<line x1=\"" + coordinate(plot_left) + "\" x2=\"" + coordinate(plot_right) + "\" y1=\"" + coordinate(y) + "\" y2=\"" +
               coordinate(y) + "\"" + stroke_attributes(style) + "/>\n";
        break;
      }
    }
  }
  svg += "</g>\n" + markers;

  // Reference labels inside the plot, just above or below their lines at the left or the right end:
  // whichever of the four places covers the least of the data and of the labels already placed. A
  // white halo keeps a label readable where it must cross a band.
  struct Box {
    double left, right, top, bottom;
    bool overlaps(const Box& other) const {
      return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }
  };
  auto data_covered = [&](const Box& box) {
    double score = 0;
    for (const Series& series : series_) {
      if (series.kind == Kind::reference || series.kind == Kind::interval) continue;
      for (size_t j = 0; j < series.x.size(); ++j) {
        double x = sx(series.x[j]);
        if (x < box.left - 6 || x > box.right + 6) continue;
        double top = sy(series.high[j]), bottom = series.kind == Kind::line ? top : sy(series.low[j]);
        if (series.kind == Kind::line) {
          top -= 2;
          bottom += 2;
        }
        // A line under a label hurts more than a band behind it.
        if (top < box.bottom && box.top < bottom) score += series.kind == Kind::line ? 3 : 1;
      }
    }
    return score;
  };
  std::vector<Box> placed;
  std::string labels;
  for (size_t i = 0; i < series_.size(); ++i) {
    if (series_[i].kind != Kind::reference) continue;
    double line_y = sy(series_[i].high[0]), width = text_width(series_[i].legend);
    double best_score = 0, best_x = 0, best_baseline = 0;
    bool best_at_end = false, first = true;
    for (bool at_end : {false, true})
      for (bool below : {false, true}) {
        double baseline = below ? line_y + 5 + kFontSize - 2 : line_y - 5;
        baseline = std::clamp(baseline, plot_top + kFontSize - 2, plot_bottom - 3);
        double x = at_end ? plot_right - 6 : plot_left + 6;
        Box box{at_end ? x - width : x, at_end ? x : x + width, baseline - kFontSize + 2, baseline + 3};
        double score = data_covered(box);
        for (const Box& other : placed)
          if (box.overlaps(other)) score += 1000;
        if (first || score < best_score) {
          first = false;
          best_score = score;
          best_x = x;
          best_baseline = baseline;
          best_at_end = at_end;
        }
      }
    placed.push_back({best_at_end ? best_x - width : best_x, best_at_end ? best_x : best_x + width, best_baseline - kFontSize + 2,
                      best_baseline + 3});
    labels += "<text x=\"" + coordinate(best_x) + "\" y=\"" + coordinate(best_baseline) + "\"" +
              (best_at_end ? " text-anchor=\"end\"" : "") + " fill=\"" + series_[i].style.stroke.hex() + "\">" +
              escape_html(series_[i].legend) + "</text>";
  }
  if (!labels.empty())
    svg += "<g class=\"reference-labels\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">" +
           labels + "</g>\n";

  // The x axis: a baseline, ticks and labels.
  svg += "<g class=\"x-axis\" stroke=\"" + std::string(kAxisColour) + "\"><line x1=\"" + coordinate(plot_left) + "\" x2=\"" +
         coordinate(plot_right) + "\" y1=\"" + coordinate(plot_bottom) + "\" y2=\"" + coordinate(plot_bottom) + "\"/>";
  for (double minor : x_axis_.minor_ticks)
    svg += "<line x1=\"" + coordinate(sx(minor)) + "\" x2=\"" + coordinate(sx(minor)) + "\" y1=\"" + coordinate(plot_bottom) + "\" y2=\"" +
           coordinate(plot_bottom + 3) + "\"/>";
  for (const auto& tick : x_axis_.ticks)
    svg += "<line x1=\"" + coordinate(sx(tick.value)) + "\" x2=\"" + coordinate(sx(tick.value)) + "\" y1=\"" + coordinate(plot_bottom) +
           "\" y2=\"" + coordinate(plot_bottom + 6) + "\"/>";
  svg += "</g>\n<g class=\"x-ticks\" text-anchor=\"middle\">";
  for (const auto& tick : x_axis_.ticks) {
    std::string x = coordinate(sx(tick.value));
    svg += "<text x=\"" + x + "\" y=\"" + coordinate(plot_bottom + 8 + kFontSize) + "\">";
    auto lines = split_lines(tick.label);
    for (size_t l = 0; l < lines.size(); ++l)
      svg += "<tspan x=\"" + x + "\"" + (l ? " dy=\"" + coordinate(kLineHeight) + "\"" : std::string()) + ">" + escape_html(lines[l]) + "</tspan>";
    svg += "</text>";
  }
  svg += "</g>\n";
  if (!x_axis_.label.empty())
    svg += "<text class=\"axis-label\" x=\"" + coordinate((plot_left + plot_right) / 2) + "\" y=\"" +
           coordinate(plot_bottom + x_ticks_height + kFontSize + 2) + "\" text-anchor=\"middle\" font-weight=\"600\">" +
           escape_html(x_axis_.label) + "</text>\n";

  // The legend.
  if (!legend_order_.empty()) {
    svg += "<g class=\"legend\" dominant-baseline=\"middle\">\n";
    double column_width = (width_ - 16) / static_cast<double>(columns);
    for (size_t n = 0; n < legend_order_.size(); ++n) {
      const Series& series = series_[legend_order_[n]];
      double x = 8 + column_width * static_cast<double>(n / rows);
      double y = legend_top + kLegendRowHeight * static_cast<double>(n % rows) + kLegendRowHeight / 2;
      const SeriesStyle& style = series.style;
      switch (series.kind) {
        case Kind::line:
          svg += "<line x1=\"" + coordinate(x) + "\" x2=\"" + coordinate(x + kSwatchWidth) + "\" y1=\"" + coordinate(y) + "\" y2=\"" +
                 coordinate(y) + "\"" + stroke_attributes(style) + "/>";
          if (style.marker_radius > 0)
            svg += "<g fill=\"" + style.stroke.hex() + "\">" + marker(x + kSwatchWidth / 2, y, style.marker_radius) + "</g>";
          break;
        case Kind::interval:
          svg += "<path d=\"M" + coordinate(x + kSwatchWidth / 2) + " " + coordinate(y - 7) + "V" + coordinate(y + 7) + "M" +
                 coordinate(x + kSwatchWidth / 2 - 5) + " " + coordinate(y - 7) + "h10M" + coordinate(x + kSwatchWidth / 2 - 5) + " " +
                 coordinate(y + 7) + "h10\" fill=\"none\"" + stroke_attributes(style) + "/>";
          break;
        default: {
          std::string swatch = "M" + coordinate(x) + " " + coordinate(y - 7) + "h" + coordinate(kSwatchWidth) + "v14h-" +
                               coordinate(kSwatchWidth) + "Z";
          svg += "<path d=\"" + swatch + "\" fill=\"" + style.fill.hex() + "\"/>";
          svg += hatching(style, swatch, x, y - 7, x + kSwatchWidth, y + 7, id_ + "-swatch-" + std::to_string(n));
          svg += "<path d=\"" + swatch + "\" fill=\"none\" stroke=\"" + kAxisColour + "\" stroke-width=\"0.5\"/>";
        }
      }
      svg += "<text x=\"" + coordinate(x + kSwatchWidth + 8) + "\" y=\"" + coordinate(y) + "\">" + escape_html(series.legend) + "</text>\n";
    }
    svg += "</g>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace caseflow
