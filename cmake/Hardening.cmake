# Builds that look for bugs rather than ship: sanitizers and fuzzing (issue 9). Each uses its own build
# folder (build-sanitize, build-fuzz); see the Makefile's `test` target.
#
#   CASEFLOW_SANITIZE  every target (engine, CLI, tests) with AddressSanitizer and UndefinedBehaviorSanitizer;
#                      any report aborts the process, so a test that triggers one fails.
#   CASEFLOW_FUZZ      the libFuzzer targets of tests/fuzz (needs clang: CXX=clang++), with the engine
#                      instrumented for coverage and built with the same sanitizers.

option(CASEFLOW_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CASEFLOW_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)

if(CASEFLOW_SANITIZE AND NOT CASEFLOW_FUZZ)
  # The Debug build type keeps assertions (Eigen's bounds checks among them); -O1, as the sanitizers
  # recommend, makes the statistical tests run about three times faster than at -O0.
  add_compile_options(-O1)
endif()
if(CASEFLOW_SANITIZE OR CASEFLOW_FUZZ)
  # float-cast-overflow is not part of GCC's -fsanitize=undefined; it catches a double too large for the
  # int it is cast to (an age in years, a day count), which is exactly the kind of bug bad input causes.
  add_compile_options(-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined,float-cast-overflow)
endif()

if(CASEFLOW_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CASEFLOW_FUZZ needs clang's libFuzzer: configure with CXX=clang++ "
                        "(Debian packages clang and libclang-rt-14-dev)")
  endif()
  # Coverage instrumentation everywhere; the fuzz executables themselves link -fsanitize=fuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
