#!/usr/bin/env bash
# Installs what the image tests and the image benchmark need, from Debian's packages (run as root):
# buildah (builds test images, no daemon), skopeo and umoci (format copies; umoci unpack is the reference unpacker),
# busybox-static (a shell inside FROM scratch test images), time (/usr/bin/time -v for peak RSS in bench/),
# docker-registry (real registries on 127.0.0.1 for pull tests), apache2-utils (htpasswd -B for their basic auth),
# openssl (the token-auth test's signing certificate), podman (podman system service: the Docker Engine API socket).
set -euo pipefail
need=()
command -v buildah >/dev/null 2>&1 || need+=(buildah)
command -v skopeo >/dev/null 2>&1 || need+=(skopeo)
command -v umoci >/dev/null 2>&1 || need+=(umoci)
[ -x /bin/busybox ] || need+=(busybox-static)
[ -x /usr/bin/time ] || need+=(time)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v podman >/dev/null 2>&1 || need+=(podman)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-image-tools: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-image-tools: missing ${need[*]} and cannot install (needs root and apt-get); image tests will say they are skipped" >&2
  exit 0
fi
echo "install-image-tools: installing ${need[*]}"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
