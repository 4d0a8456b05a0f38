# Sourced by ./hermes, ./mvnw and .ci/run: sets JAVA_HOME to a JDK >= 21, and HERMES_JDK_MAJOR to its feature version.
# Order: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm (or $HERMES_JDK_DIRS).
# Debian's default java is 17 and Debian packages no newer JDK, so we look for an installed Temurin ourselves.
# No subprocesses: bin/hermes runs this on every start, and each fork would add milliseconds to `hermes -z`.
hermes_jdk_version() {
  # sets hermes_jdk_v to the feature version of the JDK at $1 (from its `release` file), or to nothing
  hermes_jdk_v=""
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -r "$1/release" ] || return 0
  while IFS= read -r hermes_line || [ -n "$hermes_line" ]; do
    case $hermes_line in
      JAVA_VERSION=*)
        hermes_line=${hermes_line#JAVA_VERSION=\"}
        hermes_jdk_v=${hermes_line%%[!0-9]*}
        return 0 ;;
    esac
  done <"$1/release"
}
hermes_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    hermes_jdk_version "$JAVA_HOME"
    if [ -n "$hermes_jdk_v" ] && [ "$hermes_jdk_v" -ge 21 ]; then
      HERMES_JDK_MAJOR=$hermes_jdk_v
      return 0
    fi
  fi
  best=""; best_v=0
  # callers such as mvnw run with `set -f`; globbing is needed here only
  case $- in *f*) set +f; hermes_noglob=1 ;; *) hermes_noglob="" ;; esac
  for d in ${HERMES_JDK_DIRS:-/usr/lib/jvm}/*; do
    hermes_jdk_version "$d"
    if [ -n "$hermes_jdk_v" ] && [ "$hermes_jdk_v" -ge 21 ] && [ "$hermes_jdk_v" -gt "$best_v" ]; then
      best="$d"; best_v="$hermes_jdk_v"
    fi
  done
  [ -n "$hermes_noglob" ] && set -f
  if [ -z "$best" ]; then
    echo "hermes: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, searched ${HERMES_JDK_DIRS:-/usr/lib/jvm})." >&2
    echo "hermes: install one (e.g. Temurin 25 from https://adoptium.net, unpacked under /usr/lib/jvm) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"; export JAVA_HOME
  HERMES_JDK_MAJOR=$best_v
}
