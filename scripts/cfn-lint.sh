#!/usr/bin/env bash
# Lints the synthesized CloudFormation templates (run `npm run synth:aws` first) with cfn-lint when it
# is installed. Debian ships no cfn-lint package and PyPI is out of reach here, so a machine without it
# skips with a message instead of failing. Exit 1 on any cfn-lint error (warnings are reported, not fatal).
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:-cdk.out}"

if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "cfn-lint not installed: skipped"
  exit 0
fi
shopt -s nullglob
templates=("$out"/*.template.json)
if [ ${#templates[@]} -eq 0 ]; then
  echo "cfn-lint: no templates in $out (run npm run synth:aws first)" >&2
  exit 1
fi

# --format parseable: one finding per line, "<file>:<line>:<col>:<line>:<col>:<rule>:<message>";
# rule ids starting with E are errors, W warnings, I informational.
report=$(cfn-lint --format parseable -- "${templates[@]}")
status=$?
errors=$(printf '%s\n' "$report" | grep -c ':E[0-9]\{4\}:' || true)
warnings=$(printf '%s\n' "$report" | grep -c ':W[0-9]\{4\}:' || true)
[ -n "$report" ] && printf '%s\n' "$report"
echo "cfn-lint: ${#templates[@]} templates, ${errors} errors, ${warnings} warnings ($(cfn-lint --version 2>&1))"
# cfn-lint exits 2 for errors, 4 for warnings, 8 for informational (bit flags); only errors fail.
if [ "$errors" -gt 0 ] || [ $((status & 2)) -ne 0 ] || [ $((status & 1)) -ne 0 ]; then exit 1; fi
exit 0
