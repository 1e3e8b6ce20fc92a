#pragma once

#include "data/dataset.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace rs {

// One of `count` disjoint parts of a dataset, for running extraction as a scheduler's array
// of tasks. An image belongs to the shard its relative path hashes to, so every task picks
// its images on its own, from its own scan, and no file is read by two tasks whatever order
// the file system lists them in.
struct Shard
{
    int index = 0; // 0 .. count - 1
    int count = 1;

    bool whole() const { return count == 1; }
    QString text() const; // "K/N"
};

// "K/N" with 0 <= K < N; on failure nothing, `error` saying why in the words both front ends show.
std::optional<Shard> parseShard(const QString &text, QString &error);

// The shard of `relativePath` among `count`: the first 8 bytes of its UTF-8 SHA-256, modulo count.
int shardOf(const QString &relativePath, int count);

// An image's path as the shard sees it: the name of the source folder that holds it, then the
// path below that folder ("cats/2021/img1.jpg"), so that nodes mounting the data at different
// places agree. A path under none of the folders is taken whole.
QString shardPath(const QString &imagePath, const DatasetSources &sources);

// Keeps only the images of `dataset` in `shard`; returns how many were kept.
int keepShard(Dataset &dataset, const DatasetSources &sources, const Shard &shard);

// The shard a scheduler assigned this process: a Slurm job array's task
// (SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT), or a
// Kubernetes Indexed Job's completion (JOB_COMPLETION_INDEX, of `shards`, which Kubernetes
// does not pass on). `source` names the variables used.
struct ScheduledShard
{
    std::optional<Shard> shard; // none: no scheduler's variables (or a problem)
    QString source;
    QString problem; // set variables that do not make a shard
};
ScheduledShard shardFromEnvironment(const QProcessEnvironment &environment, int shards = 0);

} // namespace rs
