# Sourced by .ci/run and the checks in .ci/checks (not a check itself).
#
# ci_install LABEL PACKAGE...: installs the Debian packages with apt-get when any are given; as a
# non-root user it fails with one line naming them instead.
ci_install() {
  local label=$1
  shift
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "$label: missing $* and not root to install them" >&2
    exit 1
  fi
  echo "$label: installing $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "$@"
}

# ci_need_cvxopt LABEL: /usr/bin/python3 with NumPy and cvxopt (Debian's packages), installed if missing.
ci_need_cvxopt() {
  if ! /usr/bin/python3 -c 'import numpy, cvxopt' > /dev/null 2>&1; then
    ci_install "$1" python3 python3-numpy python3-cvxopt
  fi
}
