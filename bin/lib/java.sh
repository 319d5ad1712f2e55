# Sourced by the scripts: selects a JDK >= 21 (Temurin 25 preferred) and exports JAVA_HOME, PATH and JAVA_MAJOR.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /usr/lib/jvm/*-21-* /usr/lib/jvm/*21*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH" JAVA_MAJOR="$major"
      return 0
    fi
  done
  echo "No JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm); install Temurin 25." >&2
  return 1
}

select_jdk
