/**
 * The files a run leaves in {@code <hpo.output.dir>/<run id>}: the trial journal {@code trials.jsonl} (enough to
 * resume), {@code trials.csv}, {@code best.json} and {@code summary.txt}, each replaced whole and atomically
 * through the Hadoop file system API so that run directories on file://, hdfs:// and s3a:// behave alike.
 */
package org.sparkhpo.report;
