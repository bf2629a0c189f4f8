#!/usr/bin/env bash
# Debian packages the build and the tests use, installed on first use (browser downloads fail here):
# chromium prints the checklist PDFs and runs the browser tests; poppler-utils reads PDFs; zbar-tools
# reads QR codes; fonts-dejavu-core has Arabic letters for the PDFs; nginx serves the site as in production;
# Java runs the W3C Nu HTML checker; gettext's msgfmt checks the PO files.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
fc-list :lang=ar 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v msgfmt >/dev/null || missing+=(gettext)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || missing+=(libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
