#pragma once
// A small chart builder that writes inline SVG: axes with ticks and grid lines, lines, bands, stacked
// areas, stacked bars with interval marks, labelled horizontal reference lines and a legend.
// Everything is drawn in C++ so a report needs no script, no font and no network to show its charts.
//
// Data are in data coordinates; the builder maps them with the axes' ranges. Labels and titles are
// plain text (escaped here). The SVG has role="img", a <title> and a <desc> for screen readers.

#include <string>
#include <vector>

#include "caseflow/report/chart_scale.hpp"
#include "caseflow/report/chart_style.hpp"

namespace caseflow {

struct ChartAxis {
  double min = 0, max = 1;
  std::vector<AxisTick> ticks;      // labelled; on the y axis each also gets a grid line
  std::vector<double> minor_ticks;  // short unlabelled marks
  std::string label;                // shown above the y axis or below the x axis
};

class SvgChart {
 public:
  // `id` must be unique in the page: it prefixes the ids of the chart's title and clip paths.
  SvgChart(std::string id, std::string title, std::string description);

  // Width of the whole drawing and height of the plotting area, in SVG units (about CSS pixels);
  // margins for labels and the legend are added around the plot as needed.
  void set_size(double width, double plot_height);
  void set_x_axis(ChartAxis axis);
  void set_y_axis(ChartAxis axis);

  // The area between two series, e.g. a 90% band.
  void add_band(std::vector<double> x, std::vector<double> low, std::vector<double> high, SeriesStyle style,
                std::string legend);
  void add_line(std::vector<double> x, std::vector<double> y, SeriesStyle style, std::string legend);
  // A horizontal line across the plot, named by a label at one of its ends, above or below it, placed
  // where it hides the least of the data (no legend entry).
  void add_reference_line(double y, SeriesStyle style, std::string label);
  // layers[k][i]: the thickness of layer k at x[i]; layer 0 at the bottom. The legend lists the top first.
  void add_stacked_areas(std::vector<double> x, std::vector<std::vector<double>> layers, std::vector<SeriesStyle> styles,
                         std::vector<std::string> legends);
  // One bar per x (its centre), `bar_width` in data units; layers as in add_stacked_areas.
  void add_stacked_bars(std::vector<double> x, double bar_width, std::vector<std::vector<double>> layers,
                        std::vector<SeriesStyle> styles, std::vector<std::string> legends);
  // Vertical whiskers from low to high at each x, e.g. a 90% range on top of bars.
  void add_interval_marks(std::vector<double> x, std::vector<double> low, std::vector<double> high, SeriesStyle style,
                          std::string legend);

  std::string render() const;

 private:
  enum class Kind { band, line, area, bar, interval, reference };
  struct Series {
    Kind kind;
    std::vector<double> x, low, high;  // low is unused by lines; high holds y
    SeriesStyle style;
    std::string legend;
    double bar_width = 0;
  };
  // The hatching of `style` over the shape `outline` (path data) within its bounding box, as lines
  // clipped to the shape; "" for a solid style.
  std::string hatching(const SeriesStyle& style, const std::string& outline, double left, double top, double right,
                       double bottom, const std::string& clip_id) const;

  std::string id_, title_, description_;
  double width_ = 720, plot_height_ = 300;
  ChartAxis x_axis_, y_axis_;
  std::vector<Series> series_;
  std::vector<size_t> legend_order_;  // into series_
};

}  // namespace caseflow
