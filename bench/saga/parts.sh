# Sourced by the saga bench scripts: the suite's JVMs are the processes started with -Dcloudya.part=<name>.
part_of() { tr '\0' ' ' < "/proc/$1/cmdline" | grep -o 'cloudya.part=[a-z-]*' | cut -d= -f2; }
# "<part> <VmRSS> MiB" per JVM, largest first
rss_by_part() {
  for p in $(pgrep -f cloudya.part=); do
    echo "$(part_of "$p") $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$p/status") MiB"
  done | sort -k2 -n -r
}
