#!/usr/bin/env bash
# Sourced by the scripts that run the job from the Maven classpath (run-local.sh, parquet-copy.sh): sets $jar and
# $classpath_file, and builds the shaded jar when it is missing or older than the sources, and the runtime
# classpath file when it is missing or older than pom.xml. Expects the current directory to be the repository.
jar="target/spark-hpo-0.1.0-SNAPSHOT.jar"
classpath_file="target/runtime-classpath.txt"
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  echo "spark-hpo: building $jar (first run downloads dependencies; a few minutes)" >&2
  mvn -B -q -Dstyle.color=never -DskipTests package >&2
fi
if [ ! -f "$classpath_file" ] || [ pom.xml -nt "$classpath_file" ]; then
  mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$classpath_file" >&2
fi
