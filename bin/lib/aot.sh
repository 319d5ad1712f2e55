# Sourced by bin/cloudya-up. CLOUDYA_AOT=true starts each Spring part from its extracted jar with a JDK 25 AOT cache
# (JEP 483/514/515): classes loaded and linked ahead of time, so a part starts in about half the time (its resident
# memory stays the same: the cache's mapped pages replace the metaspace it saves). A part's cache is made by one
# training run that stops right after the Spring context refresh (-Dspring.context.exit=onRefresh: before any
# listener, web server or CDC engine starts, so it serves and sends nothing), and is made again when the jar, the
# JDK or the part's JVM options change. The Kafka broker is not a Spring application and starts from its jar.
AOT_DIR="$VAR_DIR/aot"
AOT_PARTS=(gateway-service auth-service command-service token-service billing-service ai-worker cdc-relay)

aot_enabled() {
  case "${CLOUDYA_AOT:-false}" in
    true) return 0 ;;
    false) return 1 ;;
    *) echo "CLOUDYA_AOT must be true or false, was ${CLOUDYA_AOT}" >&2; exit 1 ;;
  esac
}

aot_applies_to() {
  aot_enabled || return 1
  local part
  for part in "${AOT_PARTS[@]}"; do [ "$part" = "$1" ] && return 0; done
  return 1
}

# What the cache depends on: the jar itself, the JDK (read from its release file: `java -version` costs ~0.5 s, and
# this runs three times per part) and every JVM option given to the part.
aot_stamp() {
  echo "$(stat -c '%s %Y' "$(jar_of "$1")") $(grep '^JAVA_RUNTIME_VERSION=' "$JAVA_HOME/release") $(jvm_opts_of "$1")"
}

aot_ready() { [ -f "$AOT_DIR/$1/app.aot" ] && [ "$(cat "$AOT_DIR/$1/stamp" 2>/dev/null)" = "$(aot_stamp "$1")" ]; }

# Extracts the jar and runs the training; the stamp is written last, so a failed training is retried next start.
aot_train() {
  local part=$1 dir="$AOT_DIR/$1" jar
  jar=$(basename "$(jar_of "$part")")
  rm -rf "$dir" && mkdir -p "$dir"
  java -Djarmode=tools -jar "$(jar_of "$part")" extract --destination "$dir/app" >"$dir/train.log" 2>&1 || return 1
  # shellcheck disable=SC2086
  RELAY_DATA_DIR="$dir/relay-training" java $(jvm_opts_of "$part") -Dcloudya.training="$part" \
    -XX:AOTCacheOutput="$dir/app.aot" -Dspring.context.exit=onRefresh -jar "$dir/app/$jar" >>"$dir/train.log" 2>&1
  rm -rf "$dir/relay-training"
  [ -f "$dir/app.aot" ] && aot_stamp "$part" >"$dir/stamp"
}

# Trains, side by side, the parts whose cache is missing or stale. Needs PostgreSQL and Kafka up (the contexts
# migrate their databases and declare their topics during the refresh).
aot_prepare() {
  aot_enabled || return 0
  local part pids=() started=$SECONDS
  for part in "${AOT_PARTS[@]}"; do
    aot_ready "$part" && continue
    aot_train "$part" & pids+=($!)
  done
  [ ${#pids[@]} = 0 ] && return 0
  echo "Training the AOT caches of ${#pids[@]} parts (once per jar; logs in $AOT_DIR/*/train.log)..."
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  echo "AOT caches trained in $((SECONDS - started)) s"
}

# The options and jar a part starts with: its cache and extracted jar when ready, otherwise the fat jar as before.
aot_opts() { aot_applies_to "$1" && aot_ready "$1" && echo "-XX:AOTCache=$AOT_DIR/$1/app.aot"; return 0; }

launch_jar_of() {
  if aot_applies_to "$1" && aot_ready "$1"; then
    echo "$AOT_DIR/$1/app/$(basename "$(jar_of "$1")")"
  else
    jar_of "$1"
  fi
}
