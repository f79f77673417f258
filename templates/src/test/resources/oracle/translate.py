"""Translates SAM templates to CloudFormation with AWS's own aws-sam-translator (the oracle of
SamTranslatorOracleTest): translate.py OUT_DIR TEMPLATE... writes OUT_DIR/NAME.json, or OUT_DIR/NAME.error with
SAM's message when SAM refuses the template. Offline: no AWS call is made."""
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


def packaged(template):
    """Local CodeUri values become S3 locations, as `sam package` uploads them before the translator runs."""
    functions = [template.get("Globals", {}).get("Function", {})]
    functions += [r.get("Properties", {}) for r in template.get("Resources", {}).values()
                  if r.get("Type") == "AWS::Serverless::Function"]
    for properties in functions:
        code = properties.get("CodeUri")
        if isinstance(code, str) and not code.startswith("s3://"):
            properties["CodeUri"] = "s3://portico-oracle/" + code.strip("/")
    return template


out_dir = sys.argv[1]
for path in sys.argv[2:]:
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path) as f:
        template = packaged(yaml_parse(f.read()))
    try:
        result = transform(template, {}, Policies())
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(result, f, indent=1, default=str)
    except Exception as e:  # SAM's refusal is the oracle's answer
        with open(os.path.join(out_dir, name + ".error"), "w") as f:
            f.write(str(e))
