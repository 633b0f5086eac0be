#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image: it installs the Java
# 17 that the threadlab grader needs, and bubblewrap, the sandbox each test JVM runs in. A JDK,
# not only a runtime: the grader compiles each submission with the JDK's compiler. Headless:
# nothing graphical is needed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap
chmod +x /autograder/source/run_autograder
java -jar /autograder/source/grader.jar --version
