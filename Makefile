# BrainKit: `make demo` runs the main example, `make test` runs the whole test suite, `make
# view` serves a model live in the browser. Each first installs the system packages BrainKit
# needs (Debian/Ubuntu, apt-get; sudo when not root).

SWIFT ?= swift
# chromium and chromium-driver: the live view's browser test (BrainViewTests) in `make test`.
# openmpi-bin and libopenmpi-dev: Open MPI for BrainMPI's distributed runs (loaded at run time;
# BrainMPITests run mpirun).
SYSTEM_PACKAGES := libopenblas-dev liblapacke-dev pkg-config chromium chromium-driver openmpi-bin libopenmpi-dev

.PHONY: all deps demo view test test-portable build bench bench-compare docs clean

all: test

## Install missing system packages (OpenBLAS, LAPACKE, pkg-config; Chromium and its WebDriver
## for the live view's browser test; Open MPI for the distributed runs).
deps:
	@missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

## The main job: Spaun-lite, the spiking perception-to-action model, shown a recognition
## (a handwritten 3), a serial recall (4 7 2) and a count (2 up from 5); it prints what it saw
## and what it wrote, and a JSON line.
DEMO_STIMULUS := A1[\#3]?XA3[472]?XXXA4[5][2]?XXXXX
demo: deps
	$(SWIFT) run -c release spaun-lite run '$(DEMO_STIMULUS)'

## The live view: the talk's controlled oscillator (1000 LIF neurons in 2-D, a 100-neuron shape
## ensemble, a stimulus slider) running in real time; prints the URL to open
## (http://127.0.0.1:8080/) and serves until Ctrl-C. Other models: `brainkit-view --help`.
view: deps
	$(SWIFT) run -c release brainkit-view oscillator

## The whole test suite (release build: the behavioural tests simulate spiking networks; it
## includes ExampleTests, which runs every example executable and checks its JSON, ~10 s),
## then the reliability suite: adversarial cases, each in its own process under a memory
## limit, with a table by outcome (Tests/ReliabilitySuite; `swift test` builds it, and running
## the binary itself avoids `swift run` rebuilding the libraries without testability).
test: deps
	$(SWIFT) test -c release --disable-xctest
	$$($(SWIFT) build -c release --show-bin-path)/reliability-suite

## The suite again under each OpenBLAS kernel family this CPU can run (OPENBLAS_CORETYPE forced:
## pre-AVX, AVX, AVX2, AVX-512), so results that depend on a BLAS kernel's rounding show here.
test-portable: deps
	$(SWIFT) test list -c release --disable-xctest > /dev/null
	bash .ci/test-portable

build: deps
	$(SWIFT) build -c release

## The benchmark tool, built for this machine's CPU (AVX2/AVX-512 where present): Swift's
## default target is baseline x86-64, whose SIMD is 4 floats wide. The step's hot loops
## (CStepLoops) pick AVX-512/AVX2 versions at load time in every build, so the default build
## runs within a few percent of this one (docs/benchmarks.md). The library and its tests keep
## the portable default.
BENCH_BUILD := .build-native
bench: deps
	$(SWIFT) build -c release --product brainkit-bench --scratch-path $(BENCH_BUILD) \
	  -Xswiftc -target-cpu -Xswiftc native

## BrainKit and Nengo 4.1 side by side on the standard networks (installs Nengo with pip if
## missing); prints one table with the ratios. The headline is the build users get
## (`swift build -c release`, no flags, in its own scratch path so that it does not disturb the
## test build); the native-CPU build of `make bench` runs beside it. Not part of `make test`.
DEFAULT_BENCH_BUILD := .build-default
bench-compare: bench
	$(SWIFT) build -c release --product brainkit-bench --scratch-path $(DEFAULT_BENCH_BUILD)
	@python3 -c "import nengo" 2>/dev/null || python3 -m pip install --quiet "nengo==4.1.0"
	python3 bench/compare.py --seeds 3 --threads 2 --brainkit $(DEFAULT_BENCH_BUILD)/release/brainkit-bench \
	  --beside $(BENCH_BUILD)/release/brainkit-bench --beside-label native

## The documentation as static HTML in docs/api (not committed): one combined run of
## swift-docc-plugin over every public library module, each with its DocC catalog
## (Sources/<Module>/<Module>.docc, Architectures/SpaunLite/SpaunLite.docc), merged into one
## site with a package landing page. The articles' figures are copies of docs/figures (DocC
## takes images from the catalog only); the target first checks that the copies are current. Open it with any static file server at the site root,
## e.g. `python3 -m http.server -d docs/api`, then /documentation (the package page). Warnings are
## errors here (--warnings-as-errors): a broken ``Symbol`` link or a parameter documented
## under the wrong name fails the target. Doc comments link only to symbols of their own
## module; names from other modules are written in code font. Then .ci/doc-coverage checks
## that every public symbol has a doc comment of its own (it lists those that do not). Not
## part of `make test`; CI runs it after the tests.
DOC_MODULES := BrainCore BrainNetworks BrainSPA BrainBiophysics BrainPlot BrainView BrainMPI SpaunLite
DOCS_OUTPUT := docs/api
docs: deps
	@for figure in $$(find Sources Architectures -path '*.docc/Resources/*.svg'); do \
	  cmp -s "$$figure" "docs/figures/$$(basename $$figure)" || \
	    { echo "$$figure differs from docs/figures/$$(basename $$figure): copy it again"; exit 1; }; \
	done
	rm -rf $(DOCS_OUTPUT)
	$(SWIFT) package --allow-writing-to-directory $(DOCS_OUTPUT) generate-documentation \
	  --enable-experimental-combined-documentation $(foreach m,$(DOC_MODULES),--target $(m)) \
	  --output-path $(DOCS_OUTPUT) --transform-for-static-hosting --warnings-as-errors
	.ci/doc-coverage $(DOC_MODULES)

clean:
	rm -rf .build $(BENCH_BUILD) $(DOCS_OUTPUT)
