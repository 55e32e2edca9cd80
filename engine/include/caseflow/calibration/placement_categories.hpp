#pragma once
// Where a child in care lives, in the categories councils cost placements by, from an SSDA903 episode's PLACE
// and PLACE_PROVIDER codes (the DfE's SSDA903 guidance lists them):
//   U1-U3 foster placements with a relative or friend (connected persons)     kinship foster care
//   U4-U6 other foster placements: PLACE_PROVIDER PR4 (private) or PR5
//         (voluntary or third sector)                                         independent fostering agency
//         any other provider (PR1 the council's own, PR2 another council,
//         PR3 other public provision) or none given                           in-house foster care
//   K1 secure children's home, K2 children's home, R1 residential care home,
//   S1 residential school                                                     residential
//   H5 semi-independent living, P2 independent living, K3 (supported
//   accommodation in the default mapping's rules too)                         supported accommodation
//   P1 placed with parents or others with parental responsibility             placed with parents
//   A3-A6 placed for adoption                                                 adoption placement
//   anything else (T0-T4 temporary, R2 NHS, R3 family centre, R5 young
//   offender institution, Z1 other, blank)                                    other placement

#include <string>

namespace caseflow {

enum class PlacementCategory {
  in_house_foster,
  ifa_foster,
  kinship_foster,
  residential,
  supported_accommodation,
  placed_with_parents,
  adoption_placement,
  other_placement,
};
inline constexpr int kPlacementCategories = 8;

PlacementCategory placement_category(const std::string& place, const std::string& provider);

// The scenario's placement type id ("ifa_foster", as in the shipped scenarios) and label.
const char* placement_category_id(PlacementCategory category);
const char* placement_category_label(PlacementCategory category);

}  // namespace caseflow
