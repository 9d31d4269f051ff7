#!/usr/bin/env bash
# Builds HITTER's base image as a `docker save` tar, with no Docker engine and no registry: Debian's runtime
# libraries (apt-get download + dpkg-deb -x) as one layer, a jlink'ed runtime of the build's JDK at
# /opt/java/openjdk as another. Jib takes it as tar://<out>/base.tar (docs/deployment.md "Images").
#
#   base-image.sh <out-dir> [java-home]
#
# Reproducible: fixed file order, owners and times, so the same packages and JDK give the same digest. Built once
# per key (this script, the JDK's release file, the candidate versions of the packages): every service's build
# calls it and all but the first reuse <out>/base.tar.
set -euo pipefail

out=${1:?usage: base-image.sh <out-dir> [java-home]}
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
# What the JVM itself needs (libc, libgcc/libstdc++ for libjvm, zlib), plus CA-free basics: os-release, services
# and protocols (netbase), time zones. No shell, no package manager.
packages=(libc6 libgcc-s1 libstdc++6 zlib1g base-files netbase tzdata)
# Generous rather than tight (jdeps cannot see reflection): Spring, Hibernate, JDBC, JMX and Micrometer, TLS with
# EC keys, DNS, the AWT image classes the spectrogram PNG is drawn with (headless), JFR for operators.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,\
jdk.localedata,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,\
jdk.zipfs
uid=10001

mkdir -p "$out"
out=$(cd "$out" && pwd)
exec 9>"$out/.lock"
flock 9   # several modules of one build (-T) may ask at once

key=$( { sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1; cat "$java_home/release";
         apt-cache policy "${packages[@]}" | grep -E '^[a-z]|Candidate'; } | sha256sum | cut -d' ' -f1)
if [ -f "$out/base.tar" ] && [ "$(cat "$out/base.key" 2>/dev/null)" = "$key" ]; then
  echo "base image: up to date ($out/base.tar)"
  exit 0
fi

started=$(date +%s%N)
work="$out/work"
rm -rf "$work" "$out/base.tar" "$out/base.key"
mkdir -p "$work/debs" "$work/os" "$work/jre/opt/java" "$work/image"

# Tar with nothing of this machine in it: sorted names, one time, numeric root owners, no atime/ctime.
det_tar() { tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime "$@"; }

download() { (cd "$work/debs" && apt-get download -q "${packages[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true); }
downloaded() { [ "$(find "$work/debs" -name '*.deb' | wc -l)" = "${#packages[@]}" ]; }
download
if ! downloaded && [ "$(id -u)" = 0 ]; then
  # Old package lists name versions the mirror no longer has (a security update replaced them).
  apt-get update -qq && download
fi
downloaded || { echo "base image: apt-get download failed (run apt-get update; Debian's mirror must be reachable)" >&2; exit 1; }
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/os"; done
# Documentation and locale files the runtime never reads.
rm -rf "$work/os/usr/share/doc" "$work/os/usr/share/man" "$work/os/usr/share/info" "$work/os/usr/share/lintian" \
  "$work/os/usr/share/locale" "$work/os/usr/share/bug" "$work/os/usr/share/gcc" "$work/os/usr/share/gdb"
printf 'root:x:0:0:root:/root:/sbin/nologin\nhitter:x:%s:%s:HITTER:/home/hitter:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' $uid $uid > "$work/os/etc/passwd"
printf 'root:x:0:\nhitter:x:%s:\nnogroup:x:65534:\n' $uid > "$work/os/etc/group"
mkdir -p "$work/os/tmp" "$work/os/root" "$work/os/home/hitter"
chmod 1777 "$work/os/tmp"; chmod 0700 "$work/os/root"; chmod 0755 "$work/os/home/hitter"
ln -sfn ../usr/share/zoneinfo/Etc/UTC "$work/os/etc/localtime"
# The user's home (DJL's and JavaCPP's caches) belongs to the user: appended with its own owner.
(cd "$work/os" && det_tar -cf "$work/os.tar" --exclude=./home/hitter . \
  && det_tar -rf "$work/os.tar" --owner=$uid --group=$uid ./home/hitter)

"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,ko --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$work/jre/opt/java/openjdk"
(cd "$work/jre" && det_tar -cf "$work/jre.tar" .)

diff_ids=()
for layer in os jre; do
  digest=$(sha256sum "$work/$layer.tar" | cut -d' ' -f1)
  mkdir -p "$work/image/$digest"
  mv "$work/$layer.tar" "$work/image/$digest/layer.tar"
  diff_ids+=("$digest")
done
versions=$(cd "$work/debs" && ls | sed 's/_amd64\.deb$//; s/_all\.deb$//' | tr '\n' ' ' | sed 's/ $//')
jdk=$(. "$java_home/release"; echo "$JAVA_VERSION")
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8","TZ=UTC"],"User":"$uid:$uid","WorkingDir":"/home/hitter","Labels":{"org.opencontainers.image.title":"hitter/base","dev.hitter.base.debian-packages":"$versions","dev.hitter.base.jdk":"$jdk (jlink)"}},"rootfs":{"type":"layers","diff_ids":["sha256:${diff_ids[0]}","sha256:${diff_ids[1]}"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"base-image.sh: Debian packages $versions"},{"created":"1970-01-01T00:00:00Z","created_by":"base-image.sh: jlink $jdk"}]}
JSON
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config.json"
printf '[{"Config":"%s.json","RepoTags":["hitter/base:latest"],"Layers":["%s/layer.tar","%s/layer.tar"]}]\n' \
  "$config" "${diff_ids[0]}" "${diff_ids[1]}" > "$work/image/manifest.json"
# Named entries, no "./": Jib refuses to unpack an entry that is not below its destination.
(cd "$work/image" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort \
  | det_tar -cf "$out/base.tar.partial" --no-recursion -T -)
mv "$out/base.tar.partial" "$out/base.tar"
echo "$key" > "$out/base.key"
rm -rf "$work"
echo "base image: $out/base.tar ($(du -m "$out/base.tar" | cut -f1) MB, config sha256:$config," \
  "$(( ($(date +%s%N) - started) / 1000000 )) ms)"
