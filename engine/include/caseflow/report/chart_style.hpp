#pragma once
// How a chart's series look: colours, dash patterns and fill patterns chosen so that a chart printed
// in greyscale still tells its series apart. Neighbouring fills differ in lightness (not only in hue)
// and in pattern; lines differ in dash pattern.

#include <cstdint>
#include <string>
#include <vector>

namespace caseflow {

struct Colour {
  uint8_t red = 0, green = 0, blue = 0;

  std::string hex() const;  // "#1f4e79"
  // WCAG relative luminance in [0, 1]: what a greyscale printer keeps of a colour.
  double relative_luminance() const;
  bool operator==(const Colour&) const = default;

  // OKLCH: perceptual lightness L in [0, 1], chroma C (about 0 to 0.3), hue h in degrees. Chroma is
  // reduced as far as needed for the colour to exist in sRGB, keeping lightness and hue.
  static Colour from_oklch(double lightness, double chroma, double hue_degrees);
};

// Hatching over a fill, drawn as lines (SVG <pattern> fills are rasterised when a browser prints to
// PDF, which blurs them and makes the file large; lines stay sharp).
enum class FillPattern { solid, diagonal, back_diagonal, crosshatch, horizontal };

struct SeriesStyle {
  Colour fill;             // areas, bands and bars
  Colour stroke;           // lines, and outlines of areas when stroke_width > 0
  double stroke_width = 0;
  std::string dash;        // SVG stroke-dasharray, "" for a solid line
  FillPattern pattern = FillPattern::solid;
  Colour pattern_ink;      // the colour of the hatching over `fill`
  double marker_radius = 0;  // lines: a dot at each point (observed values), 0 for none
};

// Fills for `count` stacked layers: lightness spread over a wide range and interleaved so that
// neighbouring layers differ by about half of it, hues turning by the golden angle, and a pattern on
// two of every three layers.
std::vector<SeriesStyle> stacked_fill_styles(size_t count);

// Dark dashed lines told apart by their dash patterns, for reference lines and comparators; none is
// solid, so none can be mistaken for a data series.
std::vector<SeriesStyle> dashed_line_styles(size_t count);

}  // namespace caseflow
