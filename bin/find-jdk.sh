# Sourced by ./hermes, ./mvnw and .ci/run: sets JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm (or $HERMES_JDK_DIRS).
# Debian's default java is 17 and Debian packages no newer JDK, so we look for an installed Temurin ourselves.
hermes_jdk_major() {
  # prints the feature version of the JDK at $1 (from its `release` file), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
hermes_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(hermes_jdk_major "$JAVA_HOME")
    [ -n "$v" ] && [ "$v" -ge 21 ] && return 0
  fi
  best=""; best_v=0
  # callers such as mvnw run with `set -f`; globbing is needed here only
  case $- in *f*) set +f; hermes_noglob=1 ;; *) hermes_noglob="" ;; esac
  for d in ${HERMES_JDK_DIRS:-/usr/lib/jvm}/*; do
    v=$(hermes_jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ -n "$hermes_noglob" ] && set -f
  if [ -z "$best" ]; then
    echo "hermes: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, searched ${HERMES_JDK_DIRS:-/usr/lib/jvm})." >&2
    echo "hermes: install one (e.g. Temurin 25 from https://adoptium.net, unpacked under /usr/lib/jvm) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"; export JAVA_HOME
}
