"""Offline SAM transform of a template, as CloudFormation would run it, for linting the generated resources.

usage: python3 sam-transform.py TEMPLATE OUTPUT.json

Local CodeUris (the built jars) become s3:// placeholders, as `sam package` would upload them; no AWS call is made
(the managed-policy loader answers from nothing, the region is a fixed placeholder unless AWS_REGION says otherwise).
"""
import json
import os
import sys

from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no AWS managed policy by name, so there is nothing to look up."""

    def load(self):
        return {}


def local_to_s3(code_uri):
    if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
        return "s3://placeholder-bucket/" + code_uri.replace("/", "-")
    return code_uri


def main(source, target):
    os.environ.setdefault("AWS_DEFAULT_REGION", os.environ.get("AWS_REGION", "eu-south-1"))
    with open(source, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    function_globals = template.get("Globals", {}).get("Function", {})
    if "CodeUri" in function_globals:
        function_globals["CodeUri"] = local_to_s3(function_globals["CodeUri"])
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        if "CodeUri" in properties:
            properties["CodeUri"] = local_to_s3(properties["CodeUri"])
    try:
        transformed = transform(template, {}, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print("SAM transform: " + cause.message, file=sys.stderr)
        return 1
    with open(target, "w", encoding="utf-8") as f:
        json.dump(transformed, f, indent=1)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
