# Builds that look for bugs rather than ship: sanitizers and fuzzing (issue 9). Each uses its own build
# folder (build-sanitize, build-fuzz); see the Makefile's `test` target.
#
#   CASEFLOW_SANITIZE  the product code (the engine library and the caseflow program) with AddressSanitizer
#                      and UndefinedBehaviorSanitizer, and the whole test suite run against it; any report
#                      aborts the process, so a test that triggers one fails.
#   CASEFLOW_FUZZ      the libFuzzer targets of tests/fuzz (needs clang: CXX=clang++), with the engine
#                      instrumented for coverage and built with the same sanitizers.
#
# Only the product code is instrumented (caseflow_instrument below): the tests and GoogleTest would take
# about as long again to compile with the sanitizers and are not what is being checked. Every executable
# still links the sanitizers' runtime, which the instrumented library needs.

option(CASEFLOW_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CASEFLOW_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)

if(CASEFLOW_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "CASEFLOW_FUZZ needs clang's libFuzzer: configure with CXX=clang++ "
                      "(Debian packages clang and libclang-rt-14-dev)")
endif()
if(CASEFLOW_SANITIZE OR CASEFLOW_FUZZ)
  # Both are meant for the Debug build type, which keeps assertions (Eigen's bounds checks among them);
  # -O1, as the sanitizers recommend, makes the statistical tests run about three times faster than at
  # -O0, and fuzzing builds in about half the time of -O2.
  add_compile_options(-O1)
  add_link_options(-fsanitize=address,undefined,float-cast-overflow)
  # Eigen trusts malloc's alignment except under AddressSanitizer, so an instrumented and a plain file would
  # disagree on how a matrix was allocated (one freeing what the other allocated by hand); make them agree.
  add_compile_definitions(EIGEN_MALLOC_ALREADY_ALIGNED=0)
endif()

# caseflow_instrument(TARGET...): compile TARGET's own sources with the sanitizers (and, for fuzzing, with
# coverage for libFuzzer to follow). Does nothing in an ordinary build.
function(caseflow_instrument)
  foreach(target IN LISTS ARGN)
    if(CASEFLOW_SANITIZE OR CASEFLOW_FUZZ)
      # float-cast-overflow is not part of GCC's -fsanitize=undefined; it catches a double too large for
      # the int it is cast to (an age in years, a day count), which is exactly the kind of bug bad input causes.
      target_compile_options(${target} PRIVATE -fsanitize=address,undefined,float-cast-overflow
                             -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
    endif()
    if(CASEFLOW_FUZZ)
      target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
  endforeach()
endfunction()
