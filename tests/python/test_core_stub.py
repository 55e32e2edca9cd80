"""The type stubs of the compiled core (bindings/caseflow/_core.pyi) describe exactly what it exports: every public
name of caseflow._core is in the stub and every name of the stub in _core, with the same parameters."""

import ast
import inspect
import pathlib

import pytest

from caseflow import _core

STUB = pathlib.Path(_core.__file__).with_name("_core.pyi")  # staged beside the module, as type checkers look for it


def public(names):
    return {name for name in names if not name.startswith("_")}


def stub_tree():
    return ast.parse(STUB.read_text())


def stub_names(body):
    """{name: node} of the definitions in a module's or class's body (imports are not definitions)."""
    names = {}
    for node in body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.Assign):
            names.update({target.id: node for target in node.targets if isinstance(target, ast.Name)})
    return names


def is_property(node):
    return isinstance(node, ast.FunctionDef) and any(
        isinstance(decorator, ast.Name) and decorator.id == "property" for decorator in node.decorator_list)


def signature_names(function):
    """The parameter names of a pybind11 function, from the signature on the first line of its docstring."""
    line = function.__doc__.splitlines()[0]
    inside, depth, names, current = line[line.index("(") + 1:], 0, [], ""
    for character in inside:
        if character in "[(":
            depth += 1
        elif character in "])":
            if depth == 0:
                break
            depth -= 1
        if character == "," and depth == 0:
            names.append(current)
            current = ""
        else:
            current += character
    names.append(current)
    return [name.split(":")[0].strip() for name in names if name.strip()]


def stub_parameter_names(node):
    return [argument.arg for argument in node.args.args]


def test_the_stub_is_staged_beside_the_module():
    assert STUB.is_file()


def test_every_public_name_of_the_module_is_in_the_stub_and_no_other():
    names = stub_names(stub_tree().body)
    assert "__version__" in names and isinstance(_core.__version__, str)
    assert public(dir(_core)) == public(names)


@pytest.mark.parametrize("name", sorted(node.name for node in ast.parse(STUB.read_text()).body
                                        if isinstance(node, ast.ClassDef)))
def test_every_member_of_a_class_is_in_the_stub_as_what_it_is(name):
    cls = getattr(_core, name)
    members = stub_names(next(node for node in stub_tree().body if isinstance(node, ast.ClassDef) and node.name == name).body)
    assert public(dir(cls)) == public(members)
    for member, node in members.items():
        attribute = inspect.getattr_static(cls, member)
        assert isinstance(attribute, property) == is_property(node), f"{name}.{member}: property or not"
        if not is_property(node):  # methods name self, static methods do not: both as the stub spells them
            assert signature_names(getattr(cls, member)) == stub_parameter_names(node), f"{name}.{member}"


@pytest.mark.parametrize("name", sorted(node.name for node in ast.parse(STUB.read_text()).body
                                        if isinstance(node, ast.FunctionDef)))
def test_every_function_takes_the_parameters_the_stub_gives_it(name):
    node = stub_names(stub_tree().body)[name]
    assert signature_names(getattr(_core, name)) == stub_parameter_names(node)
