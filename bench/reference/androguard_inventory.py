#!/usr/bin/python3
"""Reference inventory with androguard 3.4 (Debian package), for bench/inventory-vs-reference.sh.

Usage: /usr/bin/python3 androguard_inventory.py DIR OUT.jsonl

For every *.apk directly in DIR (sorted), parses the manifest with androguard.core.bytecodes.apk.APK
and every classes*.dex with androguard.core.bytecodes.dvm.DalvikVMFormat, and writes one JSON line:
{"apk": name, "classes": [Java names, sorted], "permissions": [uses-permission names, sorted],
 "strings": string table entries over all DEX files, "error": message or null}.
A file androguard cannot read gets an "error" and empty sets, so the run goes on.
"""
import json
import logging
import os
import sys

from androguard.core.bytecodes.apk import APK
from androguard.core.bytecodes.dvm import DalvikVMFormat


def java_name(descriptor):
    """Lcom/example/Foo; (a MUTF8String) -> com.example.Foo, as phonehome names classes."""
    return str(descriptor)[1:-1].replace('/', '.')


def inventory(path):
    record = {"apk": os.path.basename(path), "classes": [], "permissions": [], "strings": 0, "error": None}
    try:
        apk = APK(path)
        record["permissions"] = sorted(set(apk.get_permissions()))
        classes = set()
        for dex in apk.get_all_dex():
            vm = DalvikVMFormat(dex)
            classes.update(java_name(c) for c in vm.get_classes_names())
            record["strings"] += len(vm.get_strings())
        record["classes"] = sorted(classes)
    except Exception as e:  # androguard raises many kinds; the comparison reports them
        record["error"] = "%s: %s" % (type(e).__name__, e)
    return record


def main():
    logging.disable(logging.CRITICAL)
    folder, out = sys.argv[1], sys.argv[2]
    with open(out, "w") as sink:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".apk"):
                sink.write(json.dumps(inventory(os.path.join(folder, name)), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
