#!/usr/bin/python3
"""Compares phonehome's inventory with androguard's and with dexdump/aapt, APK by APK.

Usage: /usr/bin/python3 compare.py CORPUS PHONEHOME.json ANDROGUARD.jsonl EXODUS_OUT

Class sets: phonehome's "classes" against androguard's class names and against the "Class
descriptor" lines of dexdump over the APK's classes*.dex (read here, outside the timed runs;
the Exodus path list is a superset holding referenced types too, so it is not a class set).
Permission sets: phonehome's uses-permission and uses-permission-sdk-23 names against
androguard's get_permissions() and aapt's "uses-permission" lines. String counts: phonehome's
DEX string tables against androguard's get_strings(), root classes*.dex only.
Prints one line per difference and a summary; exits 1 if any set differs, so callers notice.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT_DEX = re.compile(r"classes\d*\.dex$")
DESCRIPTOR = re.compile(r"^\s*Class descriptor\s*:\s*'L(.*);'", re.M)


def phonehome_apps(path):
    apps = {}
    for app in json.load(open(path))["apps"]:
        manifest = app.get("manifest") or {}
        root_dex = [d for d in app["dex"] if ROOT_DEX.match(d["entry"])]
        record = {
            "classes": set(app.get("classes") or []),
            "permissions": {p["name"] for p in manifest.get("usesPermissions", [])},
            "sdk23": {p["name"] for p in manifest.get("usesPermissions", []) if p.get("sdk23")},
            "strings": sum(d["strings"] for d in root_dex),
            "nested_dex": [d["entry"] for d in app["dex"] if not ROOT_DEX.match(d["entry"])],
            "problems": [p["code"] for p in app["problems"]],
        }
        for location in app["locations"]:
            apps[os.path.basename(location)] = record
    return apps


def dexdump_classes(apk):
    """Defined classes as dexdump prints them, for the root classes*.dex of the APK."""
    classes = set()
    try:
        with zipfile.ZipFile(apk) as z, tempfile.TemporaryDirectory() as tmp:
            for info in z.infolist():
                if ROOT_DEX.match(info.filename):
                    z.extract(info, tmp)
                    out = subprocess.run(["dexdump", os.path.join(tmp, info.filename)], capture_output=True,
                                         text=True, errors="replace").stdout
                    classes.update(d.replace("/", ".") for d in DESCRIPTOR.findall(out))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
        return None, "%s: %s" % (type(e).__name__, e)
    return classes, None


def lines(path):
    try:
        with open(path) as f:
            return {line.strip() for line in f if line.strip()}
    except FileNotFoundError:
        return set()


def show(items, limit=3):
    items = sorted(items)
    return ", ".join(items[:limit]) + (" ... (%d)" % len(items) if len(items) > limit else "")


def main():
    corpus, phonehome_json, androguard_jsonl, exodus_out = sys.argv[1:5]
    ph = phonehome_apps(phonehome_json)
    ag = {r["apk"]: r for r in map(json.loads, open(androguard_jsonl))}
    tally = collections.Counter()
    for name in sorted(n for n in os.listdir(corpus) if n.endswith(".apk")):
        tally["apks"] += 1
        p = ph.get(name)
        if p is None:
            print("MISSING %s: not in phonehome's report" % name)
            tally["missing"] += 1
            continue
        a = ag[name]
        dd, dd_error = dexdump_classes(os.path.join(corpus, name))
        aapt = lines(os.path.join(exodus_out, name + ".permissions"))
        checks = [("classes", "androguard", p["classes"], set(a["classes"]), a["error"]),
                  ("classes", "dexdump", p["classes"], dd if dd is not None else set(), dd_error),
                  ("permissions", "androguard", p["permissions"], set(a["permissions"]), a["error"]),
                  ("permissions", "aapt", p["permissions"], aapt, None)]
        for what, tool, mine, theirs, error in checks:
            if mine == theirs:
                tally["%s=%s" % (what, tool)] += 1
                continue
            tally["%s!=%s" % (what, tool)] += 1
            print("DIFF %s %s vs %s: only phonehome [%s]; only %s [%s]%s%s%s" % (
                name, what, tool, show(mine - theirs), tool, show(theirs - mine),
                "; %s error: %s" % (tool, error) if error else "",
                "; phonehome nested DEX: %s" % show(p["nested_dex"]) if p["nested_dex"] and what == "classes" else "",
                "; phonehome problems: %s" % show(set(p["problems"])) if p["problems"] else ""))
        if not a["error"]:
            tally["strings=androguard" if p["strings"] == a["strings"] else "strings!=androguard"] += 1
    print("SUMMARY " + " ".join("%s:%d" % kv for kv in sorted(tally.items())))
    sys.exit(1 if any("!=" in k or k == "missing" for k in tally) else 0)


if __name__ == "__main__":
    main()
