# Sourced by the project's scripts (.ci/run, infra/local/run, infra/setup-doctor/doctor, bench/*.sh), or by hand
# (`. infra/java25.sh` in an interactive shell): makes `java` and `mvn` run on a JDK 25 or newer, the Java major of
# the deployed Lambda runtime (java25).
#   1. $JAVA_HOME when it holds a JDK >= 25;
#   2. the `java` on PATH when it is >= 25;
#   3. in the usual install folders (Debian/Ubuntu and RPM /usr/lib/jvm, SDKMAN, macOS), a JDK 25, else the
#      oldest newer one (the closest to the runtime).
# Exports JAVA_HOME and puts its bin first on PATH. When none is found it prints what to install and fails: the
# sourcing script stops (set -e), an interactive shell just gets status 1.
# Keep it POSIX-ish bash: the scripts run with `set -euo pipefail`.

# Prints the feature release (17, 21, 25...) of the java binary $1, or nothing when it does not run.
axpay_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^[[:space:]]*java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -1
}

axpay_select_java25() {
  local required=25 candidate major best="" best_major=1000
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(axpay_java_major "$JAVA_HOME/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate="$(command -v java)"
    major="$(axpay_java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
      # the real JDK folder behind the PATH entry (Debian's alternatives are symlinks)
      candidate="$(readlink -f "$candidate" 2>/dev/null || echo "$candidate")"
      export JAVA_HOME="$(cd "$(dirname "$candidate")/.." && pwd)"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/ "${SDKMAN_DIR:-$HOME/.sdkman}"/candidates/java/*/ \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
    [ -x "${candidate}bin/java" ] && [ -x "${candidate}bin/javac" ] || continue
    major="$(axpay_java_major "${candidate}bin/java")"
    if [ -n "$major" ] && [ "$major" -ge "$required" ] && [ "$major" -lt "$best_major" ]; then
      best="${candidate%/}" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "This project needs JDK $required or newer (the Lambda runtime is java$required); found none." >&2
    echo "Install one (for example Eclipse Temurin 25, or your distribution's openjdk-25-jdk) and either put it" >&2
    echo "first on PATH or point JAVA_HOME at it: export JAVA_HOME=/path/to/jdk-25" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

axpay_select_java25 || return 1 2>/dev/null || exit 1
