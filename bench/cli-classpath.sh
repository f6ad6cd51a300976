# Sourced by the benchmark scripts (with $root set to the repository): builds the CLI without tests and sets $cp to
# its jar and libraries, the class path the harnesses compile and run against.
(cd "$root" && mvn -B -q -DskipTests -pl unet4j-cli -am package >&2)
cp="$root/unet4j-cli/target/unet4j-cli.jar"
for lib in "$root"/unet4j-cli/target/lib/*.jar; do cp="$cp:$lib"; done
