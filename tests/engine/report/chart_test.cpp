// The SVG chart builder: round axes, styles that survive greyscale printing, and drawings that map data
// to the right places and parse as well-formed markup.

#include <cmath>
#include <random>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "caseflow/report/chart_scale.hpp"
#include "caseflow/report/chart_style.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "html_checker.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

// CIE L* from relative luminance: lightness as a greyscale print shows it, 0 (black) to 100 (white).
double lightness(const Colour& colour) {
  double y = colour.relative_luminance();
  return y > 216.0 / 24389 ? 116 * std::cbrt(y) - 16 : y * 24389.0 / 27;
}

std::vector<double> path_numbers(const std::string& d) {
  std::vector<double> numbers;
  std::regex number(R"(-?\d+(\.\d+)?)");
  for (std::sregex_iterator it(d.begin(), d.end(), number), end; it != end; ++it) numbers.push_back(std::stod(it->str()));
  return numbers;
}

}  // namespace

TEST(ChartScale, NiceAxesCoverTheDataWithRoundSteps) {
  NiceAxis a = nice_axis(0, 336, 5);
  EXPECT_EQ(a.step, 100);
  EXPECT_EQ(a.min, 0);
  EXPECT_EQ(a.max, 400);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 100, 200, 300, 400}));
  NiceAxis b = nice_axis(107, 142, 5);
  EXPECT_EQ(b.step, 10);
  EXPECT_EQ(b.min, 100);
  EXPECT_EQ(b.max, 150);
  EXPECT_EQ(nice_axis(0, 300, 6).max, 300);  // an exact multiple is not stretched by a step

  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(-2, 6), unit(0, 1);
  for (int trial = 0; trial < 2000; ++trial) {
    double low = std::pow(10, exponent(random)) * unit(random), high = low + std::pow(10, exponent(random));
    int target = 2 + static_cast<int>(unit(random) * 8);
    NiceAxis axis = nice_axis(low, high, target);
    ASSERT_LE(axis.min, low);
    ASSERT_GE(axis.max, high * (1 - 1e-12));
    double mantissa = axis.step / std::pow(10, std::floor(std::log10(axis.step)));
    ASSERT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 2.5) < 1e-9 ||
                std::abs(mantissa - 5) < 1e-9)
        << axis.step;
    ASSERT_GE(axis.ticks.size(), 2u);
    ASSERT_LE(axis.ticks.size(), static_cast<size_t>(2 * target + 2)) << low << " " << high << " " << target;
  }
}

TEST(ChartStyle, OklchEndsAreBlackAndWhiteAndOutOfGamutColoursKeepTheirLightness) {
  EXPECT_EQ(Colour::from_oklch(1, 0, 0), (Colour{255, 255, 255}));
  EXPECT_EQ(Colour::from_oklch(0, 0, 0), (Colour{0, 0, 0}));
  EXPECT_EQ(Colour::from_oklch(1, 0, 0).hex(), "#ffffff");
  // A grey of OKLab lightness L has luminance L^3; a vivid green far outside sRGB is pulled in at
  // about the same lightness (OKLab's L and CIE's L* differ a little for saturated colours), not
  // clipped to a different one: clipping each channel would leave it far lighter.
  Colour grey = Colour::from_oklch(0.7, 0, 0);
  EXPECT_NEAR(grey.relative_luminance(), 0.343, 0.003);
  EXPECT_NEAR(lightness(Colour::from_oklch(0.7, 0.4, 140)), lightness(grey), 3);
}

TEST(ChartStyle, StackedFillsStayDistinctInGreyscale) {
  for (size_t count = 1; count <= 14; ++count) {
    auto styles = stacked_fill_styles(count);
    ASSERT_EQ(styles.size(), count);
    for (size_t k = 1; k < count; ++k)  // neighbours in a stack: far apart in lightness
      EXPECT_GE(std::abs(lightness(styles[k].fill) - lightness(styles[k - 1].fill)), 15) << count << " layers, layer " << k;
    for (size_t a = 0; a < count; ++a)  // any two: a different pattern, or visibly different lightness
      for (size_t b = a + 1; b < count; ++b)
        EXPECT_TRUE(styles[a].pattern != styles[b].pattern || std::abs(lightness(styles[a].fill) - lightness(styles[b].fill)) >= 6)
            << count << " layers: " << a << " and " << b;
  }
}

TEST(ChartStyle, ReferenceLinesAreDarkAndDashedDifferently) {
  auto styles = dashed_line_styles(6);
  std::set<std::string> dashes;
  for (const auto& style : styles) {
    EXPECT_FALSE(style.dash.empty());
    dashes.insert(style.dash);
    EXPECT_LT(lightness(style.stroke), 45);  // readable on white, in colour or grey
  }
  EXPECT_EQ(dashes.size(), 6u);
}

