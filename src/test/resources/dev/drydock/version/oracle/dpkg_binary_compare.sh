# Reads "A<TAB>B" lines; asks the dpkg binary itself (dpkg --compare-versions has no batch mode, so one call per
# relation) and prints -1, 0 or 1; E when dpkg refuses a version (exit 2), W when it compares but warns.
while IFS=$'\t' read -r a b; do
  err=$(dpkg --compare-versions "$a" lt "$b" 2>&1)
  rc=$?
  if [ "$rc" -ge 2 ]; then echo E; continue; fi
  case "$err" in *warning*) echo W; continue ;; esac
  if [ "$rc" -eq 0 ]; then echo -1; continue; fi
  if dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo 0; else echo 1; fi
done
