#!/usr/bin/python3
"""bench/audit.sh's data side: plant problems in a Fashion-MNIST folder, then score an audit.

  audit.py plant CLEAN_DIR DIRTY_DIR PLANTED.json   (seeded: the same dirty folder every time)
  audit.py score PLANTED.json AUDIT.json            (prints one JSON object)
  audit.py separation PLANTED.json FEATURES.npy     (FEATURES.tsv beside it, from retrain-cli
                                                    features --image_dir: can a feature cosine
                                                    tell the planted copies from other images?)

Planted: 5 % of the images moved to another class's folder (flipped labels); 30 copies of
other images, re-encoded as JPEG quality 70 or resized by 1.5, a third of them into another
class's folder (conflicts), their new names landing in whatever subset the split gives them
(leaks when the original's subset differs); 20 blanks and noise images spread over the classes.
"""
import json
import os
import random
import shutil
import sys

from PIL import Image

FLIP_SHARE, COPIES, STRAYS = 0.05, 30, 20


def plant(clean, dirty, planted_path):
    rng = random.Random(17)
    shutil.rmtree(dirty, ignore_errors=True)
    shutil.copytree(clean, dirty)
    classes = sorted(os.listdir(dirty))
    files = sorted(os.path.join(c, f) for c in classes for f in os.listdir(os.path.join(dirty, c)))
    flipped = {}
    for name in rng.sample(files, int(FLIP_SHARE * len(files))):
        source, base = os.path.split(name)
        target = rng.choice([c for c in classes if c != source])
        os.rename(os.path.join(dirty, name), os.path.join(dirty, target, base))
        flipped[os.path.join(target, base)] = source
    untouched = sorted(set(files) - {os.path.join(flipped[k], os.path.basename(k)) for k in flipped})
    copies = []
    for i, name in enumerate(rng.sample(untouched, COPIES)):
        image = Image.open(os.path.join(dirty, name)).convert("RGB")
        folder = os.path.dirname(name) if i % 3 else rng.choice([c for c in classes if c != os.path.dirname(name)])
        if i % 2:
            copy = os.path.join(folder, "copy%02d.jpg" % i)
            image.save(os.path.join(dirty, copy), quality=70)
        else:
            copy = os.path.join(folder, "copy%02d.png" % i)
            image.resize((image.width * 3 // 2, image.height * 3 // 2), Image.BILINEAR).save(os.path.join(dirty, copy))
        copies.append([name, copy])
    strays = []
    for i in range(STRAYS):
        folder = classes[i % len(classes)]
        stray = os.path.join(folder, "stray%02d.png" % i)
        if i % 2:
            Image.new("RGB", (28, 28), (rng.randrange(256),) * 3).save(os.path.join(dirty, stray))
        else:
            Image.frombytes("RGB", (28, 28), bytes(rng.randrange(256) for _ in range(28 * 28 * 3))).save(os.path.join(dirty, stray))
        strays.append(stray)
    with open(planted_path, "w", encoding="utf-8") as out:
        json.dump({"root": os.path.abspath(dirty), "flipped": flipped, "copies": copies, "strays": strays}, out, indent=1)


def score(planted_path, audit_path):
    planted = json.load(open(planted_path, encoding="utf-8"))
    audit = json.load(open(audit_path, encoding="utf-8"))
    root = planted["root"]

    def rel(path):
        return os.path.relpath(path, root)

    flipped = planted["flipped"]
    ranked = [rel(issue["path"]) for issue in audit["label_issues"]]
    n = len(flipped)
    hits = sum(1 for p in ranked[:n] if p in flipped)
    groups = [[rel(image["path"]) for image in group["images"]] for group in audit["duplicates"]]
    by_member = {p: i for i, g in enumerate(groups) for p in g}
    caught = [pair for pair in planted["copies"] if pair[0] in by_member and by_member[pair[0]] == by_member.get(pair[1])]
    subsets = {rel(image["path"]): image["subset"] for group in audit["duplicates"] for image in group["images"]}
    spans = [pair for pair in caught if (subsets[pair[0]] == "train") != (subsets[pair[1]] == "train")]
    leak_groups = {i for i, group in enumerate(audit["duplicates"]) if group["leak"]}
    leaks = [pair for pair in spans if by_member[pair[0]] in leak_groups]
    planted_members = {p for pair in planted["copies"] for p in pair}
    false_groups = [g for g in groups if not planted_members & set(g)]
    outliers = {rel(o["path"]) for o in audit["outliers"]}
    strays = set(planted["strays"])
    print(json.dumps({
        "flipped": n, "precision_at_n": hits / n if n else 0.0, "flagged": len(ranked),
        "estimated_wrong_labels": audit["estimated_wrong_labels"],
        "copies": len(planted["copies"]), "copies_found": len(caught),
        # A copy's subset is known only when the audit groups it, so the planted leaks are
        # counted exactly only when every copy was found.
        "leaks": len(spans) if len(caught) == len(planted["copies"]) else None, "leaks_found": len(leaks),
        "false_groups": len(false_groups), "strays": len(strays), "strays_found": len(strays & outliers),
        "outliers": len(outliers), "seconds": audit["seconds"]}))


def separation(planted_path, features_path):
    """The lowest cosine between a planted copy and its original, and the highest between an
    untouched image and its nearest other untouched image, on features centred on their mean."""
    import csv
    import numpy
    planted = json.load(open(planted_path, encoding="utf-8"))
    features = numpy.load(features_path).astype(numpy.float64)
    with open(features_path[:-4] + ".tsv", encoding="utf-8") as table:
        paths = [os.path.relpath(row["path"], planted["root"]) for row in csv.DictReader(table, delimiter="\t")]
    row_of = {path: i for i, path in enumerate(paths)}
    unit = features - features.mean(0)
    unit /= numpy.maximum(numpy.linalg.norm(unit, axis=1, keepdims=True), 1e-12)
    pairs = [(row_of[a], row_of[b]) for a, b in planted["copies"]]
    touched = {i for pair in pairs for i in pair} | {row_of[s] for s in planted["strays"]}
    untouched = [i for i in range(len(paths)) if i not in touched]
    similar = unit[untouched] @ unit[untouched].T
    numpy.fill_diagonal(similar, -1)
    print(json.dumps({"lowest_copy_cosine": round(min(float(unit[a] @ unit[b]) for a, b in pairs), 4),
                      "highest_untouched_cosine": round(float(similar.max()), 4)}))


if __name__ == "__main__":
    if sys.argv[1] == "plant":
        plant(*sys.argv[2:5])
    elif sys.argv[1] == "separation":
        separation(*sys.argv[2:4])
    else:
        score(*sys.argv[2:4])
