#!/usr/bin/env python3
"""Run crosscheck over a JSON-lines archive on Apache Spark, one story per group (docs/scale.md).

usage: spark_compare.py ARCHIVE OUT_DIR [--crosscheck PATH] [--partitions N] [--master URL]

Reads ARCHIVE (one article per line, as `crosscheck compare --input-format jsonl` reads them),
groups the lines by their "story" (an article without one belongs to the story named after the
archive's file stem, as crosscheck decides), and pipes each partition, its stories' lines kept
together and in archive order, through

    crosscheck compare - --input-format jsonl --format jsonl --threads 1

Spark runs one such process per partition, as many at a time as it has cores; each process
streams its stories through one at a time. The claims (one JSON object per line, with its
story) are written to OUT_DIR as Spark text part files. --master defaults to local[*] (this
machine); on a cluster, crosscheck must be installed at the same path on every worker.
"""
import json, os, shlex, sys

from pyspark.sql import SparkSession


def option(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def keyed(default_story):
    """(story, (line number, line)) for one archive line; a line without a story gets one."""
    def key(pair):
        line, number = pair
        article = json.loads(line)
        if "story" not in article:
            article["story"] = default_story
            line = json.dumps(article, ensure_ascii=False)
        return article["story"], (number, line)
    return key


def main():
    args = sys.argv[1:]
    archive, out = args[0], args[1]
    binary = os.path.abspath(option(args, "--crosscheck", "crosscheck"))
    partitions = int(option(args, "--partitions", "4"))
    master = option(args, "--master", "local[*]")
    default_story = os.path.splitext(os.path.basename(archive))[0]

    spark = (SparkSession.builder.master(master).appName("crosscheck")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    lines = spark.sparkContext.textFile(archive).filter(lambda l: l.strip())
    stories = lines.zipWithIndex().map(keyed(default_story)).groupByKey(partitions)
    # Each story's lines, in archive order, one after the other within its partition: the
    # grouped input crosscheck streams through.
    grouped = stories.flatMap(lambda kv: [line for _, line in sorted(kv[1])])
    command = [binary, "compare", "-", "--input-format", "jsonl", "--format", "jsonl",
               "--threads", "1"]
    claims = grouped.pipe(" ".join(shlex.quote(c) for c in command), checkCode=True)
    claims.saveAsTextFile(out)
    spark.stop()


if __name__ == "__main__":
    main()
