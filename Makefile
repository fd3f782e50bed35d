# The two commands (see README.md).  Each sets everything up first, idempotently.
.PHONY: demo test
demo:
	bash .ci/demo.sh
test:
	bash .ci/test.sh
