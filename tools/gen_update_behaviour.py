#!/usr/bin/env python3
"""Generate simulations/data/cfn-update-behaviour.tsv from the resource provider schemas in cfn-lint.

Why: CloudFormation's `createOnlyProperties` (a change replaces the resource) and
`conditionalCreateOnlyProperties` (a change may replace it) are machine-readable only in AWS's
resource provider schemas. cfn-lint (AWS's template linter, MIT-0, on PyPI) ships a copy of every
us-east-1 schema. The app must not need Python or the network at run time, and the raw schemas have
no stated licence, so we commit only this small derived table (see aws-facts.md, section 6).

Usage (regenerate after bumping the pinned version):

    python3 -m venv /tmp/cfnlint-venv
    /tmp/cfnlint-venv/bin/pip install cfn-lint==1.58.0
    /tmp/cfnlint-venv/bin/python tools/gen_update_behaviour.py > simulations/data/cfn-update-behaviour.tsv

The output is deterministic for a given cfn-lint version: rows and lists are sorted, and the
generation date comes from SOURCE_DATE_EPOCH when set (else today, UTC).

Columns (tab-separated, `-` = empty, lists comma-separated):
  type            resource type, e.g. AWS::DynamoDB::Table
  create_only     properties whose change replaces the resource; nested ones as `A/B`, `*` = any
                  array element or map key (schema paths `/properties/A/B` without the prefix)
  conditional     conditionalCreateOnlyProperties: a change *may* replace the resource
  primary_id      primaryIdentifier (`|` between parts of a compound identifier)
  name_property   the property that sets a custom physical name, by heuristic: the single top-level
                  primary identifier when it is create-only, not read-only and name-like (ends in
                  Name or Identifier, or is `<TypeName>Id`: TableName, BucketName,
                  DBInstanceIdentifier, ReplicationGroupId), else a create-only `<TypeName>Name` or `Name`
                  (QueueName). simulations/data/cfn-curated.toml overrides it where known.
"""

import datetime
import json
import os
import sys
from pathlib import Path

import cfnlint

PREFIX = "/properties/"


def strip(path: str) -> str:
    return path[len(PREFIX):] if path.startswith(PREFIX) else path


def props(schema: dict, key: str) -> list:
    return sorted({strip(p) for p in schema.get(key) or []})


def name_property(type_name: str, schema: dict, create_only: list) -> str:
    read_only = {strip(p) for p in schema.get("readOnlyProperties") or []}
    primary = [strip(p) for p in schema.get("primaryIdentifier") or []]
    top_level = set(schema.get("properties") or {})
    suffix = type_name.split("::")[-1]
    if len(primary) == 1 and primary[0] in create_only and primary[0] not in read_only:
        p = primary[0]
        # A create-only primary identifier is often a parent's ARN or id (a reference, not a
        # name you choose): accept only name-like ones.
        if p in top_level and (
            p.endswith(("Name", "Identifier")) or p == f"{suffix}Id"
        ):
            return p
    for candidate in (f"{suffix}Name", "Name"):
        if candidate in create_only and candidate not in read_only:
            return candidate
    return "-"


def cell(items: list) -> str:
    return ",".join(items) if items else "-"


def main() -> int:
    root = Path(cfnlint.__file__).parent / "data" / "schemas"
    providers_json = root / "providers" / "us-east-1.json"
    if providers_json.exists():
        providers = json.loads(providers_json.read_text())
        source = "cfnlint/data/schemas/providers/us-east-1.json -> resources/<hash>.json"
    else:
        # Older cfn-lint 1.x (e.g. 1.51) keeps the same map as a Python module.
        import importlib

        providers = importlib.import_module("cfnlint.data.schemas.providers.us_east_1").types
        source = "cfnlint/data/schemas/providers/us_east_1.py -> resources/<hash>.json"
    version = getattr(cfnlint, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("cfn-lint")
    version_file = root / "version.json"
    schema_date = (
        json.loads(version_file.read_text()).get("schema_date", "unknown")
        if version_file.exists()
        else "unknown"
    )
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
        if epoch
        else datetime.datetime.now(datetime.timezone.utc)
    ).date()
    out = sys.stdout
    out.write("# CloudFormation update behaviour per resource type (generated; do not edit by hand)\n")
    out.write(f"# source: cfn-lint {version} (PyPI), {source}\n")
    out.write(f"# schema_date: {schema_date}\n")
    out.write(f"# generated: {today.isoformat()} by tools/gen_update_behaviour.py\n")
    out.write("# columns: type\tcreate_only\tconditional\tprimary_id\tname_property\n")
    for type_name in sorted(providers):
        schema = json.loads((root / "resources" / f"{providers[type_name]}.json").read_text())
        create_only = props(schema, "createOnlyProperties")
        conditional = props(schema, "conditionalCreateOnlyProperties")
        primary = "|".join(strip(p) for p in schema.get("primaryIdentifier") or []) or "-"
        row = [
            type_name,
            cell(create_only),
            cell(conditional),
            primary,
            name_property(type_name, schema, create_only),
        ]
        out.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
