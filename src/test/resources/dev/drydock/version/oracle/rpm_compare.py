# Reads "A<TAB>B" lines; splits each label with rpm's own parser (rpm.ver, rpmverParse) and prints
# rpm.labelCompare((e, v, r), (e, v, r)): -1, 0 or 1. Needs Debian's python3-rpm (system python).
import io
import sys

import rpm

for line in io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="\n"):
    a, b = line.rstrip("\n").split("\t")
    va, vb = rpm.ver(a), rpm.ver(b)
    print(rpm.labelCompare((va.e, va.v, va.r), (vb.e, vb.v, vb.r)))
