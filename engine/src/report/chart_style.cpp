#include "caseflow/report/chart_style.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace caseflow {

namespace {

constexpr double kPi = 3.14159265358979323846;

double to_linear(uint8_t channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

uint8_t to_encoded(double linear) {
  double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
  return static_cast<uint8_t>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

// OKLab to linear sRGB (Björn Ottosson, "A perceptual color space for image processing", 2020).
std::array<double, 3> oklab_to_linear_srgb(double lightness, double a, double b) {
  double l = lightness + 0.3963377774 * a + 0.2158037573 * b;
  double m = lightness - 0.1055613458 * a - 0.0638541728 * b;
  double s = lightness - 0.0894841775 * a - 1.2914855480 * b;
  l = l * l * l;
  m = m * m * m;
  s = s * s * s;
  return {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
          -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
          -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
}

}  // namespace

std::string Colour::hex() const {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", red, green, blue);
  return buffer;
}

double Colour::relative_luminance() const {
  return 0.2126 * to_linear(red) + 0.7152 * to_linear(green) + 0.0722 * to_linear(blue);
}

Colour Colour::from_oklch(double lightness, double chroma, double hue_degrees) {
  double hue = hue_degrees * kPi / 180.0;
  auto in_gamut = [](const std::array<double, 3>& rgb) {
    return std::all_of(rgb.begin(), rgb.end(), [](double c) { return c >= -1e-6 && c <= 1 + 1e-6; });
  };
  auto rgb = oklab_to_linear_srgb(lightness, chroma * std::cos(hue), chroma * std::sin(hue));
  if (!in_gamut(rgb)) {  // bisect on chroma: the grey of the same lightness is always inside
    double low = 0, high = chroma;
    for (int i = 0; i < 30; ++i) {
      double mid = 0.5 * (low + high);
      (in_gamut(oklab_to_linear_srgb(lightness, mid * std::cos(hue), mid * std::sin(hue))) ? low : high) = mid;
    }
    rgb = oklab_to_linear_srgb(lightness, low * std::cos(hue), low * std::sin(hue));
  }
  return Colour{to_encoded(rgb[0]), to_encoded(rgb[1]), to_encoded(rgb[2])};
}

std::vector<SeriesStyle> stacked_fill_styles(size_t count) {
  constexpr double kDarkest = 0.40, kLightest = 0.95, kChroma = 0.10, kFirstHue = 250, kGoldenAngle = 137.508;
  const Colour white{255, 255, 255};
  std::vector<SeriesStyle> styles;
  size_t half = (count + 1) / 2;
  for (size_t k = 0; k < count; ++k) {
    // Layer k takes lightness level k/2 (even k) or half + k/2 (odd k): neighbours sit about half the
    // range apart, and two layers close in lightness are never next to each other.
    size_t level = k % 2 == 0 ? k / 2 : half + k / 2;
    double lightness = count == 1 ? 0.6 : kDarkest + (kLightest - kDarkest) * static_cast<double>(level) / static_cast<double>(count - 1);
    SeriesStyle style;
    style.fill = Colour::from_oklch(lightness, kChroma, kFirstHue + kGoldenAngle * static_cast<double>(k));
    style.stroke = white;
    style.stroke_width = 0.75;
    static constexpr FillPattern kPatterns[] = {FillPattern::solid, FillPattern::diagonal,   FillPattern::horizontal,
                                                FillPattern::solid, FillPattern::crosshatch, FillPattern::back_diagonal};
    style.pattern = kPatterns[k % 6];
    style.pattern_ink = lightness < 0.62 ? Colour::from_oklch(0.92, 0.02, 250) : Colour::from_oklch(0.30, 0.02, 250);
    styles.push_back(style);
  }
  return styles;
}

std::vector<SeriesStyle> dashed_line_styles(size_t count) {
  static const char* kDashes[] = {"9 4", "2 3", "12 3 2 3", "5 5", "1 3", "16 4"};
  std::vector<SeriesStyle> styles;
  for (size_t k = 0; k < count; ++k) {
    SeriesStyle style;
    style.stroke = Colour::from_oklch(0.28 + 0.06 * static_cast<double>(k % 3), 0.03, 30 + 90.0 * static_cast<double>(k));
    style.stroke_width = 1.75;
    style.dash = kDashes[k % 6];
    styles.push_back(style);
  }
  return styles;
}

}  // namespace caseflow
