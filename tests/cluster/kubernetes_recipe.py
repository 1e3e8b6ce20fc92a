"""Checks packaging/cluster/extract-job.yaml and runs its Jobs' commands on this machine.

There is no Kubernetes cluster here, so this runner stands in for one, and says so: kubectl
parses the manifests offline (kubectl label --local), the runner checks the fields a Job
needs and that the manifests agree with each other, then runs each Job's container command
in order with the environment Kubernetes would give it: the container's env, each volume's
mountPath mapped to a local folder, and for an Indexed Job JOB_COMPLETION_INDEX for every
index, `parallelism` pods at a time. Usage: kubernetes_recipe.py RETRAIN_CLI
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

MANIFEST = pathlib.Path(__file__).resolve().parents[2] / "packaging" / "cluster" / "extract-job.yaml"
# Fields of a Job this recipe may use: a typo (completionz) would otherwise pass silently.
JOB_SPEC_FIELDS = {"completionMode", "completions", "parallelism", "backoffLimit", "template", "activeDeadlineSeconds"}
POD_SPEC_FIELDS = {"restartPolicy", "containers", "volumes"}
CONTAINER_FIELDS = {"name", "image", "command", "args", "env", "resources", "volumeMounts"}


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(jobs):
    if shutil.which("kubectl") is None:
        fail("kubectl is missing (Debian's kubernetes-client)")
    parsed = subprocess.run(["kubectl", "label", "--local", "-f", str(MANIFEST), "checked=yes", "-o", "name"],
                            capture_output=True, text=True)
    if parsed.returncode != 0:
        fail(f"kubectl cannot read the manifest: {parsed.stderr.strip()}")
    names = parsed.stdout.split()
    if names != [f"job.batch/{job['metadata']['name']}" for job in jobs]:
        fail(f"kubectl read {names}")
    for job in jobs:
        name = job["metadata"]["name"]
        if job.get("apiVersion") != "batch/v1" or job.get("kind") != "Job":
            fail(f"{name}: not a batch/v1 Job")
        spec = job["spec"]
        pod = spec["template"]["spec"]
        for fields, allowed, where in ((spec, JOB_SPEC_FIELDS, "spec"), (pod, POD_SPEC_FIELDS, "pod spec")):
            if set(fields) - allowed:
                fail(f"{name}: unknown {where} fields {sorted(set(fields) - allowed)}")
        if pod.get("restartPolicy") not in ("Never", "OnFailure"):
            fail(f"{name}: a Job's pods need restartPolicy Never or OnFailure")
        volumes = {v["name"] for v in pod.get("volumes", [])}
        for container in pod["containers"]:
            if set(container) - CONTAINER_FIELDS or not container.get("image") or not container.get("command"):
                fail(f"{name}: container {container.get('name')} lacks an image or command, or has unknown fields")
            for mount in container.get("volumeMounts", []):
                if mount["name"] not in volumes:
                    fail(f"{name}: mounts volume {mount['name']}, which the pod does not define")
            env = {e["name"]: e["value"] for e in container.get("env", [])}
            if "SHARDS" in env and int(env["SHARDS"]) != jobs[0]["spec"]["completions"]:
                fail(f"{name}: SHARDS {env['SHARDS']} is not the extraction Job's completions")
    if jobs[0]["spec"].get("completionMode") != "Indexed":
        fail("the extraction Job is not an Indexed Job")


def run(jobs, cli, work):
    bin_dir = work / "bin"
    bin_dir.mkdir()
    (bin_dir / "retrain-cli").symlink_to(cli)
    folders = {}
    for job in jobs:
        name = job["metadata"]["name"]
        spec = job["spec"]
        pod = spec["template"]["spec"]
        container = pod["containers"][0]
        env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
        mounts = {m["mountPath"]: folders.setdefault(m["name"], work / "volumes" / m["name"])
                  for m in container.get("volumeMounts", [])}
        for variable in container.get("env", []):
            value = variable["value"]
            for mount_path, local in mounts.items():
                value = re.sub(rf"(?<![\w/]){re.escape(mount_path)}(?=/|\b|$)", str(local), value)
            env[variable["name"]] = value
        env["RETRAIN_ARGS"] = "--random-weights 0"  # no ImageNet weights here
        env["TRAIN_ARGS"] = "--steps 60"
        command = container["command"] + container.get("args", [])
        indexed = spec.get("completionMode") == "Indexed"
        completions = spec.get("completions", 1)
        parallelism = spec.get("parallelism", 1)
        for first in range(0, completions, parallelism):
            pods = []
            for index in range(first, min(completions, first + parallelism)):
                pod_env = dict(env, JOB_COMPLETION_INDEX=str(index)) if indexed else env
                log = open(work / f"{name}-{index}.log", "w")
                pods.append((index, log, subprocess.Popen(command, env=pod_env, stdout=log, stderr=subprocess.STDOUT)))
            for index, log, process in pods:
                if process.wait(timeout=1200) != 0:
                    fail(f"{name} pod {index} failed:\n" + (work / f"{name}-{index}.log").read_text())
                log.close()
        print(f"{name}: {completions} pod(s) succeeded")
    return folders


def main():
    cli = pathlib.Path(sys.argv[1]).resolve()
    jobs = [doc for doc in yaml.safe_load_all(MANIFEST.read_text()) if doc]
    check(jobs)
    with tempfile.TemporaryDirectory() as temporary:
        work = pathlib.Path(temporary)
        data = work / "volumes" / "data"
        subprocess.run([str(cli), "sample-data", "--per-class", "6", str(data)], check=True, capture_output=True)
        run(jobs, cli, work)
        total = 0
        for index in range(jobs[0]["spec"]["completions"]):
            log = (work / f"retrain-extract-{index}.log").read_text()
            if f"shard {index}/3 (from JOB_COMPLETION_INDEX and --shards)" not in log:
                fail(f"pod {index} did not take its shard from JOB_COMPLETION_INDEX:\n{log}")
            total += int(re.search(r"^shard \d/3: (\d+) images;", log, re.M).group(1))
        if total != 60:
            fail(f"the shards took {total} images, not 60")
        log = (work / "retrain-train-0.log").read_text()
        if "features: 60 from the cache, 0 computed" not in log:
            fail(f"training computed features:\n{log}")
        if not (work / "volumes" / "work" / "model" / "labels.txt").is_file():
            fail("no exported model")
    print("PASS (local runner, not a Kubernetes cluster): 3 indexed pods extracted 60 images in disjoint shards; "
          "the second Job merged and trained on them")


if __name__ == "__main__":
    main()
