#include "caseflow/report/chart_scale.hpp"

#include <cmath>

namespace caseflow {

NiceAxis nice_axis(double data_min, double data_max, int target_ticks) {
  if (!(data_max > data_min)) data_max = data_min + 1;  // a flat series still needs an axis
  if (target_ticks < 2) target_ticks = 2;
  double rough = (data_max - data_min) / target_ticks;
  double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power * 10;
  for (double multiple : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (multiple * power >= rough) {
      step = multiple * power;
      break;
    }
  NiceAxis axis;
  axis.step = step;
  // The small tolerance keeps 300.0000001 from adding a whole step above 300.
  axis.min = std::floor(data_min / step + 1e-9) * step;
  axis.max = std::ceil(data_max / step - 1e-9) * step;
  long count = std::lround((axis.max - axis.min) / step);
  for (long i = 0; i <= count; ++i) axis.ticks.push_back(axis.min + static_cast<double>(i) * step);
  return axis;
}

}  // namespace caseflow
