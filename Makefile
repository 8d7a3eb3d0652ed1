# syskit: make (the chapter 11 tour), make test (every test), make run EX=ch11/pipe1 ARGS='...'.
# 'make help' lists the targets. Every target finds a JDK >= 25 itself (bin/find-jdk).
SHELL := /bin/bash
.DEFAULT_GOAL := tour
.PHONY: tour help build test run list stress check grade try reset bench trace bindings clean jdk

# The JDK, found once per make run: JAVA_HOME if new enough, else the newest under /usr/lib/jvm.
JDK := $(shell bin/find-jdk 2>/dev/null)
MAVEN := JAVA_HOME=$(JDK) MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow $(MAVEN_OPTS)" mvn -B -ntp -Dstyle.color=never
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
	@echo 'make grade EX=<id> DIR=<folder>  grade a class: one .java file or sub-folder per student'
	@echo 'make reset EX=<id>       put the untouched starter back into exercises/<id>/'
	@echo 'make bench               Java FFM against C: start, calls, pipes, fork, TCP, mutex'
	@echo 'make trace EX=<id> [ARGS=..] [REF=c|both]  its system calls as a sequence diagram (target/trace/<id>.html)'
	@echo 'make bindings            regenerate jextract-gen/ with jextract'

# Maven's own console codes stay in target/build.log; it is shown only when the build fails.
build: jdk
	@mkdir -p target && $(MAVEN) -q process-classes > target/build.log 2>&1 || { sed 's/\x1b\[[0-9;]*m//g' target/build.log >&2; exit 2; }

test: jdk
	@$(MAVEN) verify

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

grade: jdk
	@bin/grade $(EX) $(DIR) $(if $(TSV),--tsv $(TSV)) $(if $(JUNIT),--junit $(JUNIT))

try: build
	@bin/syskit --learner $(EX) $(ARGS)

# The pristine starter of each exercise is kept in exercises/<id>/.starter/ (chapters/README.md).
reset:
	@[ -n "$(EX)" ] && [ -d "exercises/$(EX)/.starter" ] || { echo "usage: make reset EX=<exercise>; the exercises are under exercises/<chapter>/<name>" >&2; exit 2; }
	@cp -v exercises/$(EX)/.starter/*.java exercises/$(EX)/

bench: build
	@bench/run

trace: build
	@[ -n "$(EX)" ] || { echo "usage: make trace EX=<listing> [ARGS='...'] [REF=c|both]" >&2; exit 2; }
	@bin/trace --ref $(or $(REF),java) $(EX) $(ARGS)

bindings:
	@bin/bindings

clean:
	@rm -rf target
