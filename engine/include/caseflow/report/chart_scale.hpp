#pragma once
// Mapping data to drawing coordinates, and choosing round tick values people can read off an axis.

#include <string>
#include <vector>

namespace caseflow {

// Maps [domain_min, domain_max] linearly onto [range_min, range_max] (range_min may exceed range_max,
// as on a y axis that grows upwards on a screen whose y grows downwards).
struct LinearScale {
  double domain_min = 0, domain_max = 1, range_min = 0, range_max = 1;
  double operator()(double value) const {
    double span = domain_max - domain_min;
    double t = span == 0 ? 0.5 : (value - domain_min) / span;
    return range_min + t * (range_max - range_min);
  }
};

// A tick mark and its label; a label may have a second line after '\n'.
struct AxisTick {
  double value = 0;
  std::string label;
};

// An axis running from a round number to a round number, with ticks at multiples of a step of
// 1, 2, 2.5 or 5 times a power of ten, about `target_ticks` of them, covering [data_min, data_max].
struct NiceAxis {
  double min = 0, max = 1, step = 1;
  std::vector<double> ticks;
};
NiceAxis nice_axis(double data_min, double data_max, int target_ticks = 6);

}  // namespace caseflow
