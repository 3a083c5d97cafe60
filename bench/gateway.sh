#!/usr/bin/env bash
# Benchmark (not a test): what Portcullis costs an API behind nginx. One nginx (server-config/nginx/ included
# as the README says) in front of a stand-in API (nginx answering "ok" itself): wrk calls
# /bare/ (nginx straight to the API) and /api/ (nginx asks Portcullis /v1/auth/verify first, with an API
# key, rate limited) back to back in each round, and Portcullis's /v1/auth/verify without nginx for
# scale; the figure is the median of the rounds' ratios. wrk, nginx and Payara Micro share the
# machine's cores, so compare ratios, not req/s.
#
#   bench/gateway.sh
#   ROUNDS=5 DURATION=15s bench/gateway.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}
NGINX_PORT=${NGINX_PORT:-18280}
API_PORT=${API_PORT:-18281}
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is not installed (apt-get install nginx)"; exit 1; }

source bench/server.sh

bench_key

mkdir -p "$work/nginx"
sed -e "s#http://127.0.0.1:9000#http://127.0.0.1:$API_PORT#" server-config/nginx/portcullis-gateway.conf > "$work/nginx/gateway.conf"
sed -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$PORT;#" server-config/nginx/portcullis-upstream.conf > "$work/nginx/upstream.conf"
cat > "$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
error_log $work/nginx/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
    include $work/nginx/upstream.conf;
    server { listen 127.0.0.1:$API_PORT; location / { return 200 "ok\n"; } }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /bare/ { proxy_pass http://127.0.0.1:$API_PORT; }
        include $work/nginx/gateway.conf;
    }
}
CONF
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
NGINX_PID=$!
trap 'kill $NGINX_PID 2>/dev/null; kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
N="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 50); do curl -s -o /dev/null "$N/bare/" && break; sleep 0.2; done
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$N/api/x")
[ "$status" = 200 ] || { echo "the gateway did not admit the benchmark key: $status"; cat "$work/nginx/error.log"; exit 1; }

for _ in $(seq 1 "$WARMUP_ROUNDS"); do
    DURATION=$WARMUP rate "$N/bare/x" >/dev/null
    DURATION=$WARMUP rate -H "Authorization: Bearer $KEY" "$N/api/x" >/dev/null
    DURATION=$WARMUP rate -H "Authorization: Bearer $KEY" "$B/v1/auth/verify" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
    echo "$round $(rate "$N/bare/x") $(rate -H "Authorization: Bearer $KEY" "$N/api/x") $(rate -H "Authorization: Bearer $KEY" "$B/v1/auth/verify")"
done | awk "$AWK_MEDIAN"'
    { bare[NR] = $2; gated[NR] = $4 / $2
      printf "round %d: nginx to the API %6.0f req/s; through Portcullis %6.0f req/s (%5.1f us Portcullis CPU/req) = %.2fx; Portcullis alone %6.0f req/s (%5.1f us)\n",
             $1, $2, $4, $5, $4 / $2, $6, $7 }
    END { printf "median of %d rounds: nginx to the API %.0f req/s; with Portcullis verifying and charging each request %.2fx\n",
                 NR, median(bare, NR), median(gated, NR) }'
