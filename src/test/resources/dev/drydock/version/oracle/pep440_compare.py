# Reads "A<TAB>B" lines; prints "C<TAB>NA<TAB>NB": C is packaging.version's ordering of A and B (-1, 0, 1) or E when
# either is invalid; NA and NB are str(Version(x)), the normalised spellings, or ! when invalid.
import io
import sys

from packaging.version import InvalidVersion, Version


def parse(s):
    try:
        return Version(s)
    except InvalidVersion:
        return None


out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
for line in io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="\n"):
    a, b = line.rstrip("\n").split("\t")
    va, vb = parse(a), parse(b)
    c = "E" if va is None or vb is None else str((va > vb) - (va < vb))
    out.write("%s\t%s\t%s\n" % (c, "!" if va is None else str(va), "!" if vb is None else str(vb)))
out.flush()
