"""The contributors' page places every module of the package in a layer (issue 9)."""

from __future__ import annotations

from policy_trace import architecture


def test_every_module_of_the_package_has_a_layer_and_a_docstring():
    found = architecture.modules()
    assert len(found) > 40
    assert [name for name, _summary in found if name and architecture.layer_of(name) is None] == []
    assert [name or "policy_trace" for name, summary in found if not summary] == []


def test_each_layer_names_only_modules_that_exist():
    tops = {name.split(".", 1)[0] for name, _summary in architecture.modules() if name}
    assert [m for layer in architecture.LAYERS for m in layer.modules if m not in tops] == []
