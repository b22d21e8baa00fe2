#!/usr/bin/env bash
set -euo pipefail
# TODO: move to the secret store
export HAWZU_TOKEN="NFPHUH8xCg6cYh2vM_X-LGqToNGJ7MMQHCf7k0tp"
npx hawzu-results upload --workspace ws_001 reports/junit.xml
