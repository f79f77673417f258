"""Translates SAM templates to CloudFormation with AWS's own aws-sam-translator (the oracle of
SamTranslatorOracleTest, RealTemplatesCorpusTest): translate.py OUT_DIR [NAME=]TEMPLATE... writes OUT_DIR/NAME.json
(NAME defaults to the file's name), or OUT_DIR/NAME.error with SAM's message when SAM refuses the template.
Offline: no AWS call is made. The template is first made what `sam package` hands the translator: YAML timestamps
kept as text (as SAM CLI's loader keeps them), local code and state machine definitions as S3 locations."""
import datetime
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class Policies:
    def load(self):
        return {"AWSLambdaBasicExecutionRole":
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}


def as_text(node):
    """YAML 1.1 reads an unquoted 2010-09-09 as a date; SAM CLI's loader keeps it as the text it is."""
    if isinstance(node, dict):
        return {k: as_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [as_text(v) for v in node]
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    return node


def packaged(template):
    """Local code and definitions become S3 locations, as `sam package` uploads them before the translator runs
    (a function without CodeUri or InlineCode is packaged from the template's folder)."""
    template = as_text(template)
    resources = template.get("Resources", {}).values()
    functions = [template.get("Globals", {}).get("Function", {})]
    functions += [r.setdefault("Properties", {}) for r in resources if r.get("Type") == "AWS::Serverless::Function"]
    code_in_globals = "CodeUri" in functions[0]
    for index, properties in enumerate(functions):
        code = properties.get("CodeUri")
        if isinstance(code, str) and not code.startswith("s3://"):
            properties["CodeUri"] = "s3://portico-oracle/" + code.strip("/")
        elif (index > 0 and code is None and not code_in_globals and "InlineCode" not in properties
              and properties.get("PackageType") != "Image"):
            properties["CodeUri"] = "s3://portico-oracle/template-folder"
    for r in resources:
        properties = r.get("Properties", {})
        if r.get("Type") == "AWS::Serverless::StateMachine" and isinstance(properties.get("DefinitionUri"), str):
            properties["DefinitionUri"] = "s3://portico-oracle/" + properties["DefinitionUri"].strip("./")
    return template


out_dir = sys.argv[1]
for argument in sys.argv[2:]:
    name, _, path = argument.rpartition("=")
    name = name or os.path.splitext(os.path.basename(path))[0]
    with open(path) as f:
        template = packaged(yaml_parse(f.read()))
    try:
        result = transform(template, {}, Policies())
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(result, f, indent=1, default=str)
    except Exception as e:  # SAM's refusal is the oracle's answer
        with open(os.path.join(out_dir, name + ".error"), "w") as f:
            f.write(str(e))
