#include "caseflow/calibration/placement_categories.hpp"

#include <algorithm>
#include <initializer_list>

namespace caseflow {

namespace {

bool one_of(const std::string& code, std::initializer_list<const char*> codes) {
  return std::any_of(codes.begin(), codes.end(), [&](const char* c) { return code == c; });
}

}  // namespace

PlacementCategory placement_category(const std::string& place, const std::string& provider) {
  using C = PlacementCategory;
  if (one_of(place, {"U1", "U2", "U3"})) return C::kinship_foster;
  if (one_of(place, {"U4", "U5", "U6"})) return one_of(provider, {"PR4", "PR5"}) ? C::ifa_foster : C::in_house_foster;
  if (one_of(place, {"K1", "K2", "R1", "S1"})) return C::residential;
  if (one_of(place, {"H5", "K3", "P2"})) return C::supported_accommodation;
  if (place == "P1") return C::placed_with_parents;
  if (one_of(place, {"A3", "A4", "A5", "A6"})) return C::adoption_placement;
  return C::other_placement;
}

const char* placement_category_id(PlacementCategory category) {
  switch (category) {
    case PlacementCategory::in_house_foster: return "in_house_foster";
    case PlacementCategory::ifa_foster: return "ifa_foster";
    case PlacementCategory::kinship_foster: return "kinship_foster";
    case PlacementCategory::residential: return "residential";
    case PlacementCategory::supported_accommodation: return "supported_accommodation";
    case PlacementCategory::placed_with_parents: return "placed_with_parents";
    case PlacementCategory::adoption_placement: return "adoption_placement";
    case PlacementCategory::other_placement: return "other_placement";
  }
  return "?";
}

const char* placement_category_label(PlacementCategory category) {
  switch (category) {
    case PlacementCategory::in_house_foster: return "In-house foster care";
    case PlacementCategory::ifa_foster: return "Independent fostering agency";
    case PlacementCategory::kinship_foster: return "Kinship (family and friends) foster care";
    case PlacementCategory::residential: return "Children's home or other residential care";
    case PlacementCategory::supported_accommodation: return "Supported accommodation (16-17)";
    case PlacementCategory::placed_with_parents: return "Placed with parents";
    case PlacementCategory::adoption_placement: return "Placed for adoption";
    case PlacementCategory::other_placement: return "Other placement (temporary, health, custody, other)";
  }
  return "?";
}

}  // namespace caseflow
