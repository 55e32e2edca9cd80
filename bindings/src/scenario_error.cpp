#include "scenario_error.hpp"

#include "caseflow/base/input_error.hpp"

namespace caseflow::python {

namespace py = pybind11;

void register_scenario_error() {
  // Looked up once, at import, and kept for the life of the interpreter: the translator runs while an
  // exception is in flight, the worst moment to import anything.
  static PyObject* scenario_error = py::object(py::module_::import("caseflow._errors").attr("ScenarioError")).release().ptr();
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const InputError& error) {
      py::object instance = py::reinterpret_borrow<py::object>(scenario_error)(
          error.what(), error.source(), error.place(), error.message());
      PyErr_SetObject(scenario_error, instance.ptr());
    }
    // Anything else propagates to pybind11's own translators (std::bad_alloc -> MemoryError, ...).
  });
}

}  // namespace caseflow::python
