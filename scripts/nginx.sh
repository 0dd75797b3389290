#!/usr/bin/env bash
# Starts Debian's nginx with deploy/site.conf on a loopback port, serving dist/ (foreground
# process in the background; prints its pid). Used by the end-to-end tests and benchmarks.
#   scripts/nginx.sh PORT [FRAME_ANCESTORS]   → prints the nginx master pid
set -euo pipefail
cd "$(dirname "$0")/.."
port=$1
ancestors=${2:-"'self' http://127.0.0.1:*"}
prefix=$(mktemp -d /tmp/fuguanzhuang-nginx.XXXXXX)
mkdir -p "$prefix/logs" "$prefix/temp"
dist=$(cd "${DIST:-dist}" && pwd)
sed -e "s#__DIST__#$dist#g" -e "s#__LISTEN__#127.0.0.1:$port#g" -e "s#__FRAME_ANCESTORS__#$ancestors#g" \
  deploy/site.conf > "$prefix/site.conf"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[ -f "$module" ] || { echo "missing $module (apt-get install libnginx-mod-http-brotli-static)" >&2; exit 1; }
cat > "$prefix/nginx.conf" <<CONF
load_module $module;
$user_line
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $prefix/temp/body;
    proxy_temp_path $prefix/temp/proxy;
    fastcgi_temp_path $prefix/temp/fastcgi;
    uwsgi_temp_path $prefix/temp/uwsgi;
    scgi_temp_path $prefix/temp/scgi;
    include $prefix/site.conf;
}
CONF
/usr/sbin/nginx -t -p "$prefix" -c "$prefix/nginx.conf" >/dev/null 2>&1 || { /usr/sbin/nginx -t -p "$prefix" -c "$prefix/nginx.conf"; exit 1; }
/usr/sbin/nginx -p "$prefix" -c "$prefix/nginx.conf" >"$prefix/logs/stdout.log" 2>&1 &
echo $!
