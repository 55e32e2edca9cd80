#include "python_tables.hpp"

#include <cstdint>
#include <memory>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace caseflow::python {

namespace py = pybind11;

namespace {

// A read-only array over `values`' own memory, which it keeps (and frees) through a capsule.
template <class Value>
py::array array_taking(std::vector<Value>&& values, const py::dtype& dtype) {
  auto owned = std::make_unique<std::vector<Value>>(std::move(values));
  const auto size = static_cast<py::ssize_t>(owned->size());
  const Value* data = owned->data();
  py::capsule owner(owned.get(), [](void* pointer) { delete static_cast<std::vector<Value>*>(pointer); });
  owned.release();  // the capsule owns it now
  py::array array(dtype, {size}, {static_cast<py::ssize_t>(sizeof(Value))}, data, owner);
  array.attr("setflags")(py::arg("write") = false);
  return array;
}

}  // namespace

py::list python_table(OutputTable table) {
  py::list columns;
  for (auto& column : table.columns()) {
    py::object values;
    switch (column.kind) {
      case OutputTable::Kind::text: values = py::cast(column.text); break;
      case OutputTable::Kind::number: values = array_taking(std::move(column.numbers), py::dtype::of<double>()); break;
      case OutputTable::Kind::date: {
        // Nanoseconds since 1970-01-01, as pandas keeps dates (datetime64[ns], midnight).
        constexpr int64_t kNanosecondsPerDay = 86'400'000'000'000;
        std::vector<int64_t> nanoseconds;
        for (Date date : column.dates) nanoseconds.push_back(date.time_since_epoch().count() * kNanosecondsPerDay);
        values = array_taking(std::move(nanoseconds), py::dtype("datetime64[ns]"));
        break;
      }
    }
    columns.append(py::make_tuple(column.name, values));
  }
  return columns;
}

py::dict python_tables(std::vector<NamedTable> tables) {
  py::dict out;
  for (auto& named : tables) out[py::str(named.file)] = python_table(std::move(named.table));
  return out;
}

}  // namespace caseflow::python
