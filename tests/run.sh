#!/usr/bin/env bash
# Run every test (arguments go to pytest). Where the machine allows it, the run happens in a
# network namespace with only loopback, which proves the site and the tests reach nothing outside.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=(.venv/bin/python -m pytest -n 2 "$@")  # two workers: the machines have two cores
if unshare -n true 2>/dev/null && command -v ip >/dev/null; then
  echo "Running tests with the network cut (loopback only)."
  exec unshare -n bash -c 'ip link set lo up && exec "$@"' bash "${cmd[@]}"
fi
{
  echo "************************************************************************************************"
  echo "WARNING: the network is NOT cut: this machine refuses 'unshare -n' (it needs CAP_SYS_ADMIN) or has"
  echo "no 'ip' command. The tests run with the network up; the browser tests still fail on any request"
  echo "that leaves the machine, but nothing else is stopped from reaching outside."
  echo "************************************************************************************************"
} >&2
exec "${cmd[@]}"
