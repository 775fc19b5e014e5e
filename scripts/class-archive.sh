#!/usr/bin/env bash
# Sourced by run-local.sh after build-jar.sh: sets $class_archive_options, the JVM options of an application class
# data sharing (AppCDS) archive of the job's classes (JEP 350, dynamic archives, Java 13+).
#
# Starting Spark loads and verifies some 10,000 classes; an archive maps them ready-made into memory, which takes
# seconds off the JVM and Spark start and off the first model write (measured in BENCHMARKS.md). The first run
# after the jar or the classpath changed writes the archive when it exits (-XX:ArchiveClassesAtExit, a few
# seconds more at exit); later runs use it (-XX:SharedArchiveFile with -Xshare:auto, so a stale or unreadable
# archive is ignored, never an error). Archives live in target/cds/, one file per writing process, so concurrent
# runs never write the same file; the newest archive newer than the jar and the classpath file is used.
# SPARK_HPO_CDS=0 turns it off. Expects $jar and $classpath_file (build-jar.sh) and the repository as the
# current directory.
class_archive_options=()
if [ "${SPARK_HPO_CDS:-1}" != "0" ]; then
  mkdir -p target/cds
  archive=""
  for candidate in $(ls -t target/cds/*.jsa 2>/dev/null); do
    if [ "$candidate" -nt "$jar" ] && [ "$candidate" -nt "$classpath_file" ]; then
      archive="$candidate"
      break
    fi
  done
  # The JVM's CDS log lines (skipped signed jars, archive checks) are not the user's business.
  if [ -n "$archive" ]; then
    class_archive_options=(-Xshare:auto "-XX:SharedArchiveFile=$archive" "-Xlog:cds*=off")
  else
    find target/cds -name '*.jsa' ! -newer "$jar" -delete 2>/dev/null || true
    class_archive_options=("-XX:ArchiveClassesAtExit=target/cds/spark-hpo-$$.jsa" "-Xlog:cds*=off")
  fi
fi
