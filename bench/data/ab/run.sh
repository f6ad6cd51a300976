#!/usr/bin/env bash
# Before/after of the data-pipeline cases in ONE JVM: the baseline's and this tree's classes in two class loaders,
# calls alternating, so load from other processes (shared caches and memory) hits both sides alike. Separate runs
# of bench/data/run.sh varied by ±30 % on a shared 2-core machine; this comparison is stable to a few per cent.
#
#   bench/data/ab/run.sh BASE_COMMIT [reps]     (CORE=0 by default; builds the baseline in a temporary folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
base_commit="$1"
reps="${2:-200}"
core="${CORE:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$root/bench/cli-classpath.sh" # builds this tree's CLI; $cp = its jar and libraries
libs=""
for lib in "$root"/unet4j-cli/target/lib/*.jar; do case $lib in */unet4j-*) ;; *) libs="$libs:$lib" ;; esac; done
(cd "$root" && git archive "$base_commit") | tar -x -C "$work"
(cd "$work" && mvn -B -q -DskipTests -pl unet4j-core,unet4j-io -am compile >&2)
for side in base new; do
  src="$work"
  [ "$side" = new ] && src="$root"
  side_cp="$src/unet4j-core/target/classes:$src/unet4j-io/target/classes$libs"
  [ "$side" = new ] && (cd "$root" && mvn -B -q -DskipTests -pl unet4j-core,unet4j-io compile >&2)
  mkdir -p "$work/$side"
  javac -d "$work/$side" -cp "$side_cp" "$root/bench/data/DataBench.java" "$here/Cases.java"
  declare "cp_$side=$work/$side:$side_cp"
done
javac -d "$work/ab" "$here/AB.java"
taskset -c "$core" java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -cp "$work/ab" AB "$cp_base" "$cp_new" "$reps"
