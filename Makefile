# The two commands (see README.md).  Each sets everything up first, idempotently.
.PHONY: demo test sanitize fuzz
demo:
	bash .ci/demo.sh
test:
	bash .ci/test.sh

# Reliability runs beyond `make test` (see README.md, "Reliability").
FUZZ_SECONDS ?= 600
sanitize:
	bash .ci/setup.sh && bash .ci/sanitize.sh
fuzz:
	bash .ci/setup.sh && FUZZ_SEED=$${FUZZ_SEED:-0} bash .ci/fuzz.sh $(FUZZ_SECONDS)
