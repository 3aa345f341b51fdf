#!/bin/sh
# Validates YAML files against a JSON Schema (default: the table-description schema).
#
#   scripts/validate-schema.sh [--schema schema/FILE.json] FILE.yaml...
#
# Needs python3 with the jsonschema and PyYAML modules. The schema checks shape only; deid itself also checks
# what a schema cannot (one root per hierarchy, no cycles, each column used once, …). Exit 0 when every file
# is valid, 1 when one is not, 2 on usage errors.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
schema="$here/../schema/table-description.schema.json"
if [ "${1:-}" = "--schema" ]; then
    [ $# -ge 2 ] || { echo "usage: $0 [--schema SCHEMA.json] FILE.yaml..." >&2; exit 2; }
    schema=$2
    shift 2
fi
[ $# -ge 1 ] || { echo "usage: $0 [--schema SCHEMA.json] FILE.yaml..." >&2; exit 2; }

exec python3 - "$schema" "$@" <<'PY'
import json, sys
try:
    import jsonschema, yaml
except ImportError as e:
    sys.exit(f"validate-schema: {e}; install python3-jsonschema and python3-yaml")

schema_path, files = sys.argv[1], sys.argv[2:]
with open(schema_path) as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)

def as_json(value):
    # JSON object keys are strings; YAML's may be numbers or booleans (a hierarchy parent `2020:`).
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, bool) else str(k).lower(): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value

failed = False
for path in files:
    try:
        with open(path) as f:
            document = as_json(yaml.safe_load(f))
    except (OSError, yaml.YAMLError) as e:
        print(f"{path}: error: {e}")
        failed = True
        continue
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        print(f"{path}: error: {where}: {e.message}")
    if errors:
        failed = True
    else:
        print(f"{path}: ok")
sys.exit(1 if failed else 0)
PY
