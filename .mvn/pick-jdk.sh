# Sourced by ./mvnw and .ci/run (POSIX sh): makes JAVA_HOME a JDK of at least 21, which the Zeebe engine and the
# build need. A JAVA_HOME that is set and new enough is kept (or, with none set, a java on the PATH that is);
# otherwise the newest JDK >= 21 under /usr/lib/jvm is used (on Debian the default java may be 17). With none, it
# stops and says what to install.
cso_java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

cso_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    cso_version=$(cso_java_version "$JAVA_HOME")
    if [ -n "$cso_version" ] && [ "$cso_version" -ge 21 ]; then
      return 0
    fi
  fi
  # No JAVA_HOME, but the java on the PATH is new enough (e.g. macOS, SDKMAN): Maven uses that one.
  if [ -z "${JAVA_HOME-}" ] && command -v java >/dev/null 2>&1; then
    cso_version=$(java -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
    if [ -n "$cso_version" ] && [ "$cso_version" -ge 21 ]; then
      return 0
    fi
  fi
  cso_best=""
  cso_best_version=0
  case $- in *f*) cso_noglob=1 ;; *) cso_noglob="" ;; esac
  set +f
  for cso_dir in /usr/lib/jvm/*/; do
    [ -x "${cso_dir}bin/javac" ] || continue
    cso_version=$(cso_java_version "${cso_dir%/}")
    if [ -n "$cso_version" ] && [ "$cso_version" -ge 21 ] && [ "$cso_version" -gt "$cso_best_version" ]; then
      cso_best="${cso_dir%/}"
      cso_best_version="$cso_version"
    fi
  done
  [ -z "$cso_noglob" ] || set -f
  if [ -z "$cso_best" ]; then
    echo "This project needs a JDK 21 or newer. JAVA_HOME is ${JAVA_HOME:-not set}, and there is none under" \
      "/usr/lib/jvm. Install one, for example: sudo apt-get install -y openjdk-21-jdk (Debian 13) or a" \
      "Temurin 21 JDK (Debian 12), or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$cso_best"
  export JAVA_HOME
  echo "Using the JDK at $JAVA_HOME (JAVA_HOME was unset or older than 21)" >&2
}

cso_pick_jdk
