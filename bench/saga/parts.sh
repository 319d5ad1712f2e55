# Sourced by the saga bench scripts: the suite's JVMs are the processes started with -Dcloudya.part=<name>.
source "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib/java.sh"
# the suite and the bench drivers share this secret: the drivers fund their users with signed top-up webhooks
export STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET:-whsec_bench}
part_of() { tr '\0' ' ' < "/proc/$1/cmdline" | grep -o 'cloudya.part=[a-z-]*' | cut -d= -f2; }
# "<part> <VmRSS> MiB" per JVM, largest first
rss_by_part() {
  for p in $(pgrep -f cloudya.part=); do
    echo "$(part_of "$p") $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$p/status") MiB"
  done | sort -k2 -n -r
}
# A fresh suite of this checkout's jars (relay offsets cleared, rate limits out of the way), its output in $1;
# returns once it says it is up
start_suite() {
  rm -rf var/relay
  RATE_FREE_RPM=1000000 RATE_FREE_BURST=1000000 ./bin/cloudya-up --no-build > "$1" 2>&1 &
  for _ in $(seq 1 60); do grep -q "is up" "$1" && break; sleep 3; done
}
# cloudya-down, then any suite JVM that outlived it (a stray JVM spoils the next run's numbers)
stop_suite() {
  bin/cloudya-down > /dev/null 2>&1; sleep 5; pkill -f cloudya.part=; sleep 5; pkill -9 -f cloudya.part=
}
