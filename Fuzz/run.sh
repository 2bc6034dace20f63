#!/usr/bin/env bash
# Builds the libFuzzer harnesses with AddressSanitizer and runs each for SECONDS (default 600),
# seeded from the repository's fixtures. New inputs go to Fuzz/.corpus/HARNESS/, crashes, leaks
# and timeouts to Fuzz/Crashes/HARNESS/ (a crash there is a finding: make it a regression test).
# Usage: Fuzz/run.sh [SECONDS] [HARNESS...]    (harnesses: FuzzJWS FuzzJSON FuzzYAML FuzzCompiler FuzzEvaluator)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(FuzzJWS FuzzJSON FuzzYAML FuzzCompiler FuzzEvaluator)

swift build --package-path Fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xlinker --allow-multiple-definition 2>&1 | grep -vE "Cannot export local symbol" | tail -n 3
bin=.build-fuzz/debug

seed() {  # seed HARNESS FILE...: copies each seed file into the corpus (libFuzzer dedups by content)
    local corpus="Fuzz/.corpus/$1"; shift
    mkdir -p "$corpus"
    for file in "$@"; do [ -f "$file" ] && cp "$file" "$corpus/seed-$(sha1sum "$file" | cut -c1-12)"; done
    return 0
}
seed FuzzJWS examples/tokens/*.jwt examples/*/token.jwt
python3 - <<'PY'
import json, pathlib, hashlib
out = pathlib.Path("Fuzz/.corpus/FuzzJWS"); out.mkdir(parents=True, exist_ok=True)
for line in pathlib.Path("Tests/TokenVerificationTests/Fixtures/jwt-corpus/cases.jsonl").read_text().splitlines()[:400]:
    token = json.loads(line).get("token")
    if isinstance(token, str):
        (out / ("seed-" + hashlib.sha1(token.encode()).hexdigest()[:12])).write_text(token)
PY
seed FuzzJSON policies/keys/jwks.json examples/*/keys/jwks.json Tests/TokenVerificationTests/Fixtures/*.json
seed FuzzYAML policies/*.yaml policies/tests/*.yaml examples/*/*.yaml Tests/PolicyEngineTests/Fixtures/diagnostics/*/*.yaml
seed FuzzCompiler policies/documents.yaml policies/guardrails.yaml policies/claims.yaml Tests/PolicyEngineTests/Fixtures/diagnostics/*/*.yaml
mkdir -p Fuzz/.corpus/FuzzEvaluator
printf 'documents:read\xfftenants/acme/documents/1\xff{"locked":false}\xff{"sub":"alice","tenant":"acme"}' > Fuzz/.corpus/FuzzEvaluator/seed-allow
printf 'admin:delete\xffsecret/x\xff{}\xff{}' > Fuzz/.corpus/FuzzEvaluator/seed-deny

export SWIFT_BACKTRACE=enable=no
for harness in "${harnesses[@]}"; do
    mkdir -p "Fuzz/Crashes/$harness"
    echo "== $harness for ${seconds}s"
    # FuzzEvaluator keeps its compiled bundle in a global, whose indirect-enum boxes LeakSanitizer
    # cannot follow (tagged pointers); FuzzCompiler checks the same code for leaks per input.
    leaks=1
    [ "$harness" = FuzzEvaluator ] && leaks=0
    ASAN_OPTIONS="detect_leaks=$leaks" "$bin/$harness" "Fuzz/.corpus/$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=16384 -detect_leaks=$leaks \
        -artifact_prefix="Fuzz/Crashes/$harness/" -print_final_stats=1 > "Fuzz/Crashes/$harness/log.txt" 2>&1 || true
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: " "Fuzz/Crashes/$harness/log.txt" | tail -n 3
    ls "Fuzz/Crashes/$harness" | grep -vE '^log.txt$' | sed 's/^/  finding: /' || true
done
