#pragma once
// The engine's output tables (output_table.hpp: the tables the CSV files are written from) as Python
// builds its DataFrames from them: a list of (column name, values) pairs in the files' column order.
// Numbers become float64 arrays that take over the engine's memory (no copy), dates datetime64[ns]
// arrays, text lists of str.

#include <vector>

#include <pybind11/pybind11.h>

#include "caseflow/output/output_table.hpp"

namespace caseflow::python {

pybind11::list python_table(OutputTable table);

// {file name: python_table(...)}, in the order given.
pybind11::dict python_tables(std::vector<NamedTable> tables);

}  // namespace caseflow::python