TEST(SvgChart, MapsDataToThePlotAndParses) {
  SvgChart chart("c1", "A <test> & chart", "Description & more");
  chart.set_size(600, 200);
  ChartAxis x;
  x.min = 0;
  x.max = 10;
  x.ticks = {{0, "start\nline two"}, {10, "end"}};
  chart.set_x_axis(x);
  ChartAxis y;
  y.min = 0;
  y.max = 10;
  y.ticks = {{0, "0"}, {10, "10"}};
  y.label = "Children";
  chart.set_y_axis(y);
  chart.add_band({0, 10}, {1, 2}, {3, 4}, SeriesStyle{}, "band");
  SeriesStyle line;
  line.stroke_width = 2;
  chart.add_line({0, 10}, {0, 10}, line, "diagonal");
  auto dashed = dashed_line_styles(2);
  chart.add_reference_line(5.0, dashed[0], "first <ref>");
  chart.add_reference_line(5.1, dashed[1], "second");
  chart.add_stacked_areas({0, 10}, {{1, 1}, {2, 2}, {3, 3}}, stacked_fill_styles(3), {"a", "b", "c"});
  std::string svg = chart.render();

  auto root = parse_html(svg);
  ASSERT_EQ(root->find_all("svg").size(), 1u);
  const HtmlElement& element = *root->find_all("svg")[0];
  EXPECT_EQ(element.name, "svg");
  EXPECT_EQ(element.attribute("role"), "img");
  EXPECT_EQ(element.attribute("aria-labelledby"), "c1-title c1-desc");
  ASSERT_NE(element.find_id("c1-title"), nullptr);
  EXPECT_EQ(element.find_id("c1-title")->all_text(), "A <test> & chart");
  EXPECT_EQ(element.find_id("c1-desc")->all_text(), "Description & more");

  // Every url(#...) points at a pattern or clip defined in the chart.
  std::regex reference(R"(url\(#([^)]+)\))");
  for (std::sregex_iterator it(svg.begin(), svg.end(), reference), end; it != end; ++it)
    EXPECT_NE(element.find_id((*it)[1].str()), nullptr) << (*it)[1].str();

  // The diagonal runs from the plot's bottom-left corner to its top-right corner.
  const HtmlElement* clip = element.find_id("c1-plot")->find_all("rect")[0];
  double left = std::stod(clip->attribute("x")), top = std::stod(clip->attribute("y")) + 1;
  double right = left + std::stod(clip->attribute("width")), bottom = top + std::stod(clip->attribute("height")) - 2;
  bool found = false;
  for (const HtmlElement* path : element.find_all("path")) {
    if (path->attribute("fill") != "none" || path->attribute("stroke-width") != "2.0") continue;
    auto numbers = path_numbers(path->attribute("d"));
    ASSERT_EQ(numbers.size(), 4u);
    EXPECT_NEAR(numbers[0], left, 0.06);
    EXPECT_NEAR(numbers[1], bottom, 0.06);
    EXPECT_NEAR(numbers[2], right, 0.06);
    EXPECT_NEAR(numbers[3], top, 0.06);
    found = true;
  }
  EXPECT_TRUE(found);

  // Labels of reference lines 0.1 apart do not sit on one another.
  std::vector<const HtmlElement*> labels;
  for (const HtmlElement* text : element.find_all("text"))
    if (text->all_text() == "first <ref>" || text->all_text() == "second") labels.push_back(text);
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_TRUE(std::abs(std::stod(labels[0]->attribute("y")) - std::stod(labels[1]->attribute("y"))) >= 14 ||
              labels[0]->attribute("text-anchor") != labels[1]->attribute("text-anchor"));

  // The stack's legend lists the top layer first.
  std::vector<std::string> legend;
  for (const HtmlElement* group : element.find_all("g"))
    if (group->attribute("class") == "legend")
      for (const HtmlElement* text : group->find_all("text")) legend.push_back(text->all_text());
  EXPECT_EQ(legend, (std::vector<std::string>{"band", "diagonal", "c", "b", "a"}));
}

TEST(SvgChart, ReferenceLabelsAvoidTheData) {
  // A band over the left half, around the reference line: the label goes to the right end.
  auto label_anchor = [](double band_from, double band_to) {
    SvgChart chart("c2", "t", "d");
    ChartAxis x{0, 10, {}, {}, ""}, y{0, 100, {}, {}, ""};
    chart.set_x_axis(x);
    chart.set_y_axis(y);
    std::vector<double> xs, low, high;
    for (int i = 0; i <= 10; ++i) {
      xs.push_back(i);
      bool inside = i >= band_from && i <= band_to;
      low.push_back(inside ? 30 : 0);
      high.push_back(inside ? 70 : 0);
    }
    chart.add_band(xs, low, high, SeriesStyle{}, "");
    chart.add_reference_line(50, dashed_line_styles(1)[0], "level");
    auto root = parse_html(chart.render());
    for (const HtmlElement* text : root->find_all("text"))
      if (text->all_text() == "level") return text->attribute("text-anchor");
    return std::string("missing");
  };
  EXPECT_EQ(label_anchor(0, 5), "end");
  EXPECT_EQ(label_anchor(5, 10), "");  // at the start, the default
}
