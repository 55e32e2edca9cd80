#include "caseflow/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "caseflow/html_text.hpp"

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

std::string SvgChart::fill_of(const SeriesStyle& style, size_t pattern_index) const {
  if (style.pattern == FillPattern::solid) return style.fill.hex();
  return "url(#" + id_ + "-fill-" + std::to_string(pattern_index) + ")";
}

std::string SvgChart::render() const {
  // Margins: room for the y tick labels on the left, reference labels on the right, x tick labels,
  // the x axis label and the legend below.
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
  double reference_width = 0;
  for (const auto& series : series_)
    if (series.kind == Kind::reference) reference_width = std::max(reference_width, text_width(series.legend));
  double right = reference_width > 0 ? std::min(reference_width + 14, width_ * 0.35) : 16;
  right = std::max(right, edge_overhang(x_axis_.max));
  double top = y_axis_.label.empty() ? 10 : 28;
  size_t x_label_lines = 1;
  for (const auto& tick : x_axis_.ticks) x_label_lines = std::max(x_label_lines, split_lines(tick.label).size());
  double x_ticks_height = 10 + kLineHeight * static_cast<double>(x_label_lines);
  double x_label_height = x_axis_.label.empty() ? 0 : kLineHeight + 6;
  double plot_left = left, plot_right = width_ - right, plot_top = top, plot_bottom = top + plot_height_;
  double plot_width = plot_right - plot_left;

  // The legend: equal columns wide enough for the longest entry, filled down each column first.
  double item_width = 0;
  for (size_t index : legend_order_) item_width = std::max(item_width, kSwatchWidth + 8 + text_width(series_[index].legend) + 20);
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

  // Fill patterns, one per patterned series, and a clip so nothing is drawn outside the plot.
  svg += "<defs>\n<clipPath id=\"" + id_ + "-plot\"><rect x=\"" + coordinate(plot_left) + "\" y=\"" +
         coordinate(plot_top - 1) + "\" width=\"" + coordinate(plot_width) + "\" height=\"" + coordinate(plot_height_ + 2) +
         "\"/></clipPath>\n";
  for (size_t i = 0; i < series_.size(); ++i) {
    const SeriesStyle& style = series_[i].style;
    if (style.pattern == FillPattern::solid) continue;
    std::string ink = style.pattern_ink.hex();
    std::string pattern = "<pattern id=\"" + id_ + "-fill-" + std::to_string(i) + "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"";
    if (style.pattern != FillPattern::dots) pattern += " patternTransform=\"rotate(45)\"";
    pattern += "><rect width=\"6\" height=\"6\" fill=\"" + style.fill.hex() + "\"/>";
    switch (style.pattern) {
      case FillPattern::diagonal: pattern += "<path d=\"M1.5 0V6\" stroke=\"" + ink + "\" stroke-width=\"1.4\"/>"; break;
      case FillPattern::crosshatch: pattern += "<path d=\"M1.5 0V6M0 1.5H6\" stroke=\"" + ink + "\" stroke-width=\"0.9\"/>"; break;
      case FillPattern::dots: pattern += "<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"" + ink + "\"/>"; break;
      case FillPattern::solid: break;
    }
    svg += pattern + "</pattern>\n";
  }
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

  // The data, in the order added.
  svg += "<g class=\"data\" clip-path=\"url(#" + id_ + "-plot)\">\n";
  for (size_t i = 0; i < series_.size(); ++i) {
    const Series& series = series_[i];
    const SeriesStyle& style = series.style;
    switch (series.kind) {
      case Kind::band:
      case Kind::area: {
        if (series.x.empty()) break;
        std::string path = "M";
        for (size_t j = 0; j < series.x.size(); ++j) path += (j ? "L" : "") + coordinate(sx(series.x[j])) + " " + coordinate(sy(series.high[j]));
        for (size_t j = series.x.size(); j-- > 0;) path += "L" + coordinate(sx(series.x[j])) + " " + coordinate(sy(series.low[j]));
        svg += "<path d=\"" + path + "Z\" fill=\"" + fill_of(style, i) + "\"" +
               (style.stroke_width > 0 ? stroke_attributes(style) + " stroke-linejoin=\"round\"" : std::string()) + "/>\n";
        break;
      }
      case Kind::line: {
        if (series.x.empty()) break;
        std::string path = "M";
        for (size_t j = 0; j < series.x.size(); ++j) path += (j ? "L" : "") + coordinate(sx(series.x[j])) + " " + coordinate(sy(series.high[j]));
        svg += "<path d=\"" + path + "\" fill=\"none\"" + stroke_attributes(style) + " stroke-linejoin=\"round\"/>\n";
        break;
      }
      case Kind::bar: {
        for (size_t j = 0; j < series.x.size(); ++j) {
          double x0 = sx(series.x[j] - series.bar_width / 2), x1 = sx(series.x[j] + series.bar_width / 2);
          double y0 = sy(series.high[j]), y1 = sy(series.low[j]);
          if (y1 - y0 <= 0) continue;
          svg += "<rect x=\"" + coordinate(x0) + "\" y=\"" + coordinate(y0) + "\" width=\"" + coordinate(x1 - x0) + "\" height=\"" +
                 coordinate(y1 - y0) + "\" fill=\"" + fill_of(style, i) + "\"" + (style.stroke_width > 0 ? stroke_attributes(style) : "") + "/>\n";
        }
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
  svg += "</g>\n";

  // Reference labels at the right, nudged apart so that close lines keep readable labels.
  std::vector<std::pair<double, size_t>> labels;
  for (size_t i = 0; i < series_.size(); ++i)
    if (series_[i].kind == Kind::reference) labels.emplace_back(sy(series_[i].high[0]), i);
  std::sort(labels.begin(), labels.end());
  for (size_t k = 1; k < labels.size(); ++k) labels[k].first = std::max(labels[k].first, labels[k - 1].first + kLineHeight);
  if (!labels.empty() && labels.back().first > plot_bottom + 4) {
    labels.back().first = plot_bottom + 4;
    for (size_t k = labels.size() - 1; k-- > 0;) labels[k].first = std::min(labels[k].first, labels[k + 1].first - kLineHeight);
  }
  if (!labels.empty()) {
    svg += "<g class=\"reference-labels\" dominant-baseline=\"middle\">";
    for (const auto& [y, index] : labels)
      svg += "<text x=\"" + coordinate(plot_right + 6) + "\" y=\"" + coordinate(y) + "\" fill=\"" + series_[index].style.stroke.hex() + "\">" +
             escape_html(series_[index].legend) + "</text>";
    svg += "</g>\n";
  }

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
          break;
        case Kind::interval:
          svg += "<path d=\"M" + coordinate(x + kSwatchWidth / 2) + " " + coordinate(y - 7) + "V" + coordinate(y + 7) + "M" +
                 coordinate(x + kSwatchWidth / 2 - 5) + " " + coordinate(y - 7) + "h10M" + coordinate(x + kSwatchWidth / 2 - 5) + " " +
                 coordinate(y + 7) + "h10\" fill=\"none\"" + stroke_attributes(style) + "/>";
          break;
        default:
          svg += "<rect x=\"" + coordinate(x) + "\" y=\"" + coordinate(y - 7) + "\" width=\"" + coordinate(kSwatchWidth) +
                 "\" height=\"14\" fill=\"" + fill_of(style, legend_order_[n]) + "\" stroke=\"" + kAxisColour + "\" stroke-width=\"0.5\"/>";
      }
      svg += "<text x=\"" + coordinate(x + kSwatchWidth + 8) + "\" y=\"" + coordinate(y) + "\">" + escape_html(series.legend) + "</text>\n";
    }
    svg += "</g>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace caseflow
