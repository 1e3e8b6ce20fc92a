#!/bin/bash
# Runs packaging/cluster/extract.sbatch on a real Slurm: a private munged, slurmctld and
# slurmd on this machine (Debian's munge and slurm-wlm, started as root from a temporary
# folder, their own ports and socket), the 60 sample images in a 3-task array, then the
# dependent merge-and-train job. Checks that the tasks took disjoint shards covering every
# image from Slurm's variables, and that training read all 60 from the merged cache.
#
# Usage: slurm_recipe.sh RETRAIN_CLI
set -euo pipefail
cli=$(realpath "$1")
recipe=$(cd "$(dirname "$0")/../../packaging/cluster" && pwd)/extract.sbatch
for tool in munged slurmctld slurmd sbatch scontrol; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (Debian's munge and slurm-wlm)" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "FAIL: starting slurmd needs root" >&2; exit 1; }

dir=$(mktemp -d /tmp/rs-slurm.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for log in "$dir"/slurmctld.log "$dir"/slurmd.log "$dir"/work/logs/*.log; do
        [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
    done
    exit 1
}

mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
head -c 1024 /dev/urandom >"$dir/munge/munge.key"
chmod 400 "$dir/munge/munge.key"
socket=$dir/munge/munge.socket
munged --foreground --force --key-file="$dir/munge/munge.key" --socket="$socket" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" >"$dir/munge/foreground.log" 2>&1 &
pids+=($!)
for _ in $(seq 20); do [ -S "$socket" ] && break; sleep 0.5; done

# Ports from the process id, so that two checkouts testing at once do not meet.
port=$((20000 + ($$ % 20000) * 2))
host=$(hostname -s)
cat >"$dir/slurm.conf" <<CONF
ClusterName=retraintest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -D -i >/dev/null 2>&1 &
pids+=($!)
slurmd -D >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 60); do
    sinfo -h -o %T 2>/dev/null | grep -qx idle && break
    sleep 1
done
sinfo -h -o %T 2>/dev/null | grep -qx idle || fail "the Slurm node did not come up in 60 s"
echo "slurm: node $host idle"

"$cli" sample-data --per-class 6 "$dir/data" >/dev/null
submitted=$(DATA=$dir/data WORK=$dir/work SHARDS=3 RETRAIN_CLI=$cli RETRAIN_ARGS="--random-weights 0" \
    TRAIN_ARGS="--steps 60" bash "$recipe")
echo "$submitted"
array=$(sed -n 's/^extraction: job array \([0-9]*\).*/\1/p' <<<"$submitted")
train=$(sed -n 's/.*merge and train: job \([0-9]*\)$/\1/p' <<<"$submitted")
[ -n "$array" ] && [ -n "$train" ] || fail "the recipe did not submit both jobs"

state() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' '; }
for _ in $(seq 1200); do
    case $(state "$train") in
    "COMPLETED ") break ;;
    *FAILED* | *CANCELLED* | *TIMEOUT*) fail "the merge-and-train job ended $(state "$train")" ;;
    esac
    sleep 1
done
[ "$(state "$train")" = "COMPLETED " ] || fail "the merge-and-train job is $(state "$train") after 1200 s"
[ "$(state "$array")" = "COMPLETED " ] || fail "the extraction array ended $(state "$array")"

total=0
for k in 0 1 2; do
    log=$dir/work/logs/extract-$k.log
    grep -q "^shard $k/3 (from SLURM_ARRAY_TASK_ID" "$log" || fail "task $k did not take shard $k/3 from Slurm"
    images=$(sed -n 's/^shard [0-9]\/3: \([0-9]*\) images;.*/\1/p' "$log")
    grep -q "0 from the cache, $images computed" "$log" || fail "task $k did not compute its $images images"
    total=$((total + images))
done
[ "$total" -eq 60 ] || fail "the shards took $total images, not 60"
grep -q "features: 60 from the cache, 0 computed" "$dir/work/logs/train.log" || fail "training computed features"
[ -f "$dir/work/report.json" ] && [ -f "$dir/work/model/labels.txt" ] || fail "no report or model"
echo "PASS: 3 Slurm array tasks extracted 60 images in disjoint shards; the dependent job merged and trained on them"
