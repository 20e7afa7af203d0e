# Two commands do everything (see README.md):
#   make site   builds public/ from the sample site in this repository
#   make test   runs every test: Go unit, golden and whole-site tests, then the browser tests

GO ?= go

.PHONY: site test gotest fuzz e2e bench clean

site:
	$(GO) run . build --source . --out public

test: node_modules/.installed gotest fuzz e2e

# Tests never read or fill the user's cache of share cards (~/.cache/chiso): their builds
# use a folder of their own (main_test.go and e2e/helpers.mjs make a temporary one too).
test gotest fuzz e2e: export CHISO_CACHE_DIR = $(or $(TMPDIR),/tmp)/chiso-test-cache

# -race: the build renders pages on every core. It makes the tests several times slower
# (internal/pipeline takes minutes on 2 busy cores), hence the longer timeout. Goldens and
# the URL list are never rewritten here: -update (chart goldens) and -update-broken (the
# broken-input corpus) are for a person at a terminal, who reads the diff they print.
gotest:
	$(GO) vet ./...
	$(GO) test -race -timeout 30m -count=1 ./...

# Each fuzz target for a few seconds (FUZZTIME=10m make fuzz for a long run by hand).
fuzz:
	scripts/fuzz

e2e: node_modules/.installed
	node --test --test-concurrency=1 e2e/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# npm ci installs exactly what package-lock.json pins (ECharts, test tools).
node_modules/.installed: package.json package-lock.json
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf public node_modules
