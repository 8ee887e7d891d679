"""The command-line contract: every algorithm id, parameter name and output name of release 0.1.0
(tests/contract/contract_0.1.0.json, written from that release) still exists. New ones may be added."""
import json
import os

from conftest import ROOT

FROZEN = os.path.join(ROOT, "tests", "contract", "contract_0.1.0.json")


def test_every_released_id_parameter_and_output_still_exists(qgis_app):
    from qgis.core import QgsApplication

    with open(FROZEN, encoding="utf-8") as fh:
        released = json.load(fh)
    assert len(released) == 15  # 11 algorithms and 4 workflows
    current = {alg.id(): alg for alg in QgsApplication.processingRegistry().providerById("cryo").algorithms()}
    missing = []
    for algorithm_id, names in sorted(released.items()):
        algorithm = current.get(algorithm_id)
        if algorithm is None:
            missing.append(algorithm_id)
            continue
        parameters = {p.name() for p in algorithm.parameterDefinitions()}
        outputs = {o.name() for o in algorithm.outputDefinitions()}
        missing += ["{} parameter {}".format(algorithm_id, n) for n in names["parameters"] if n not in parameters]
        missing += ["{} output {}".format(algorithm_id, n) for n in names["outputs"] if n not in outputs]
    assert not missing, "released names that are gone (add, don't rename):\n" + "\n".join(missing)


def test_parameters_added_since_the_release_are_optional(qgis_app):
    """A model or script written for 0.1.0 gives only the released parameters: every parameter added since must be
    optional (a mandatory newcomer makes such a model fail to validate: "Parameter ... is mandatory")."""
    from qgis.core import QgsApplication

    from cryo_qgis_plugin.compat import FLAG_OPTIONAL

    with open(FROZEN, encoding="utf-8") as fh:
        released = json.load(fh)
    current = {alg.id(): alg for alg in QgsApplication.processingRegistry().providerById("cryo").algorithms()}
    mandatory = ["{} {}".format(algorithm_id, p.name()) for algorithm_id, names in sorted(released.items())
                 if algorithm_id in current for p in current[algorithm_id].parameterDefinitions()
                 if p.name() not in names["parameters"] and not p.isDestination() and not p.flags() & FLAG_OPTIONAL]
    assert not mandatory, "parameters added since 0.1.0 that are mandatory:\n" + "\n".join(mandatory)
