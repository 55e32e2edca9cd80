#pragma once
// The engine's per-replication matrices (replications x cells, column-major Eigen) as numpy arrays,
// and back. Views share the engine's memory; matrices made from arrays are copies (they come from
// another process, through pickling).

#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

namespace caseflow::python {

namespace py = pybind11;

template <class Scalar>
using EngineMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;

// (replications, periods, columns) over a replications x (periods * columns) column-major matrix whose
// cell index is period * columns + column: element (r, k, c) is at r + (k * columns + c) * replications.
// No copy: the array's base is `owner`, the Python object that owns the matrix, which it keeps alive.
// Read-only, because the summaries were computed from these very numbers.
template <class Scalar>
py::array_t<Scalar> periods_view(const EngineMatrix<Scalar>& matrix, size_t periods, size_t columns, py::handle owner) {
  const auto replications = static_cast<py::ssize_t>(matrix.rows());
  const auto item = static_cast<py::ssize_t>(sizeof(Scalar));
  std::vector<py::ssize_t> shape{replications, static_cast<py::ssize_t>(periods), static_cast<py::ssize_t>(columns)};
  std::vector<py::ssize_t> strides{item, item * replications * static_cast<py::ssize_t>(columns), item * replications};
  py::array_t<Scalar> view(shape, strides, matrix.data(), owner);
  view.attr("setflags")(py::arg("write") = false);
  return view;
}

// The matrix as it is: (replications, cells), Fortran order, read-only, sharing memory with `owner`.
template <class Scalar>
py::array_t<Scalar> matrix_view(const EngineMatrix<Scalar>& matrix, py::handle owner) {
  const auto item = static_cast<py::ssize_t>(sizeof(Scalar));
  std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(matrix.rows()), static_cast<py::ssize_t>(matrix.cols())};
  std::vector<py::ssize_t> strides{item, item * static_cast<py::ssize_t>(matrix.rows())};
  py::array_t<Scalar> view(shape, strides, matrix.data(), owner);
  view.attr("setflags")(py::arg("write") = false);
  return view;
}

// A copy of a (replications, cells) array as an engine matrix; throws std::invalid_argument (ValueError)
// naming `what` when it is not an array of that shape.
template <class Scalar>
EngineMatrix<Scalar> matrix_from_array(py::handle value, Eigen::Index replications, Eigen::Index cells,
                                       const std::string& what) {
  auto array = py::array_t<Scalar, py::array::f_style | py::array::forcecast>::ensure(value);
  if (!array || array.ndim() != 2 || array.shape(0) != replications || array.shape(1) != cells)
    throw std::invalid_argument(what + ": expected an array of shape (" + std::to_string(replications) + ", " +
                                std::to_string(cells) + ") for this scenario");
  return Eigen::Map<const EngineMatrix<Scalar>>(array.data(), replications, cells);
}

}  // namespace caseflow::python
