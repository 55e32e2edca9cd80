#include "python_json.hpp"

#include <cstdint>

#include "caseflow/base/input_error.hpp"

namespace caseflow::python {

namespace py = pybind11;
using nlohmann::json;

namespace {

// Far deeper than any scenario; it turns a dict that contains itself into an error, not a stack overflow.
constexpr int kMaxDepth = 64;

class Converter {
 public:
  explicit Converter(const std::string& source) : source_(source) {}

  json convert(py::handle value, const json::json_pointer& path, int depth) const {
    PyObject* object = value.ptr();
    if (depth > kMaxDepth) fail(path, "is nested more than " + std::to_string(kMaxDepth) + " levels deep (does it contain itself?)");
    if (object == Py_None) return nullptr;
    if (PyBool_Check(object)) return object == Py_True;
    if (PyLong_Check(object)) return integer(value, path);
    if (PyFloat_Check(object)) return PyFloat_AS_DOUBLE(object);  // NaN and inf pass: the engine names them
    if (PyUnicode_Check(object)) return text(value, path);
    if (PyBytes_Check(object) || PyByteArray_Check(object)) fail(path, "is bytes; a JSON string must be a str");
    if (PyDict_Check(object) || is_mapping(value)) return mapping(value, path, depth);
    if (PyList_Check(object) || PyTuple_Check(object)) return sequence(value, path, depth);
    // numpy scalars and other number types: integers first, so 3 stays 3 and does not become 3.0.
    if (PyIndex_Check(object)) {
      py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(object));
      if (index) return integer(index, path);
      PyErr_Clear();  // e.g. a numpy array of more than one element
    }
    if (PyNumber_Check(object) && !PySequence_Check(object)) {
      py::object number = py::reinterpret_steal<py::object>(PyNumber_Float(object));
      if (number) return PyFloat_AS_DOUBLE(number.ptr());
      PyErr_Clear();
    }
    fail(path, std::string("has no JSON form: a ") + Py_TYPE(object)->tp_name +
                   (PySequence_Check(object) ? " (convert it to a list, e.g. with .tolist())" : ""));
  }

 private:
  [[noreturn]] void fail(const json::json_pointer& path, const std::string& message) const {
    std::string place = path.to_string();
    throw InputError(source_, place.empty() ? "/" : place, message);
  }

  json integer(py::handle value, const json::json_pointer& path) const {
    int overflow = 0;
    long long number = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow == 0 && !(number == -1 && PyErr_Occurred())) return number;
    PyErr_Clear();
    if (overflow > 0) {
      unsigned long long big = PyLong_AsUnsignedLongLong(value.ptr());
      if (!PyErr_Occurred()) return big;
      PyErr_Clear();
    }
    fail(path, "is an integer too large for JSON numbers: " + py::repr(value).cast<std::string>());
  }

  json text(py::handle value, const json::json_pointer& path) const {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (utf8 == nullptr) {
      PyErr_Clear();
      fail(path, "is a string that cannot be written as UTF-8");
    }
    return std::string(utf8, static_cast<size_t>(size));
  }

  static bool is_mapping(py::handle value) {
    static const py::handle mapping_type = py::object(py::module_::import("collections.abc").attr("Mapping")).release();
    return PyObject_IsInstance(value.ptr(), mapping_type.ptr()) == 1;
  }

  json mapping(py::handle value, const json::json_pointer& path, int depth) const {
    json out = json::object();
    py::object items = py::reinterpret_borrow<py::object>(value).attr("items")();
    for (py::handle item : items) {
      py::tuple pair = py::reinterpret_borrow<py::tuple>(item);
      py::handle key = pair[0];
      if (!PyUnicode_Check(key.ptr()))
        fail(path, "has a key that is not a string: " + py::repr(key).cast<std::string>() + " (JSON keys are strings)");
      std::string name = text(key, path).get<std::string>();
      out[name] = convert(pair[1], path / name, depth + 1);
    }
    return out;
  }

  json sequence(py::handle value, const json::json_pointer& path, int depth) const {
    json out = json::array();
    size_t index = 0;
    for (py::handle element : py::reinterpret_borrow<py::iterable>(value)) {
      out.push_back(convert(element, path / index, depth + 1));
      ++index;
    }
    return out;
  }

  const std::string& source_;
};

}  // namespace

json json_from_python(py::handle value, const std::string& source) {
  return Converter(source).convert(value, json::json_pointer(), 0);
}

py::object python_from_json(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return py::none();
    case json::value_t::boolean: return py::bool_(value.get<bool>());
    case json::value_t::number_integer: return py::int_(value.get<int64_t>());
    case json::value_t::number_unsigned: return py::int_(value.get<uint64_t>());
    case json::value_t::number_float: return py::float_(value.get<double>());
    case json::value_t::string: return py::str(value.get_ref<const std::string&>());
    case json::value_t::array: {
      py::list out;
      for (const json& element : value) out.append(python_from_json(element));
      return out;
    }
    case json::value_t::object: {
      py::dict out;
      for (const auto& [key, element] : value.items()) out[py::str(key)] = python_from_json(element);
      return out;
    }
    default: throw std::logic_error("a scenario's JSON holds a value of a kind JSON text cannot have");
  }
}

}  // namespace caseflow::python
