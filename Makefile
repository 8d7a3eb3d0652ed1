# syskit: make (the chapter 11 tour), make test (every test), make run EX=ch11/pipe1 ARGS='...'.
# 'make help' lists the targets. Every target finds a JDK >= 25 itself (bin/find-jdk).
SHELL := /bin/bash
.DEFAULT_GOAL := tour
.PHONY: tour help build test run list stress check grade try reset bench trace bindings clean jdk ref exercises hint watch

# The JDK, found once per make run: JAVA_HOME if new enough, else the newest under /usr/lib/jvm
# (a nested make gets it from the command line). bin/syskit is told its java, saving a look-up.
ifndef JDK
JDK := $(shell bin/find-jdk 2>/dev/null)
endif
export SYSKIT_JAVA := $(if $(JDK),$(JDK)/bin/java)
MAVEN := JAVA_HOME=$(JDK) mvn -B -ntp -Dstyle.color=never
EX ?=
ARGS ?=
N ?= 100
FILE ?=
REF ?=

jdk:
	@[ -n "$(JDK)" ] || { bin/find-jdk; exit 2; }

help:
	@echo 'make                     build, then the chapter 11 tour (pipe1, pipe2, pipe3)'
	@echo 'make test                every test (what CI runs)'
	@echo 'make run EX=<id> ARGS=.. one listing, e.g. make run EX=ch11/pipe1'
	@echo 'make list                every listing id, with what it shows'
	@echo 'make stress EX=<id> N=.. run a listing N times, count hangs and failures'
	@echo 'make check EX=<id>       check your answer to an exercise (FILE=<x.java>: check another file)'
	@echo 'make try EX=<id>         run your exercise answer as make check last compiled it'
	@echo 'make watch EX=<id>       make check again each time you save your file; Ctrl-C ends it'
	@echo 'make exercises           every exercise: not started, failing (n of m checks) or passing'
	@echo 'make hint EX=<id>        the next hint for an exercise, one at a time'
	@echo 'make grade EX=<id> DIR=<folder>  grade a class: one .java file or sub-folder per student'
	@echo 'make reset EX=<id>       put the untouched starter back into exercises/<id>/'
	@echo 'make ref EX=<id> ARGS=.. its C reference, compiled as the tests do (target/ref/<id>)'
	@echo 'make bench               Java FFM against C: start, calls, pipes, fork, TCP, mutex'
	@echo 'make trace EX=<id> [ARGS=..] [REF=c|both]  its system calls as a sequence diagram (target/trace/<id>.html)'
	@echo 'make bindings            regenerate jextract-gen/ with jextract'

# Only what changed is built. target/aot/built is the build's last step (bin/aot writes it, whoever
# ran Maven: make, mvn verify, bin/check); it is older than a source only when the sources changed
# since, and then Maven compiles what changed and bin/aot remakes the jar and the AOT cache from the
# new classes (atomically: a running listing keeps the files it started with). Two builds at once
# take turns (flock); the one that waited checks again, and finds nothing left to do. No build
# step reads stdin: it belongs to the listing. Maven's console stays in target/build.log, shown
# only when the build fails.
SOURCES := $(shell find src/main/java src/main/resources jextract-gen/src -type f 2>/dev/null) pom.xml bin/aot
BUILT := target/aot/built

build: jdk
	@mkdir -p target && flock target/build.lock $(MAKE) -s --no-print-directory JDK=$(JDK) $(BUILT) </dev/null

# Sources to classes (Maven; its own bin/aot step skipped), then classes to the jar and the AOT cache
# (bin/aot, which does nothing when no class is newer than its jar). The stamp takes the time the
# build started, so a source saved during the build is seen next time; a failed build leaves none.
$(BUILT): $(SOURCES)
	@start=$$(mktemp target/build.start.XXXXXX) && \
	  if $(MAVEN) -q -Dexec.skip=true process-classes > target/build.log 2>&1 </dev/null && bin/aot $(JDK) </dev/null; then \
	    touch -r $$start $@; rm -f $$start; \
	  else \
	    sed 's/\x1b\[[0-9;]*m//g' target/build.log >&2; rm -f $$start $@; exit 2; \
	  fi

# The suite's own build is the one bin/harness would make (for the tests that run make check and
# make watch): its stamp takes the time this build starts, and goes if the build or a test fails.
test: jdk
	@mkdir -p target && touch target/harness.built && $(MAVEN) verify || { rm -f target/harness.built; exit 1; }

run: build
	@[ -n "$(EX)" ] || { echo "usage: make run EX=<listing> [ARGS='...']; 'make list' shows the listings" >&2; exit 2; }
	@bin/syskit $(EX) $(ARGS)

list: build
	@bin/syskit --list

stress: build
	@[ -n "$(EX)" ] || { echo "usage: make stress EX=<listing> N=<count> [ARGS='...']" >&2; exit 2; }
	@bin/stress $(EX) $(N) $(ARGS)

tour: build
	@bin/tour

check: jdk
	@bin/check $(EX) $(FILE)

watch: jdk
	@bin/watch $(EX) $(FILE)

exercises:
	@bin/exercises

hint:
	@bin/hint $(EX)

grade: jdk
	@bin/grade $(EX) $(DIR) $(if $(TSV),--tsv $(TSV)) $(if $(JUNIT),--junit $(JUNIT))

try: build
	@bin/syskit --learner $(EX) $(ARGS)

# The pristine starter of each exercise is kept in exercises/<id>/.starter/ (chapters/README.md).
reset:
	@[ -n "$(EX)" ] && [ -d "exercises/$(EX)/.starter" ] || { echo "usage: make reset EX=<exercise>; the exercises are under exercises/<chapter>/<name>" >&2; exit 2; }
	@cp -v exercises/$(EX)/.starter/*.java exercises/$(EX)/

ref:
	@[ -n "$(EX)" ] || { echo "usage: make ref EX=<listing> [ARGS='...']: its C or C++ reference" >&2; exit 2; }
	@bin/ref $(EX) $(ARGS)

bench: build
	@bench/run

trace: build
	@[ -n "$(EX)" ] || { echo "usage: make trace EX=<listing> [ARGS='...'] [REF=c|both]" >&2; exit 2; }
	@bin/trace --ref $(or $(REF),java) $(EX) $(ARGS)

bindings:
	@bin/bindings

clean:
	@rm -rf target
